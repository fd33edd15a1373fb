import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isDateOnly } from './date-only.util.js';

export function IsDateOnly(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: isDateOnly },
    });
}
