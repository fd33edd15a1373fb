import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '#testing';

/**
 * An administrator who presses "Simpan" on two tabs, or two administrators at once: the same thing
 * made eight times at the same moment is made once; every other request is 409 CONFLICT (or 200
 * `unchanged` for a personnel file), never a 5xx.
 */
describe("the administrators' creates, the same one eight times at once", () => {
  let t: TestApp;
  const AT_ONCE = 8;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function atOnce(send: () => Promise<{ status: number; body: { code?: string } }>): Promise<string[]> {
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, send));
    return answers.map((r) => (r.status >= 400 ? `${r.status} ${r.body.code}` : String(r.status))).sort();
  }
  const once = (created: string) => [created, ...Array<string>(AT_ONCE - 1).fill('409 CONFLICT')];

  it('a government, a unit, a person, a holiday', async () => {
    const province = await t.auth('kaltim.admin');
    const government = { code: 'kukar', name: 'Pemerintah Kabupaten Kutai Kartanegara', regionName: 'Kutai Kartanegara', level: 'REGENCY', timeZone: 'Asia/Makassar' };
    expect(await atOnce(() => t.http.post('/api/governments').set(province).send(government))).toEqual(once('201'));

    const paser = await t.auth('paser.admin');
    expect(await atOnce(() => t.http.post('/api/governments/paser/units').set(paser).send({ code: 'dinkes', name: 'Dinas Kesehatan' }))).toEqual(once('201'));

    const person = { username: 'paser.sari', name: 'Sari Puspitasari, S.Sos.', nip: '199505052020122001', email: 'sari@paserkab.go.id', unitCode: 'dinkes', roles: ['DRAFTER'] };
    expect(await atOnce(() => t.http.post('/api/users').set(paser).send(person))).toEqual(once('201'));

    expect(await atOnce(() => t.http.post('/api/holidays').set(paser).send({ date: '2027-03-17', name: 'Hari Jadi Kabupaten Paser', governmentCode: 'paser' }))).toEqual(once('201'));

    const [made] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM governments WHERE code = 'kukar') AS governments,
              (SELECT count(*)::int FROM units u JOIN governments g ON g.id = u.government_id WHERE g.code = 'paser' AND u.code = 'dinkes') AS units,
              (SELECT count(*)::int FROM users WHERE username = 'paser.sari') AS users,
              (SELECT count(*)::int FROM holidays WHERE date = '2027-03-17') AS holidays`,
    );
    expect(made).toEqual({ governments: 1, units: 1, users: 1, holidays: 1 });
  });

  it('a personnel file: one upload creates the person, the others wait for it and find them unchanged', async () => {
    const paser = await t.auth('paser.admin');
    const file = Buffer.from('nip,name,email,username,unitCode,roles\n199601012021011001,Dewi Lestari,dewi@paserkab.go.id,paser.dewi,diskominfo,DRAFTER\n');
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => t.http.post('/api/users/import').set(paser).attach('file', file, 'pegawai.csv')));
    expect(answers.map((r) => r.status)).toEqual(Array<number>(AT_ONCE).fill(200));
    expect(answers.map((r) => r.body.rows[0].status).sort()).toEqual(['created', ...Array<string>(AT_ONCE - 1).fill('unchanged')]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE nip = '199601012021011001'`)).toEqual([{ n: 1 }]);
  });
});
