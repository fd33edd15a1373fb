import { addDaysToLocalDate, weekdayOf, type LocalDate } from '../calendar/local-date.util.js';
import { toLocalDateTime } from '../calendar/zoned-time.util.js';

/** The state every document starts in; leaving it by submission starts the document's run. */
export const START_STATE = 'draft';

export type ThroughputEvent = 'STARTED' | 'FINISHED';

export interface StateFacts {
  readonly state: string;
  readonly final: boolean;
}

/**
 * What a state change counts for in the weekly throughput: STARTED when a draft is submitted (it
 * leaves `draft` for a waiting state), FINISHED when a submitted document reaches a final state;
 * a draft withdrawn before submission is neither. `throughput_event(...)` in SQL (migration
 * ReportSummaries) is the same rule; a test holds them together.
 */
export function throughputEventOf(from: StateFacts, to: StateFacts): ThroughputEvent | null {
  if (from.state === to.state && from.final === to.final) return null;
  if (from.state === START_STATE && !to.final) return 'STARTED';
  if (!from.final && to.final && from.state !== START_STATE) return 'FINISHED';
  return null;
}

/** The Monday (ISO week start) of the week `instant` falls in, in `timeZone`. */
export function isoWeekStartOf(instant: Date, timeZone: string): LocalDate {
  const date = toLocalDateTime(instant, timeZone).date;
  return addDaysToLocalDate(date, -((weekdayOf(date) + 6) % 7));
}

/** ISO 8601 week label of a Monday, e.g. `2026-W10`. */
export function isoWeekLabel(monday: LocalDate): string {
  const thursday = addDaysToLocalDate(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const firstMonday = addDaysToLocalDate(jan4, -((weekdayOf(jan4) + 6) % 7));
  const week = Math.round((Date.parse(monday) - Date.parse(firstMonday)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
