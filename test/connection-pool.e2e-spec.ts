import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from 'pg';
import { POOL_IDLE_TIMEOUT_MS } from '#persistence';
import { createTestApp, type TestApp } from '#testing';

/**
 * node-postgres closes a connection idle for 10 s; a new one then pays PostgreSQL's start, its catalog
 * and the trigger functions' compilation before its first transition (bench/RESULTS.md: the approval
 * benchmark's worst seconds). The pool keeps its connections for POOL_IDLE_TIMEOUT_MS instead.
 */
describe('the database pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps an idle connection past node-postgres\'s 10 s, the same backend answering after', async () => {
    expect(POOL_IDLE_TIMEOUT_MS).toBeGreaterThanOrEqual(5 * 60_000);
    const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
    const backend = async (): Promise<number> => (await t.dataSource.query(`SELECT pg_backend_pid() AS pid`))[0].pid;
    const before = await backend();
    const open = pool.totalCount;
    expect(open).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(pool.totalCount).toBe(open);
    expect(await backend()).toBe(before);
  }, 30_000);

  it('compiles no plan just in time, on any of its connections', async () => {
    const settings = await Promise.all(Array.from({ length: 4 }, () => t.dataSource.query(`SELECT current_setting('jit') AS jit, pg_sleep(0.05)`)));
    expect(settings.map(([row]) => row.jit)).toEqual(['off', 'off', 'off', 'off']);
    expect((await t.dataSource.query(`SELECT boot_val FROM pg_settings WHERE name = 'jit'`))[0].boot_val).toBe('on'); // the server's own default
  });
});
