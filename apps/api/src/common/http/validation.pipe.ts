import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed } from '../errors/app.exception.js';
import { flattenValidationErrors } from '../validation/validate-dto.util.js';

/** Unknown fields are rejected, not silently dropped; messages name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
