import { createHash } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * At most this many statement texts get a name: each named statement is kept by every connection
 * that ran it, so texts built at run time (filters that come and go) must not grow that without end.
 * Texts past the bound run unnamed, planned on every call as `manager.query` would.
 */
export const MAX_NAMED_STATEMENTS = 256;

const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `alur_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** How many statement texts have a name (for tests). */
export function namedStatementCount(): number {
  return names.size;
}

/**
 * `manager.query` through a named prepared statement, for the queries every request runs: PostgreSQL
 * then plans each once per connection instead of on every call (the document query's joins took
 * longer to plan than to run). Uses the manager's transaction when it has one. Returns the rows.
 * PostgreSQL keeps planning a statement whose plan for the bound values keeps looking cheaper than
 * its generic plan; `useGenericPlans` stops that for a transaction.
 */
export async function queryPrepared<T = Record<string, unknown>>(manager: EntityManager, text: string, params: readonly unknown[]): Promise<T[]> {
  const own = manager.queryRunner === undefined || manager.queryRunner.isReleased;
  const runner: QueryRunner = own ? manager.connection.createQueryRunner() : manager.queryRunner!;
  try {
    const client = (await runner.connect()) as { query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    const name = statementName(text);
    const result = await client.query(name === undefined ? { text, values: [...params] } : { name, text, values: [...params] });
    return result.rows;
  } finally {
    if (own) await runner.release();
  }
}

/**
 * For the rest of the caller's transaction, every statement with parameters runs on its generic plan
 * (a named one planned once per connection, an unnamed one without looking at the values). For
 * transactions of statements over ids (`= ANY($1)`) whose custom plan for a short list always looks
 * cheaper, so PostgreSQL planned them on every call: the relay's notification context, 9 relations,
 * took longer to plan than to run (bench/RESULTS.md 1a). Not for filters whose best plan depends on
 * the values.
 */
export async function useGenericPlans(manager: EntityManager): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('useGenericPlans needs a transaction');
  await manager.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
}
