import type { ErrorObject } from 'ajv/dist/2020.js';
import { isCleanText, NON_BLANK_TEXT_PATTERN, TEXT_PATTERN } from './fields.js';

/** `/stages/approval/0` as people read it: `stages.approval[0]`. */
function fieldOf(instancePath: string, root: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = root;
  for (const part of parts) path = /^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part;
  return path;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'an array',
  null: 'null',
};

/** The field an error is about (a missing or unknown field is named itself) and what is wrong with it. */
function toMessage(error: ErrorObject, root: string): { field: string; text: string } {
  const at = fieldOf(error.instancePath, root);
  const child = (name: string) => (at ? `${at}.${name}` : name);
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return { field: child(p.missingProperty), text: 'is required' };
    case 'additionalProperties':
      return { field: child(p.additionalProperty), text: 'is not a known field' };
    case 'propertyNames':
      return { field: child(p.propertyName), text: 'is not an allowed name here' };
    case 'type': {
      const types = String(p.type).split(',');
      return { field: at, text: `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}` };
    }
    case 'minLength':
    case 'maxLength': {
      const min = schema.minLength as number | undefined;
      const max = schema.maxLength as number | undefined;
      if (min !== undefined && max !== undefined) return { field: at, text: min === 1 ? `must be 1 to ${max} characters long (not empty)` : `must be ${min} to ${max} characters long` };
      return { field: at, text: error.keyword === 'minLength' ? `must be at least ${min} characters long` : `must be at most ${max} characters long` };
    }
    case 'pattern':
      if (schema.pattern === TEXT_PATTERN || schema.pattern === NON_BLANK_TEXT_PATTERN) {
        if (typeof error.data === 'string' && isCleanText(error.data)) return { field: at, text: 'must not be blank' };
        return { field: at, text: 'must not contain control characters, bidirectional overrides or zero-width characters (tab and newline are allowed)' };
      }
      return { field: at, text: `must be ${typeof schema['x-shape'] === 'string' ? schema['x-shape'] : `text matching ${String(schema.pattern)}`}` };
    case 'format':
      return { field: at, text: FORMAT_WORDS[p.format as string] ?? `must be a ${p.format}` };
    case 'enum':
      if (typeof schema['x-shape'] === 'string') return { field: at, text: `must be ${schema['x-shape']}` };
      return { field: at, text: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { field: at, text: `must be ${String(p.allowedValue)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const min = schema.minimum as number | undefined;
      const max = schema.maximum as number | undefined;
      if (min !== undefined && max !== undefined) return { field: at, text: `must be from ${min} to ${max}` };
      return { field: at, text: `must be ${p.comparison} ${p.limit}` };
    }
    case 'uniqueItems':
      return { field: at, text: 'must not repeat an item' };
    case 'maxItems':
      return { field: at, text: `must hold at most ${p.limit} items` };
    case 'minItems':
      return { field: at, text: `must hold at least ${p.limit} item${p.limit === 1 ? '' : 's'}` };
    case 'maxProperties':
      return { field: at, text: `must have at most ${p.limit} fields` };
    case 'minProperties':
      return { field: at, text: `must have at least ${p.limit} field${p.limit === 1 ? '' : 's'}` };
    case 'anyOf':
    case 'oneOf':
      return { field: at, text: anyOfText(schema) };
    default:
      return { field: at, text: error.message ?? 'is not valid' };
  }
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'must be a date written YYYY-MM-DD',
  'date-time': 'must be an ISO 8601 date and time with an offset, e.g. 2026-03-02T08:00:00+08:00',
  uuid: 'must be a UUID',
};

function anyOfText(schema: Record<string, unknown>): string {
  const options = (schema.anyOf ?? schema.oneOf ?? []) as Array<Record<string, unknown>>;
  const words = options.map((o) => (o.const !== undefined ? String(o.const) : o.type === 'null' ? 'null' : TYPE_WORDS[o.type as string] ?? 'a valid value'));
  return `must be ${words.join(' or ')}`;
}

/**
 * One message per field, at most `limit` fields: ajv reports every failed keyword, and for an
 * anyOf (a value or null) also each branch's; the first message of a field is the one people need.
 */
export function describeErrors(errors: readonly ErrorObject[], root: string, limit: number): string[] {
  const unions = new Set(errors.filter(isUnion).map((e) => e.instancePath));
  // a branch whose type did not match at the union's own level is summed up by the union's message...
  const isBranchMiss = (e: ErrorObject) => !isUnion(e) && unions.has(e.instancePath) && /\/(anyOf|oneOf)\/\d+\/(type|const|enum)$/.test(e.schemaPath);
  // ...while a union whose value had the right type but failed inside (a field of the object) is told by those errors
  const explained = new Set<string>();
  for (const e of errors) {
    if (isUnion(e) || isBranchMiss(e) || !/\/(anyOf|oneOf)\//.test(e.schemaPath)) continue;
    for (let path = e.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
      if (unions.has(path)) explained.add(path);
      if (!path) break;
    }
  }
  const byField = new Map<string, string>();
  const others = new Set<string>();
  for (const error of errors) {
    // an if/then says what failed in its own errors (e.g. a field required when another has a value)
    if (error.keyword === 'if') continue;
    if (isBranchMiss(error) || (isUnion(error) && explained.has(error.instancePath))) continue;
    const { field, text } = toMessage(error, root);
    const name = field || 'body';
    if (byField.has(name)) continue;
    if (byField.size < limit) byField.set(name, `${name} ${text}`);
    else others.add(name);
  }
  const messages = [...byField.values()];
  if (others.size > 0) messages.push(`and ${others.size} more field${others.size === 1 ? '' : 's'}`);
  return messages;
}

const isUnion = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';
