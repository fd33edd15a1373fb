import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { validationFailed } from '../errors/app.exception.js';
import { findUnstorableString, flattenValidationErrors } from '../validation/validate-dto.util.js';

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
