import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, createQuickWin, createRegulation, createTestApp, migrateAgainFrom, type TestApp } from '#testing';

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

  /** Entries whose government, unit or facilitation mark is not their document's (as it was then), and how many entries there are. */
  async function misplaced(): Promise<{ wrong: number; entries: number }> {
    const [row] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE (h.government_id, h.unit_id, h.facilitated)
                                 IS DISTINCT FROM (d.government_id, d.unit_id, coalesce(d.facilitation_requested_at <= h.at, false)))::int AS wrong,
              count(*)::int AS entries
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

  it("keep whether the document was sent to the province's facilitation by then", async () => {
    const doc = await createRegulation(t, 'paser.drafter', { title: 'Sistem Kerja Kabupaten Paser' });
    const reportDate = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const steps = [
      ['paser.drafter', 'SUBMIT', undefined],
      ['paser.kadis', 'ENDORSE', undefined],
      ['paser.hukum', 'REQUEST_HARMONIZATION', undefined],
      ['paser.hukum', 'RECORD_HARMONIZATION', { reportNumber: 'W18-PP.04.02-201', reportDate }],
      ['kaltim.hukum', 'FACILITATE', undefined],
    ] as const;
    for (const [actor, action, data] of steps) {
      const res = await act(t, 'regulations', doc.id, actor, action, data === undefined ? {} : { data });
      expect({ action, status: res.status }).toEqual({ action, status: 200 });
    }
    const rows: Array<{ action: string; facilitated: boolean }> = await t.dataSource.query(
      `SELECT action, facilitated FROM history_entries WHERE document_id = $1 ORDER BY seq`,
      [doc.id],
    );
    expect(rows).toEqual([
      { action: 'CREATE', facilitated: false },
      { action: 'SUBMIT', facilitated: false },
      { action: 'ENDORSE', facilitated: false },
      { action: 'REQUEST_HARMONIZATION', facilitated: false },
      { action: 'RECORD_HARMONIZATION', facilitated: true }, // the transition into facilitation
      { action: 'FACILITATE', facilitated: true },
    ]);
  });

  it("are taken from the document when an entry comes without them (an API process older than the migration)", async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Surat elektronik antar-OPD' });
    await t.dataSource.query(
      `INSERT INTO history_entries (document_id, seq, action, to_state, actor, content_version, content_hash, at, hash)
       VALUES ($1, 99, 'SUBMIT', 'endorsement', 'kaltim.drafter', 1, 'h', now(), 'x')`,
      [doc.id],
    );
    const [entry] = await t.dataSource.query(
      `SELECT h.government_id = d.government_id AND h.unit_id = d.unit_id AS placed, h.facilitated FROM history_entries h JOIN documents d ON d.id = h.document_id
        WHERE h.document_id = $1 AND h.seq = 99`,
      [doc.id],
    );
    expect(entry).toEqual({ placed: true, facilitated: false });
  });

  it('are filled in by the migration for the entries written before it', async () => {
    await migrateAgainFrom(t.env.DATABASE_URL, 'HistoryEntryPlaces1764034000000', async (before) => {
      expect((await before.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'history_entries' AND column_name = 'unit_id'`))[0].n).toBe(0);
    });
    const { wrong, entries } = await misplaced();
    expect(entries).toBeGreaterThan(10);
    expect(wrong).toBe(0);
    const [{ facilitated }] = await t.dataSource.query(`SELECT count(*) FILTER (WHERE facilitated)::int AS facilitated FROM history_entries`);
    expect(facilitated).toBe(2); // the regency's regulation's entries from its facilitation on
    // still append-only after the migration's own update
    await expect(t.dataSource.query(`UPDATE history_entries SET comment = 'x' WHERE seq = 1`)).rejects.toThrow();
  });
});
