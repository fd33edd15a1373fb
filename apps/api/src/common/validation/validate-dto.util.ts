import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { validationFailed } from '../errors/app.exception.js';

/**
 * Validates a plain value against a DTO class with the global pipe's rules (unknown fields rejected).
 * Used where the API contract asks for validation after another check (e.g. 404 before 400).
 */
export function validateDto<T extends object>(cls: ClassConstructor<T>, value: unknown, what = 'body'): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationFailed(`${what} must be a JSON object`);
  }
  const unstorable = findUnstorableString(value, what === 'body' ? '' : what);
  if (unstorable !== null) {
    throw validationFailed(`${unstorable || what} contains a NUL character or a broken Unicode surrogate`, { fields: [unstorable || what] });
  }
  const instance = plainToInstance(cls, value, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = flattenValidationErrors(errors, what === 'body' ? '' : what);
    throw validationFailed(messages.join('; '), { fields: messages });
  }
  return instance;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? (prefix ? `${prefix}.${m}` : m) : `${path}: ${m}`));
    return [...own, ...flattenValidationErrors(e.children ?? [], path)];
  });
}

/** What PostgreSQL text and jsonb cannot hold: NUL, and a UTF-16 surrogate without its other half. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first key or string in a JSON value that the database cannot store, else null (iterative: any depth). */
export function findUnstorableString(value: unknown, root = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return path;
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        if (UNSTORABLE.test(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
