import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createTestApp, type TestApp } from '#testing';
import { getRegulation, localYear, regulationIn } from './support/regulation.js';

jest.setTimeout(60_000);

type Numbered = { id: string; number: number; gazetteNumber: number; year: number; officialTitle: string };

describe('regulation numbers', () => {
  let t: TestApp;
  const year = localYear();

  beforeAll(async () => {
    t = await createTestApp();
    // log everyone in once, so concurrent requests do not race to log in
    for (const g of ['kaltim', 'paser', 'berau']) {
      for (const who of ['drafter', 'kadis', 'hukum', 'asisten', 'sekda', 'kepala']) await t.auth(`${g}.${who}`);
    }
  });
  afterAll(() => t.close());

  async function counters(governmentCode: string): Promise<Record<string, number>> {
    const rows: Array<{ series: string; year: number; lastValue: number }> = await t.dataSource.query(
      `SELECT c.series, c.year, c.last_value AS "lastValue" FROM number_counters c JOIN governments g ON g.id = c.government_id
        WHERE g.code = $1 ORDER BY c.series, c.year`,
      [governmentCode],
    );
    return Object.fromEntries(rows.map((r) => [`${r.series}@${r.year}`, r.lastValue]));
  }

  async function promulgate(id: string, g: string) {
    return act(t, 'regulations', id, `${g}.sekda`, 'PROMULGATE');
  }

  it('gives 10 kaltim regulations promulgated at once the numbers 1..10, and 3 paser ones 1..3, without gap or repeat', async () => {
    const kaltim = await Promise.all(Array.from({ length: 10 }, (_, i) => regulationIn(t, 'kaltim', 'promulgation', { title: `Sistem Kerja Bagian ${i + 1}` })));
    const paser = await Promise.all(Array.from({ length: 3 }, (_, i) => regulationIn(t, 'paser', 'promulgation', { title: `Sistem Kerja Paser ${i + 1}` })));
    expect(kaltim.every((d) => d.state === 'promulgation' && d.number === null)).toBe(true);

    const responses = await Promise.all([...kaltim.map((d) => promulgate(d.id, 'kaltim')), ...paser.map((d) => promulgate(d.id, 'paser'))]);
    expect(responses.map((r) => r.status)).toEqual(Array(13).fill(200));
    const kaltimDone = responses.slice(0, 10).map((r) => r.body as Numbered);
    const paserDone = responses.slice(10).map((r) => r.body as Numbered);

    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(sorted(kaltimDone.map((d) => d.number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sorted(kaltimDone.map((d) => d.gazetteNumber))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sorted(paserDone.map((d) => d.number))).toEqual([1, 2, 3]);
    expect(sorted(paserDone.map((d) => d.gazetteNumber))).toEqual([1, 2, 3]);
    for (const d of kaltimDone) {
      expect(d).toMatchObject({ year, state: 'promulgated', type: 'PERGUB' });
      expect(d.officialTitle).toBe(`Peraturan Gubernur Kalimantan Timur Nomor ${d.number} Tahun ${year} tentang ${(d as unknown as { title: string }).title}`);
    }
    for (const d of paserDone) expect(d.officialTitle).toMatch(new RegExp(`^Peraturan Bupati Paser Nomor ${d.number} Tahun ${year} tentang Sistem Kerja Paser \\d$`));

    // what the responses said is what was stored
    for (const d of kaltimDone) {
      const stored = await getRegulation(t, d.id, 'kaltim.drafter');
      expect(stored.body).toMatchObject({ number: d.number, gazetteNumber: d.gazetteNumber, state: 'promulgated' });
    }
    expect(await counters('kaltim')).toEqual({ [`GAZETTE@${year}`]: 10, [`NUMBER:PERGUB@${year}`]: 10 });
    expect(await counters('paser')).toEqual({ [`GAZETTE@${year}`]: 3, [`NUMBER:PERBUP@${year}`]: 3 });
    // promulgated regulations are listed under their year
    const listed = await t.http.get(`/api/regulations?year=${year}&limit=100`).set(await t.auth('kaltim.drafter'));
    expect(listed.body.items.map((d: { id: string }) => d.id).sort()).toEqual(kaltimDone.map((d) => d.id).sort());
    const lastYear = await t.http.get(`/api/regulations?year=${year - 1}`).set(await t.auth('kaltim.drafter'));
    expect(lastYear.body.total).toBe(0);
    // promulgating again is not possible
    const again = await promulgate(kaltimDone[0].id, 'kaltim');
    expect(again.status).toBe(409);
    expect(await counters('kaltim')).toEqual({ [`GAZETTE@${year}`]: 10, [`NUMBER:PERGUB@${year}`]: 10 });
  });

  it('consumes no number when the promulgating transaction fails after numbers were assigned', async () => {
    const [failing, next] = await Promise.all([regulationIn(t, 'kaltim', 'promulgation'), regulationIn(t, 'kaltim', 'promulgation')]);
    const before = await counters('kaltim');
    // The audit entry is written after the numbers are assigned: make its insert fail for one document.
    await t.dataSource.query(`
      CREATE FUNCTION test_fail_promulgation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.document_id = '${failing.id}' AND NEW.action = 'PROMULGATE' THEN
          RAISE EXCEPTION 'simulated failure while promulgating';
        END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER trg_test_fail_promulgation BEFORE INSERT ON history_entries FOR EACH ROW EXECUTE FUNCTION test_fail_promulgation()`,
    );
    try {
      const failed = await t.conformance.whileFaultInjected(() => promulgate(failing.id, 'kaltim'));
      expect(failed.status).toBe(500);
      expect(failed.body.code).toBe('INTERNAL_ERROR');
      expect(await counters('kaltim')).toEqual(before);
      const unchanged = await getRegulation(t, failing.id, 'kaltim.sekda');
      expect(unchanged.body).toMatchObject({ state: 'promulgation', number: null, gazetteNumber: null, officialTitle: null });
      expect(unchanged.body.allowedActions).toEqual(['PROMULGATE']);

      // the next promulgation gets the number the failed one would have had
      const ok = await promulgate(next.id, 'kaltim');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ number: 11, gazetteNumber: 11 });
    } finally {
      await t.dataSource.query(`DROP TRIGGER trg_test_fail_promulgation ON history_entries`);
      await t.dataSource.query(`DROP FUNCTION test_fail_promulgation()`);
    }
    const retried = await promulgate(failing.id, 'kaltim');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'promulgated', number: 12, gazetteNumber: 12 });
    expect(await counters('kaltim')).toEqual({ [`GAZETTE@${year}`]: 12, [`NUMBER:PERGUB@${year}`]: 12 });
  });

  it('counts gazette numbers across regulation types of one government, and numbers per type', async () => {
    // berau is a regency; while it is (hypothetically) made a city, its new regulations are Perwali
    const perbup = await regulationIn(t, 'berau', 'promulgation', { title: 'Sistem Kerja Berau' });
    expect((await promulgate(perbup.id, 'berau')).body).toMatchObject({ type: 'PERBUP', number: 1, gazetteNumber: 1 });
    await t.dataSource.query(`UPDATE governments SET level = 'CITY' WHERE code = 'berau'`);
    try {
      const perwali = await regulationIn(t, 'berau', 'promulgation', { title: 'Sistem Kerja Kota' });
      expect(perwali.type).toBe('PERWALI');
      const res = await promulgate(perwali.id, 'berau');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        type: 'PERWALI',
        number: 1,
        gazetteNumber: 2,
        officialTitle: `Peraturan Wali Kota Berau Nomor 1 Tahun ${year} tentang Sistem Kerja Kota`,
      });
      // a promulgated regulation keeps the type it was promulgated as
      expect((await getRegulation(t, perbup.id, 'berau.drafter')).body).toMatchObject({ type: 'PERBUP', number: 1, gazetteNumber: 1 });
      const draftedAsCity = await regulationIn(t, 'berau', 'signature');
      expect(draftedAsCity.type).toBe('PERWALI');
    } finally {
      await t.dataSource.query(`UPDATE governments SET level = 'REGENCY' WHERE code = 'berau'`);
    }
    const perbup3 = await regulationIn(t, 'berau', 'promulgation');
    expect((await promulgate(perbup3.id, 'berau')).body).toMatchObject({ type: 'PERBUP', number: 2, gazetteNumber: 3 });
    expect(await counters('berau')).toEqual({ [`GAZETTE@${year}`]: 3, [`NUMBER:PERBUP@${year}`]: 2, [`NUMBER:PERWALI@${year}`]: 1 });
  });

  it('counts per year: another year has its own counters', async () => {
    await t.dataSource.query(
      `INSERT INTO number_counters (government_id, series, year, last_value)
       SELECT g.id, s.series, $1, 40 FROM governments g CROSS JOIN (VALUES ('GAZETTE'), ('NUMBER:PERBUP')) AS s(series) WHERE g.code = 'paser'`,
      [year - 1],
    );
    const doc = await regulationIn(t, 'paser', 'promulgation');
    expect((await promulgate(doc.id, 'paser')).body).toMatchObject({ number: 4, gazetteNumber: 4, year });
    expect(await counters('paser')).toEqual({
      [`GAZETTE@${year - 1}`]: 40,
      [`GAZETTE@${year}`]: 4,
      [`NUMBER:PERBUP@${year - 1}`]: 40,
      [`NUMBER:PERBUP@${year}`]: 4,
    });
  });
});
