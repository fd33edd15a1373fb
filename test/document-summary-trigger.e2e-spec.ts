import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { QueryRunner } from 'typeorm';
import { DocumentSummariesOneTrigger1764029000000 } from '../libs/persistence/src/migrations/1764029000000-document-summaries-one-trigger.js';
import { useTestDatabase } from '#testing';

jest.setTimeout(120_000);

const STATES = [
  ['draft', false],
  ['endorsement', false],
  ['implementation', false],
  ['completed', true],
  ['withdrawn', true],
] as const;

/** One change to a document, as a transition, an edit or an administrator's move would make it. */
type Change =
  | { doc: number; field: 'state'; state: number; at: Date }
  | { doc: number; field: 'unit'; unit: number }
  | { doc: number; field: 'year'; year: number | null }
  | { doc: number; field: 'budget'; budget: number | null }
  | { doc: number; field: 'progress'; reports: number }
  | { doc: number; field: 'submitted' | 'facilitation'; set: boolean };

/** Two Quick Wins and a regulation: few enough that a sequence changes one document again and again. */
const DOCS = 3;
const UNITS = ['diskominfo', 'inspektorat', 'setda'];
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    doc: fc.nat(DOCS - 1),
    field: fc.constant('state' as const),
    state: fc.nat(STATES.length - 1),
    at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-31T00:00:00Z'), noInvalidDate: true }),
  }),
  fc.record({ doc: fc.nat(DOCS - 1), field: fc.constant('unit' as const), unit: fc.nat(UNITS.length - 1) }),
  fc.record({ doc: fc.nat(DOCS - 1), field: fc.constant('year' as const), year: fc.option(fc.constantFrom(0, 2026, 2027)) }),
  fc.record({ doc: fc.nat(DOCS - 1), field: fc.constant('budget' as const), budget: fc.option(fc.integer({ min: 0, max: 5_000_000 })) }),
  fc.record({ doc: fc.nat(DOCS - 1), field: fc.constant('progress' as const), reports: fc.nat(2) }),
  fc.record({ doc: fc.nat(DOCS - 1), field: fc.constantFrom('submitted' as const, 'facilitation' as const), set: fc.boolean() }),
);

/** The SET of one change ($1 the document, $2 its value). */
function updateOf(c: Change): { set: string; value: unknown } {
  switch (c.field) {
    case 'state':
      return { set: `state = $2, final = ${STATES[c.state][1]}, updated_at = '${c.at.toISOString()}'`, value: STATES[c.state][0] };
    case 'unit':
      return { set: `unit_id = (SELECT u.id FROM units u WHERE u.government_id = d.government_id AND u.code = $2)`, value: UNITS[c.unit] };
    case 'year':
      return { set: 'year = $2::int', value: c.year };
    case 'budget':
      return { set: `content = CASE WHEN $2::numeric IS NULL THEN content - 'budget' ELSE jsonb_set(content, '{budget}', to_jsonb($2::numeric)) END`, value: c.budget };
    case 'progress':
      return {
        set: `facts = jsonb_set(facts, '{progressReports}', (SELECT coalesce(jsonb_agg(jsonb_build_object('reportedAt', '2026-03-02T03:00:00Z')), '[]') FROM generate_series(1, $2::int)))`,
        value: c.reports,
      };
    case 'submitted':
      return { set: `submitted_at = CASE WHEN $2::boolean THEN coalesce(submitted_at, now()) END`, value: c.set };
    case 'facilitation':
      return { set: `facilitation_requested_at = CASE WHEN $2::boolean THEN coalesce(facilitation_requested_at, now()) END`, value: c.set };
  }
}

/**
 * What the changes wrote into the summaries' delta tables, by key (the counter's slot left out: which
 * one a writer takes is its own), in a transaction rolled back after.
 */
async function deltasOf(runner: QueryRunner, ids: readonly string[], changes: readonly Change[]): Promise<unknown> {
  await runner.query(`DELETE FROM document_count_deltas; DELETE FROM quick_win_deltas; DELETE FROM throughput_deltas`);
  for (const c of changes) {
    const { set, value } = updateOf(c);
    await runner.query(`UPDATE documents d SET ${set} WHERE d.id = $1`, [ids[c.doc], value]);
  }
  return {
    counts: await runner.query(
      `SELECT kind, unit_id, state, year, submitted, facilitation, sum(delta)::int AS delta FROM document_count_deltas
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    quickWins: await runner.query(
      `SELECT unit_id, year, category, area, state, count::int, budget::text, progress_reports::int, progress_reports_on_time::int, completed_in_year::int
         FROM quick_win_deltas ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    ),
    throughput: await runner.query(`SELECT week, kind, unit_id, started::int, finished::int FROM throughput_deltas ORDER BY 1, 2, 3, 4, 5`),
  };
}

/**
 * A document's update writes its report summaries (list counters, the Quick Win roll-up, weekly
 * throughput) from one row trigger (migration 1764029000000, issue 16) and writes exactly what the
 * three triggers before it wrote, whatever the update changes.
 */
describe('the documents update trigger of the report summaries', () => {
  const database = useTestDatabase({ poolSize: 2 });
  let ids: string[];

  beforeAll(async () => {
    const rows: Array<{ id: string }> = await database.dataSource.query(
      `INSERT INTO documents (kind, government_id, unit_id, created_by, title, year, content, content_hash, state)
       SELECT CASE WHEN i % 2 = 0 THEN 'quick-win' ELSE 'regulation' END, g.id, u.id, cu.id, 'Uji ' || i, 2026,
              '{"category": "pelayanan", "area": "tata laksana", "budget": 1000}'::jsonb, 'hash', 'draft'
         FROM generate_series(0, ${DOCS - 1}) i, governments g JOIN units u ON u.government_id = g.id AND u.code = 'diskominfo',
              users cu WHERE g.code = 'kaltim' AND cu.username = 'kaltim.drafter'
        ORDER BY i RETURNING id`,
    );
    ids = rows.map((r) => r.id);
  });

  it('is one trigger on UPDATE where there were three', async () => {
    const triggers: Array<{ tgname: string }> = await database.dataSource.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'documents'::regclass AND NOT tgisinternal AND tgtype & 16 <> 0 ORDER BY tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(['documents_title_edited', 'trg_documents_update_summaries']);
    const [{ config }] = await database.dataSource.query(`SELECT proconfig AS config FROM pg_proc WHERE proname = 'documents_update_summaries'`);
    expect(config).toEqual(['plan_cache_mode=force_generic_plan']);
  });

  it('writes the rows the three triggers wrote, for any sequence of changes', async () => {
    const migration = new DocumentSummariesOneTrigger1764029000000();
    const inRolledBack = async <T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> => {
      const runner = database.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        return await work(runner);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 16 }), async (changes) => {
        const merged = await inRolledBack((runner) => deltasOf(runner, ids, changes));
        const before = await inRolledBack(async (runner) => {
          await migration.down(runner);
          return deltasOf(runner, ids, changes);
        });
        expect(merged).toEqual(before);
        if (JSON.stringify(merged) !== '{"counts":[],"quickWins":[],"throughput":[]}') nonEmpty += 1;
      }),
      { numRuns: 80, seed: 1_764_029 },
    );
    // the property compared rows, not two empty answers
    expect(nonEmpty).toBeGreaterThan(60);
  });
});
