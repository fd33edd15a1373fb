import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { validationFailed } from '../errors/app.exception.js';
import { walk } from '../contract/schema-validator.js';
import { findUnstorableString, flattenValidationErrors } from '../validation/validate-dto.util.js';

const MAX_DTO_DEPTH = 16;

/** Whether a JSON value holds objects or arrays more than `limit` levels deep (iterative). */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

const NOT_A_DTO = new Set<unknown>([undefined, String, Boolean, Number, Array, Object, Buffer, Date]);

/**
 * Legacy: validates the class-validator DTOs of endpoints not yet moved to the schemas of
 * common/contract (README "Adding an endpoint"). Also refuses strings PostgreSQL cannot store (NUL, lone surrogates) in DTO-typed parameters, which
 * would otherwise fail in the database as a 500. Untyped bodies are checked by validateDto, after
 * the use case's visibility check.
 */
class StorableValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!NOT_A_DTO.has(metadata.metatype)) {
      // class-transformer recurses: a body nested deeper than any DTO would overflow the stack (a 500)
      if (deeperThan(value, MAX_DTO_DEPTH)) throw validationFailed(`${metadata.type} is nested deeper than ${MAX_DTO_DEPTH} levels`, { fields: [metadata.type] });
      const { prototypeKey } = walk(value, '');
      if (prototypeKey !== null) throw validationFailed(`${prototypeKey} is not a field this API knows`, { fields: [`${prototypeKey}: not a known field`] });
      const unstorable = findUnstorableString(value, metadata.type === 'body' ? '' : metadata.type);
      if (unstorable !== null) {
        throw validationFailed(`${unstorable || metadata.type} contains a NUL character or a broken Unicode surrogate`, { fields: [unstorable || metadata.type] });
      }
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are rejected, not silently dropped; messages name the field. */
export function createValidationPipe(): ValidationPipe {
  return new StorableValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const messages = flattenValidationErrors(errors);
      return validationFailed(messages.join('; ') || 'Invalid request', { fields: messages });
    },
  });
}
