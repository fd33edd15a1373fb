import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Static, TSchema } from 'typebox';
import { isUuid } from '#workflow';
import { validationFailed } from '../errors/app.exception.js';
import { isDateOnly } from '../validation/date-only.util.js';
import { isDateTimeWithOffset } from '../validation/date-time.util.js';
import { describeErrors } from './validation-messages.js';

/** At most this many fields are named in one error body, however many are wrong. */
export const MAX_FIELDS_NAMED = 5;

/** Keys that mean something to JavaScript objects and never to this API, at any depth. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Up to this many keys and items a refusal names every field at fault (up to five); beyond, the first. */
const EVERY_ERROR_UP_TO = 2000;

// strictRequired off: `then: { required: ['n'] }` names a property its parent defines
function createAjv(coerceTypes: boolean, allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors, strict: true, strictRequired: false, coerceTypes, useDefaults: false, verbose: true, unicodeRegExp: true });
  ajv.addFormat('date', { type: 'string', validate: isDateOnly });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeWithOffset });
  ajv.addFormat('uuid', { type: 'string', validate: isUuid });
  ajv.addKeyword({ keyword: 'x-shape', schemaType: 'string' }); // how a pattern's failure is told to people
  return ajv;
}

/**
 * Query strings are strings; their schemas say integer or boolean and ajv converts (`?page=2`).
 * Each kind twice: stopping at the first error (any body), and collecting every error (small bodies).
 */
const AJV = {
  body: { first: createAjv(false, false), every: createAjv(false, true) },
  query: { first: createAjv(true, false), every: createAjv(true, true) },
};
const compiled = new Map<Ajv2020, WeakMap<object, ValidateFunction>>();

function validatorOf(schema: TSchema, ajv: Ajv2020): ValidateFunction {
  let cache = compiled.get(ajv);
  if (!cache) compiled.set(ajv, (cache = new WeakMap()));
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

/**
 * The one way a request part is checked: the value as the schema's static type, or a 400
 * VALIDATION_FAILED naming at most MAX_FIELDS_NAMED fields, one message each. Cost is linear in
 * the value: one walk for prototype keys, then ajv's compiled code, which only descends as deep as
 * the schema does.
 */
export function parseWith<S extends TSchema>(schema: S, value: unknown, what: 'body' | 'query' | string = 'body'): Static<S> {
  const root = what === 'body' || what === 'query' ? '' : what;
  const { prototypeKey, size } = walk(value, root);
  if (prototypeKey !== null) {
    throw validationFailed(`${prototypeKey} is not a field this API knows`, { fields: [`${prototypeKey}: not a known field`] });
  }
  const ajv = AJV[what === 'query' ? 'query' : 'body'];
  // a large body is refused at its first error: the cost stays that of reading it
  const validate = validatorOf(schema, size <= EVERY_ERROR_UP_TO ? ajv.every : ajv.first);
  if (validate(value)) {
    if (what === 'query') assertFiniteNumbers(schema, value);
    return value as Static<S>;
  }
  const messages = describeErrors(validate.errors ?? [], root, MAX_FIELDS_NAMED);
  throw validationFailed(messages.join('; '), { fields: messages });
}

/**
 * ajv turns `?limit=1e400` into Infinity and then skips the type and range checks of that value
 * (ajv 8), so a query's numbers are checked here once more.
 */
function assertFiniteNumbers(schema: TSchema, query: unknown): void {
  if (typeof query !== 'object' || query === null) return;
  for (const [field, v] of Object.entries(query)) {
    if (typeof v !== 'number' || Number.isFinite(v)) continue;
    const type = (schema as { properties?: Record<string, { type?: string }> }).properties?.[field]?.type;
    const message = `${field} must be ${type === 'integer' ? 'a whole number' : 'a number'}`;
    throw validationFailed(message, { fields: [message] });
  }
}

/**
 * One iterative pass (any depth): the path of the first `__proto__`, `constructor` or `prototype`
 * key, and how many keys and items the value holds.
 */
export function walk(value: unknown, root = ''): { prototypeKey: string | null; size: number } {
  const stack: Array<[unknown, string]> = [[value, root]];
  let size = 0;
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      size += current.length;
      for (let i = 0; i < current.length; i++) if (isContainer(current[i])) stack.push([current[i], `${path}[${i}]`]);
      continue;
    }
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      size += 1;
      if (PROTOTYPE_KEYS.has(key)) return { prototypeKey: path ? `${path}.${key}` : key, size };
      const child = (current as Record<string, unknown>)[key];
      if (isContainer(child)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return { prototypeKey: null, size };
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

export type { ErrorObject };
