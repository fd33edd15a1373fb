import type { TSchema } from 'typebox';

/**
 * Schemas that the OpenAPI document shows as named components (`#/components/schemas/<name>`).
 * Named by identity, not by `$id`, so one schema can sit inside many others without ajv seeing
 * the same id twice.
 */
const NAMES = new Map<object, string>();

export function named<T extends TSchema>(name: string, schema: T): T {
  for (const [other, taken] of NAMES) {
    if (taken === name && other !== schema) throw new Error(`Two schemas are named ${name}`);
  }
  NAMES.set(schema, name);
  return schema;
}

export function nameOf(schema: object): string | undefined {
  return NAMES.get(schema);
}
