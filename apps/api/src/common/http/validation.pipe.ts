import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode } from '../errors/error-code.enum.js';
import { AppException } from '../errors/app.exception.js';

/** Unknown fields are rejected, not silently dropped; messages name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const messages = flatten(errors);
      return new AppException(ErrorCode.VALIDATION_FAILED, messages.join('; ') || 'Invalid request', { fields: messages });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? `${prefix ? prefix + '.' : ''}${m}` : `${path}: ${m}`));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}
