import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DocumentRepository, findTransitionNotificationContexts, MAX_NAMED_STATEMENTS, namedStatementCount, queryPrepared, useGenericPlans, WHOLE_INBOX } from '#persistence';
import { createDefaultRegistry, taskScopesOf } from '#workflow';
import type { EntityManager } from 'typeorm';
import { createTestApp, type TestApp } from '#testing';

/** Named prepared statements: planned once where that is asked for, and bounded (texts past the bound run unnamed, with the same answers). */
describe('queryPrepared', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Plans of the named statement whose text contains `text`, on the transaction's connection. */
  async function plansOf(tx: EntityManager, text: string): Promise<{ generic: number; custom: number }> {
    const [row] = await tx.query(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name LIKE 'alur\\_%' AND strpos(statement, $1) > 0`,
      [text],
    );
    return row ?? { generic: 0, custom: 0 };
  }

  // first, while statements still get names (the test below uses up the bound)
  it('plans the relay\'s notification context once per connection under useGenericPlans, and on every call without it', async () => {
    const context = 'SELECT o.id::text AS "outboxId"';
    await t.dataSource.transaction(async (tx) => {
      for (const ids of [['1'], ['2', '3'], ['4']]) await findTransitionNotificationContexts(tx, ids);
      expect(await plansOf(tx, context)).toEqual({ generic: 0, custom: 3 });
      await useGenericPlans(tx);
      for (const ids of [['5'], ['6', '7'], ['8']]) await findTransitionNotificationContexts(tx, ids);
      expect(await plansOf(tx, context)).toEqual({ generic: 3, custom: 3 });
    });
  });

  it("names the inbox's candidates as opened (any page), plans them once per connection under useGenericPlans, and leaves a narrowed inbox unnamed", async () => {
    const scopes = taskScopesOf({ username: 'kaltim.kadis', governmentCode: 'kaltim', unitCode: 'diskominfo', roles: ['UNIT_HEAD'], delegations: [] }, createDefaultRegistry(), new Date());
    const repository = new DocumentRepository({ content: [], facts: [] });
    const depth = { plain: 50, conditional: 200 };
    await t.dataSource.transaction(async (tx) => {
      await useGenericPlans(tx);
      for (let i = 0; i < 3; i++) await repository.inboxCandidates(tx, scopes, ['UNIT_HEAD'], depth);
      for (let i = 0; i < 3; i++) await repository.inboxCandidates(tx, scopes, ['UNIT_HEAD'], depth, { ...WHOLE_INBOX, kind: 'regulation' });
      const [{ named }] = await tx.query(`SELECT count(*)::int AS named FROM pg_prepared_statements WHERE name LIKE 'alur\\_%' AND strpos(statement, 'WITH candidates') > 0`);
      expect(named).toBe(1);
      expect(await plansOf(tx, 'WITH candidates')).toEqual({ generic: 3, custom: 0 });
    });
  });

  it('useGenericPlans refuses to run outside a transaction, where SET LOCAL would do nothing', async () => {
    await expect(useGenericPlans(t.dataSource.manager)).rejects.toThrow('useGenericPlans needs a transaction');
  });

  it('the Quick Win report trigger keeps its generic plans (a later CREATE OR REPLACE must set it again)', async () => {
    const [{ config }] = await t.dataSource.query(`SELECT proconfig AS config FROM pg_proc WHERE proname = 'documents_quick_win_delta'`);
    expect(config).toEqual(['plan_cache_mode=force_generic_plan']);
  });

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
