import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Static, TSchema } from 'typebox';
import { validationFailed } from '../errors/app.exception.js';
import { isDateOnly } from '../validation/date-only.util.js';
import { isDateTimeWithOffset } from '../validation/date-time.util.js';
import { describeErrors } from './validation-messages.js';

/** At most this many fields are named in one error body, however many are wrong. */
export const MAX_FIELDS_NAMED = 5;

/** Keys that mean something to JavaScript objects and never to this API, at any depth. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes, useDefaults: false, verbose: true, unicodeRegExp: true });
  ajv.addFormat('date', { type: 'string', validate: isDateOnly });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeWithOffset });
  ajv.addFormat('uuid', { type: 'string', validate: (s: string) => UUID.test(s) });
  ajv.addKeyword({ keyword: 'x-shape', schemaType: 'string' }); // how a pattern's failure is told to people
  return ajv;
}

const bodies = createAjv(false);
/** Query strings are strings; their schemas say integer or boolean and ajv converts (`?page=2`). */
const queries = createAjv(true);
const compiled = new WeakMap<object, ValidateFunction>();

function validatorOf(schema: TSchema, coerce: boolean): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = (coerce ? queries : bodies).compile(schema);
    compiled.set(schema, validate);
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
  const bad = findPrototypeKey(value, root);
  if (bad !== null) {
    throw validationFailed(`${bad} is not a field this API knows`, { fields: [`${bad}: not a known field`] });
  }
  const validate = validatorOf(schema, what === 'query');
  if (validate(value)) return value as Static<S>;
  const messages = describeErrors(validate.errors ?? [], root, MAX_FIELDS_NAMED);
  throw validationFailed(messages.join('; '), { fields: messages });
}

/** The path of the first `__proto__`, `constructor` or `prototype` key in a JSON value, else null (iterative: any depth). */
export function findPrototypeKey(value: unknown, root = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push([current[i], `${path}[${i}]`]);
      continue;
    }
    for (const key of Object.keys(current)) {
      const child = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return child;
      stack.push([(current as Record<string, unknown>)[key], child]);
    }
  }
  return null;
}

export type { ErrorObject };
