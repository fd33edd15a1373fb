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
