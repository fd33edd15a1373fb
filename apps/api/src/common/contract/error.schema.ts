import Type from 'typebox';
import { ErrorCode, STATUS_OF } from '../errors/error-code.enum.js';
import { named } from './schema-names.js';

/** The api.md error shape, every status; each operation narrows `code` to the codes it may answer. */
export const ErrorBodySchema = named(
  'Error',
  Type.Object(
    {
      statusCode: Type.Integer({ minimum: 400, maximum: 599, examples: [409] }),
      error: Type.String({ description: 'The HTTP reason phrase', examples: ['Conflict'] }),
      code: Type.Unsafe<ErrorCode>({ type: 'string', enum: Object.values(ErrorCode), description: 'Stable and machine-readable', examples: ['INVALID_TRANSITION'] }),
      message: Type.String({ description: 'For people; names the fields at fault (at most five)', examples: ['APPROVE is not possible in state draft'] }),
      details: Type.Optional(
        Type.Object(
          {
            fields: Type.Optional(Type.Array(Type.String(), { maxItems: 6, description: 'One message per field at fault' })),
            conflictsWith: Type.Optional(Type.String({ format: 'uuid' })),
          },
          // a refused personnel import (POST /api/users/import) carries its report here: governmentCode, dryRun, rows, summary
          { additionalProperties: true, description: 'fields: one message per field at fault; a refused personnel import also carries its ImportReport' },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);

/** The codes grouped by status, as an operation's responses list them. */
export function errorStatuses(codes: readonly ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = STATUS_OF[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
