import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';

/** Where an open stage stands against its deadline. */
export const SlaStatus = { ON_TIME: 'ON_TIME', DUE_SOON: 'DUE_SOON', OVERDUE: 'OVERDUE' } as const;
export type SlaStatus = (typeof SlaStatus)[keyof typeof SlaStatus];
export const ALL_SLA_STATUSES: readonly SlaStatus[] = Object.freeze(Object.values(SlaStatus));

/** "Segera jatuh tempo": due within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;

/** The two instants that split open deadlines into the three statuses at `now`. */
export interface SlaStatusBounds {
  readonly now: Date;
  /** Due at or before this (and after `now`): DUE_SOON. */
  readonly dueSoonUntil: Date;
}

export function slaStatusBounds(calendar: WorkingDayCalendar, now: Date): SlaStatusBounds {
  return { now, dueSoonUntil: calendar.addWorkingDays(now, DUE_SOON_WORKING_DAYS) };
}

/**
 * OVERDUE once the due time has come (as a document's `deadline.overdue`), DUE_SOON within
 * `DUE_SOON_WORKING_DAYS` working days, else ON_TIME. The reports repository's `SLA_STATUS_SQL` is
 * the same rule in SQL; a test holds them together.
 */
export function slaStatusOf(dueAt: Date, bounds: SlaStatusBounds): SlaStatus {
  if (dueAt.getTime() <= bounds.now.getTime()) return SlaStatus.OVERDUE;
  if (dueAt.getTime() <= bounds.dueSoonUntil.getTime()) return SlaStatus.DUE_SOON;
  return SlaStatus.ON_TIME;
}
