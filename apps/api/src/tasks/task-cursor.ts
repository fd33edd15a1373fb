import type { InboxPosition } from '#persistence';
import { validationFailed } from '../common/errors/app.exception.js';

const MICROS = '(0|[1-9][0-9]{0,15})';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Where the inbox's next page begins: the last task's due time (`-`: none) and creation, in
 * microseconds since 1970, and its id (`1765000000123456.1764990000000000.<uuid>`). Opaque to clients.
 */
export const TASK_CURSOR_PATTERN = `^(${MICROS}|-)\\.${MICROS}\\.${UUID}$`;

export function encodeTaskCursor(position: InboxPosition): string {
  return `${position.dueAt ?? '-'}.${position.createdAt}.${position.id}`;
}

/** The position of a cursor of `TASK_CURSOR_PATTERN`'s shape; one beyond what a time can be is refused. */
export function decodeTaskCursor(cursor: string): InboxPosition {
  const [due, created, id] = cursor.split('.');
  const dueAt = due === '-' ? null : Number(due);
  const createdAt = Number(created);
  if ((dueAt !== null && !Number.isSafeInteger(dueAt)) || !Number.isSafeInteger(createdAt)) {
    throw validationFailed('after must be the next of an earlier page of tasks');
  }
  return { dueAt, createdAt, id };
}
