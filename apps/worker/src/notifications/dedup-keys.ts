import type { DeadlineEventKind } from '#queue';

/*
 * Every notification has a deduplication key naming the one fact it reports and its recipient;
 * `notifications.dedup_key` is UNIQUE and every insert is ON CONFLICT DO NOTHING, so retries, a job
 * added twice, a relay that crashed after enqueueing and two workers all end in one row.
 */

/** A deadline event: the deadline, the event and its sequence (not the generation: an event fires once). */
export function deadlineDedupKey(deadlineId: string, event: DeadlineEventKind, sequence: number, username: string): string {
  return `deadline:${deadlineId}:${event}:${sequence}:${username}`;
}

/** A transition's NOTIFY outbox row. */
export function outboxDedupKey(outboxId: string, username: string): string {
  return `outbox:${outboxId}:${username}`;
}

/** A regulation's targetDate reminder. */
export function targetDateDedupKey(documentId: string, targetDate: string, daysBefore: number, username: string): string {
  return `target:${documentId}:${targetDate}:${daysBefore}d:${username}`;
}

/** A government's weekly digest to one person. */
export function weeklyDigestDedupKey(governmentCode: string, week: string, username: string): string {
  return `digest:${governmentCode}:${week}:${username}`;
}

/** The week's notice to one of a province's ADMINs that national holidays are missing. */
export function holidaysMissingDedupKey(governmentCode: string, week: string, username: string): string {
  return `holidays-missing:${governmentCode}:${week}:${username}`;
}

/**
 * The e-mail Message-ID of a notification: `<dedup-key@alur>`, with every character a dot-atom may not
 * hold (RFC 5322, e.g. ':') turned into '.', so a re-sent e-mail carries the same id.
 */
export function messageIdFor(dedupKey: string): string {
  const local = dedupKey
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `<${local || 'notification'}@alur>`;
}
