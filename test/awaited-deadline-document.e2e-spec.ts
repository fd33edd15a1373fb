import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createRegulation, createTestApp, migrateAgainFrom, type TestApp } from '#testing';
import { regulationInCoordination } from './support/coordination.js';

jest.setTimeout(120_000);

/**
 * A participant's deadline keeps what a list total and a list page ask of its document (migrations 1764035000000 and
 * 1764037000000): its unit, its submitted and facilitation marks, its year and when it was made, written with the
 * deadline and filled in by the migrations for the deadlines pending before them.
 */
describe('awaited deadlines keep their document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Pending participant deadlines, and how many of them say something else than their document. */
  const mismatched = async () => {
    const [row]: Array<{ deadlines: number; wrong: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS deadlines,
              count(*) FILTER (WHERE (pd.document_unit_id, pd.document_submitted, pd.document_facilitated, pd.document_year, pd.document_created_at)
                                     IS DISTINCT FROM (d.unit_id, d.submitted_at IS NOT NULL, d.facilitation_requested_at IS NOT NULL, d.year, d.created_at))::int AS wrong
         FROM deadlines pd JOIN documents d ON d.id = pd.document_id
        WHERE pd.participant_unit_id IS NOT NULL AND pd.status = 'PENDING'`,
    );
    return row;
  };

  it('are written with it, in a province and in a regency whose draft the province facilitated', async () => {
    for (const g of ['kaltim', 'paser']) {
      const doc = await createRegulation(t, `${g}.drafter`, { title: `Sistem Kerja Paraf ${g}` });
      await regulationInCoordination(t, doc.id, g, ['inspektorat', 'setda'], { kind: 'ALL' });
    }
    expect(await mismatched()).toEqual({ deadlines: 4, wrong: 0 });
    const [{ facilitated }] = await t.dataSource.query(`SELECT count(*) FILTER (WHERE document_facilitated)::int AS facilitated FROM deadlines WHERE participant_unit_id IS NOT NULL`);
    expect(facilitated).toBe(2);
  });

  it('are filled in by the migration for the deadlines pending before it', async () => {
    await migrateAgainFrom(t.env.DATABASE_URL, 'AwaitedDeadlinesKeepTheirDocument1764035000000', async (before) => {
      expect((await before.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'deadlines' AND column_name = 'document_unit_id'`))[0].n).toBe(0);
    });
    expect(await mismatched()).toEqual({ deadlines: 4, wrong: 0 });
  });

  it('keep when their document was made, filled in by its migration for the deadlines pending before it', async () => {
    await migrateAgainFrom(t.env.DATABASE_URL, 'AwaitedDeadlinesKeepDocumentCreation1764037000000', async (before) => {
      expect((await before.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'deadlines' AND column_name = 'document_created_at'`))[0].n).toBe(0);
    });
    expect(await mismatched()).toEqual({ deadlines: 4, wrong: 0 });
  });
});
