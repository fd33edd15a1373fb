import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_NAMED_STATEMENTS, namedStatementCount, queryPrepared } from '#persistence';
import { createTestApp, type TestApp } from '#testing';

/** Named prepared statements are bounded: texts past the bound run unnamed, with the same answers. */
describe('queryPrepared', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('names at most MAX_NAMED_STATEMENTS texts, per process and per connection, and answers every one', async () => {
    await t.dataSource.transaction(async (tx) => {
      for (let n = 0; n < MAX_NAMED_STATEMENTS + 50; n++) {
        const [row] = await queryPrepared<{ sum: number }>(tx, `SELECT $1::int + ${n} AS sum`, [1]);
        expect(row.sum).toBe(n + 1);
      }
      const [{ prepared }] = await tx.query(`SELECT count(*)::int AS prepared FROM pg_prepared_statements WHERE name LIKE 'alur\\_%'`);
      expect(prepared).toBeLessThanOrEqual(MAX_NAMED_STATEMENTS);
      expect(prepared).toBeGreaterThan(0);
    });
    expect(namedStatementCount()).toBe(MAX_NAMED_STATEMENTS);
  });
});
