import type { EntityManager } from 'typeorm';

export type SavepointOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `work` inside a savepoint of the caller's transaction (`manager` must be in one): when it
 * throws, what it wrote is rolled back to the savepoint and the transaction goes on; the error is returned.
 */
export async function inSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<SavepointOutcome<T>> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('inSavepoint needs a transaction');
  await manager.query('SAVEPOINT alur_work');
  try {
    const value = await work();
    await manager.query('RELEASE SAVEPOINT alur_work');
    return { ok: true, value };
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT alur_work');
    return { ok: false, error };
  }
}
