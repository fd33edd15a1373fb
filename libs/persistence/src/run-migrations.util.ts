import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: every alur process takes the same lock before touching the schema. */
export const MIGRATION_LOCK_KEY = 7_311_001;

/**
 * Applies pending migrations while holding a session-level advisory lock, so an api and a worker
 * (or several of each) starting together run them exactly once. `andThen` runs under the same lock
 * (the demo seed uses it).
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  andThen?: (dataSource: DataSource) => Promise<void>,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (andThen) await andThen(dataSource);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
