/** The text form of a UUID (any version): 8-4-4-4-12 hexadecimal digits. The one definition of it in alur. */
const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A UUID in either case: ids in paths, job payloads, outbox rows and the `uuid` format of the API's schemas. */
export const UUID_PATTERN = new RegExp(`^${UUID_TEXT}$`, 'i');

/** A UUID in lowercase only, as `crypto.randomUUID()` and PostgreSQL write it (the id of a token alur issued). */
export const LOWERCASE_UUID_PATTERN = new RegExp(`^${UUID_TEXT}$`);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isLowercaseUuid(value: unknown): value is string {
  return typeof value === 'string' && LOWERCASE_UUID_PATTERN.test(value);
}
