import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrationsLocked } from '#persistence';
import { act, createQuickWin, createTestApp, type TestApp } from '#testing';

/**
 * Each history entry keeps its document's government and unit (migration 1764034000000), which a list's total
 * looks up who acted by: written with every entry, filled from the document for an entry written without them
 * (an older API process during an upgrade), and filled in by the migration for the entries before it.
 */
describe('history entry places', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Entries whose government or unit is not their document's, and how many entries there are. */
  async function misplaced(): Promise<{ wrong: number; entries: number }> {
    const [row] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE (h.government_id, h.unit_id) IS DISTINCT FROM (d.government_id, d.unit_id))::int AS wrong, count(*)::int AS entries
         FROM history_entries h JOIN documents d ON d.id = h.document_id`,
    );
    return row;
  }

  it("are the document's, on creation, edits and transitions, whoever acts", async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Arsip dinamis terpadu' });
    expect((await t.http.patch(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.drafter')).set('If-Match', `"${doc.version}"`).send({ description: 'Arsip dinamis seluruh OPD' })).status).toBe(200);
    // the Biro Organisasi's verifier acts from a unit of their own: the entry keeps the document's
    for (const [actor, action] of [['kaltim.drafter', 'SUBMIT'], ['kaltim.kadis', 'ENDORSE'], ['kaltim.organisasi', 'VERIFY']] as const) {
      expect((await act(t, 'quick-wins', doc.id, actor, action)).status).toBe(200);
    }
    const rows: Array<{ action: string; place: string }> = await t.dataSource.query(
      `SELECT h.action, g.code || '/' || u.code AS place FROM history_entries h JOIN governments g ON g.id = h.government_id JOIN units u ON u.id = h.unit_id
        WHERE h.document_id = $1 ORDER BY h.seq`,
      [doc.id],
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['SUBMIT', 'ENDORSE', 'VERIFY']));
    expect(rows.length).toBeGreaterThanOrEqual(5); // its creation and its edit too
    expect(new Set(rows.map((r) => r.place))).toEqual(new Set(['kaltim/diskominfo']));
    const { wrong, entries } = await misplaced();
    expect(entries).toBeGreaterThanOrEqual(rows.length);
    expect(wrong).toBe(0);
  });

  it("are taken from the document when an entry comes without them (an API process older than the migration)", async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Surat elektronik antar-OPD' });
    await t.dataSource.query(
      `INSERT INTO history_entries (document_id, seq, action, to_state, actor, content_version, content_hash, at, hash)
       VALUES ($1, 99, 'SUBMIT', 'endorsement', 'kaltim.drafter', 1, 'h', now(), 'x')`,
      [doc.id],
    );
    const [entry] = await t.dataSource.query(
      `SELECT h.government_id = d.government_id AND h.unit_id = d.unit_id AS placed FROM history_entries h JOIN documents d ON d.id = h.document_id
        WHERE h.document_id = $1 AND h.seq = 99`,
      [doc.id],
    );
    expect(entry).toEqual({ placed: true });
  });

  it('are filled in by the migration for the entries written before it', async () => {
    const other = await new DataSource(buildDataSourceOptions({ url: t.env.DATABASE_URL, poolSize: 2 })).initialize();
    try {
      const last = async () => ((await other.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)) as Array<{ name: string }>)[0]!.name;
      while ((await last()) !== 'HistoryEntryPlaces1764034000000') await other.undoLastMigration({ transaction: 'each' });
      await other.undoLastMigration({ transaction: 'each' });
      expect((await other.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'history_entries' AND column_name = 'unit_id'`))[0].n).toBe(0);
      await runMigrationsLocked(other);
    } finally {
      await other.destroy();
    }
    const { wrong, entries } = await misplaced();
    expect(entries).toBeGreaterThan(0);
    expect(wrong).toBe(0);
    // still append-only after the migration's own update
    await expect(t.dataSource.query(`UPDATE history_entries SET comment = 'x' WHERE seq = 1`)).rejects.toThrow();
  });
});
