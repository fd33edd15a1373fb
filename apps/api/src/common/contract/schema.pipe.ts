import { Body, Query, type PipeTransform } from '@nestjs/common';
import type { TSchema } from 'typebox';
import { parseWith } from './schema-validator.js';

/** Validates a body or query string against its schema (see parseWith). */
class SchemaPipe implements PipeTransform {
  constructor(
    private readonly schema: TSchema,
    private readonly what: 'body' | 'query',
  ) {}

  transform(value: unknown): unknown {
    return parseWith(this.schema, this.what === 'query' ? { ...(value as object) } : value, this.what);
  }
}

/** `@ValidBody(Schema) body: Static<typeof Schema>`: 400 before the handler runs. */
export const ValidBody = (schema: TSchema) => Body(new SchemaPipe(schema, 'body'));
/** `@ValidQuery(Schema) query: Static<typeof Schema>`: numbers and booleans arrive converted. */
export const ValidQuery = (schema: TSchema) => Query(new SchemaPipe(schema, 'query'));
