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
