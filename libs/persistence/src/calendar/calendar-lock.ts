import type { EntityManager } from 'typeorm';

/** Arbitrary but fixed, next to MIGRATION_LOCK_KEY: guards the holiday calendar against deadline writes. */
export const CALENDAR_LOCK_KEY = 7_311_002;

/**
 * Taken (shared, until the transaction ends) by every transaction that opens or closes a deadline,
 * before it touches a deadline row. Shared holders do not wait for each other.
 */
/** The shared lock as an SQL expression, for a statement that takes it along with other work. */
export const CALENDAR_SHARED_LOCK_SQL = `pg_advisory_xact_lock_shared(${CALENDAR_LOCK_KEY})`;

export async function lockCalendarShared(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [CALENDAR_LOCK_KEY]);
}

/**
 * Taken (exclusive, until the transaction ends) by a holiday change before it writes: it waits for
 * transitions in flight and holds new ones back until it commits. So a deadline is either opened
 * before the change (and the recomputation, which runs after the lock, sees and moves it) or after
 * it (and the planner reads the new holiday list); none slips between the two.
 */
export async function lockCalendarExclusive(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_LOCK_KEY]);
}
