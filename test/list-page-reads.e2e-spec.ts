import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listPageQuery } from '#persistence';
import { createDefaultRegistry, listReadScopes, Role, type ActorFacts } from '#workflow';
import { createTestApp, type TestApp } from '#testing';

/**
 * A list page reads what its caller may read, not the government's every document: a caller who reads a government
 * only through its own units (an OPD head) has its page off its units' index and what it is involved in, so a unit
 * holding none of a kind lists nothing without reading the other units' documents, which took seconds at a million
 * documents (bench/RESULTS.md section 4). The rows read are counted in the plan (EXPLAIN ANALYZE), never timed; off
 * the indexes, as at scale, where a table this small would be read whole.
 */
describe("a list page reads the caller's documents, not the government's", () => {
  let t: TestApp;
  let kaltim: string;
  const OTHER_UNITS_QUICK_WINS = 600;
  const definitions = createDefaultRegistry().list().filter((d) => d.kind === 'quick-win');

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: kaltim }] = await t.dataSource.query(`SELECT id FROM governments WHERE code = 'kaltim'`);
    await t.dataSource.query(
      `INSERT INTO documents (kind, government_id, unit_id, created_by, title, content, content_hash, state, submitted_at, created_at)
       SELECT 'quick-win', g.id, u.ids[1 + n % cardinality(u.ids)], us.id, 'Uji ' || n, '{}', 'h', 'implementation', now(), now() - n * interval '1 minute'
         FROM governments g
         CROSS JOIN LATERAL (SELECT array_agg(u.id) AS ids FROM units u WHERE u.government_id = g.id AND u.code <> 'inspektorat') u
         JOIN users us ON us.username = 'kaltim.drafter', generate_series(1, $1) n
        WHERE g.code = 'kaltim'`,
      [OTHER_UNITS_QUICK_WINS],
    );
    // spread over every other unit, as a government's are
    await t.dataSource.query(`ANALYZE documents`);
  });
  afterAll(() => t.close());

  /** The rows of `documents` the page's plan read: those it returned and those its filters removed, in every loop. */
  async function documentRowsRead(actor: ActorFacts): Promise<{ listed: number; read: number }> {
    const page = listPageQuery({ kind: 'quick-win', governmentIds: [kaltim], offset: 0, limit: 20, ...listReadScopes(actor, new Date(), definitions) });
    return t.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      await manager.query(`SET LOCAL enable_bitmapscan = off`);
      const [{ 'QUERY PLAN': [explained] }] = await manager.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${page.sql}`, page.params);
      let read = 0;
      const visit = (node: PlanNode) => {
        if (node['Relation Name'] === 'documents') read += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];
        node.Plans?.forEach(visit);
      };
      visit(explained.Plan);
      return { listed: explained.Plan['Actual Rows'], read };
    });
  }

  it("an OPD head whose unit holds no Quick Win lists none, reading none of the 600 of the other units", async () => {
    const head: ActorFacts = { username: 'kaltim.kepala-inspektorat', governmentCode: 'kaltim', unitCode: 'inspektorat', roles: [Role.UNIT_HEAD], delegations: [] };
    expect(await documentRowsRead(head)).toEqual({ listed: 0, read: 0 });
    const res = await t.http.get('/api/quick-wins?limit=20').set(await t.auth('kaltim.kepala-inspektorat'));
    expect(res.status).toBe(200);
    expect({ items: res.body.items.length, total: res.body.total }).toEqual({ items: 0, total: 0 });
  });

  it('the head of the unit holding them reads its page off its unit, and a Sekda, who reads the government whole, off the government', async () => {
    for (const actor of [
      { username: 'kaltim.kadis', governmentCode: 'kaltim', unitCode: 'diskominfo', roles: [Role.UNIT_HEAD], delegations: [] },
      { username: 'kaltim.sekda', governmentCode: 'kaltim', unitCode: 'setda', roles: [Role.SECRETARY], delegations: [] },
    ]) {
      const { listed, read } = await documentRowsRead(actor);
      expect({ user: actor.username, listed, readAtMostAPage: read <= 20 }).toEqual({ user: actor.username, listed: 20, readAtMostAPage: true });
    }
  });
});

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}
