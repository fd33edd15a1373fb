import type { DataSource, EntityManager } from 'typeorm';

/** Arbitrary but fixed keys, next to MIGRATION_LOCK_KEY and CALENDAR_LOCK_KEY. */
const BOOTSTRAP_LOCK_KEY = 7_311_013;
const IMPORT_LOCK_KEY = 7_311_014;
const DEMO_DOCUMENTS_LOCK_KEY = 7_311_015;

/** Serialises two bootstraps started at once (until the transaction ends): the second sees the first one's province. */
export async function lockProvinceBootstrap(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
}

/** Serialises personnel imports into one government (until the transaction ends). */
export async function lockPersonnelImport(manager: EntityManager, governmentId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_LOCK_KEY, governmentId]);
}

/**
 * Runs `work` while holding a session lock of its own, so that API processes starting together make the
 * demo documents once (`work` runs several transactions, each on a connection of the pool); null at
 * once, without waiting, when another process holds it (that one is making them).
 */
export async function withDemoDocumentsLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T | null> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }]: Array<{ locked: boolean }> = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [DEMO_DOCUMENTS_LOCK_KEY]);
    if (!locked) return null;
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [DEMO_DOCUMENTS_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
