import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isDateTimeWithOffset } from './date-time.util.js';

export { isDateTimeWithOffset };

/** Legacy class-validator DTOs only; new endpoints use the schemas of common/contract (README "Adding an endpoint"). */
export function IsDateTimeWithOffset(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateTimeWithOffset',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 date and time with an offset, e.g. 2026-03-02T08:00:00+08:00`, ...options },
      validator: { validate: isDateTimeWithOffset },
    });
}
