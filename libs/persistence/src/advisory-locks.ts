import type { EntityManager } from 'typeorm';

/** Arbitrary but fixed keys, next to MIGRATION_LOCK_KEY and CALENDAR_LOCK_KEY. */
const BOOTSTRAP_LOCK_KEY = 7_311_013;
const IMPORT_LOCK_KEY = 7_311_014;

/** Serialises two bootstraps started at once (until the transaction ends): the second sees the first one's province. */
export async function lockProvinceBootstrap(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
}

/** Serialises personnel imports into one government (until the transaction ends). */
export async function lockPersonnelImport(manager: EntityManager, governmentId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_LOCK_KEY, governmentId]);
}
