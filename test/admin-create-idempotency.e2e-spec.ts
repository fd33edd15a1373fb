import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '#testing';
import { IdempotencyService } from '../apps/api/src/common/idempotency/idempotency.service.js';

jest.setTimeout(60_000);

/**
 * An administrator whose answer is lost on the way sends the same create again with the same
 * Idempotency-Key: it answers the first 201 instead of a 409 for what the first request made.
 */
describe("Idempotency-Key on the administrators' creates", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const creates = [
    {
      name: 'POST /api/governments',
      path: '/api/governments',
      body: { code: 'mahulu', name: 'Pemerintah Kabupaten Mahakam Ulu', regionName: 'Mahakam Ulu', level: 'REGENCY', timeZone: 'Asia/Makassar' },
      other: { code: 'kubar', name: 'Pemerintah Kabupaten Kutai Barat', regionName: 'Kutai Barat', level: 'REGENCY', timeZone: 'Asia/Makassar' },
      count: `SELECT count(*)::int AS n FROM governments WHERE code IN ('mahulu', 'kubar')`,
    },
    {
      name: 'POST /api/governments/:code/units',
      path: '/api/governments/kaltim/units',
      body: { code: 'dispar', name: 'Dinas Pariwisata' },
      other: { code: 'dispora', name: 'Dinas Pemuda dan Olahraga' },
      count: `SELECT count(*)::int AS n FROM units WHERE code IN ('dispar', 'dispora')`,
    },
    {
      name: 'POST /api/users',
      path: '/api/users',
      body: { username: 'kaltim.rina', name: 'Rina Marlina, S.E.', nip: '199606062020122001', unitCode: 'diskominfo', roles: ['DRAFTER'] },
      other: { username: 'kaltim.rudi', name: 'Rudi Hartono, S.E.', nip: '199607072020121001', unitCode: 'diskominfo', roles: ['DRAFTER'] },
      count: `SELECT count(*)::int AS n FROM users WHERE username IN ('kaltim.rina', 'kaltim.rudi')`,
    },
    {
      name: 'POST /api/holidays',
      path: '/api/holidays',
      body: { date: '2031-08-19', name: 'Libur Daerah Uji Kunci', governmentCode: 'kaltim' },
      other: { date: '2031-08-20', name: 'Libur Daerah Uji Kunci Lain', governmentCode: 'kaltim' },
      count: `SELECT count(*)::int AS n FROM holidays WHERE date IN ('2031-08-19', '2031-08-20')`,
    },
  ];

  it.each(creates)('$name: the same request again answers the first; another request under the key is 422, a malformed key 400, and neither makes anything', async ({ path, body, other, count }) => {
    const auth = await t.auth('kaltim.admin');
    const post = (payload: object, headers: Record<string, string> = {}) => t.http.post(path).set(auth).set(headers).send(payload);
    const key = { 'Idempotency-Key': `buat-${path}` };

    const first = await post(body, key);
    expect(first.status).toBe(201);
    const again = await post(body, key);
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect(await t.dataSource.query(count)).toEqual([{ n: 1 }]);

    // without the key it is a new request, which finds the first one's row taken
    const plain = await post(body);
    expect([plain.status, plain.body.code]).toEqual([409, 'CONFLICT']);
    const reused = await post(other, key);
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const malformed = await post(other, { 'Idempotency-Key': 'k'.repeat(256) });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await t.dataSource.query(count)).toEqual([{ n: 1 }]);
  });

  it('a refused create frees its key: the corrected request under the same key makes the row', async () => {
    const auth = await t.auth('kaltim.admin');
    const key = { 'Idempotency-Key': 'unit-setelah-ditolak' };
    const taken = await t.http.post('/api/governments/kaltim/units').set(auth).set(key).send({ code: 'diskominfo', name: 'Dinas Kominfo Kedua' });
    expect([taken.status, taken.body.code]).toEqual([409, 'CONFLICT']);
    const same = await t.http.post('/api/governments/kaltim/units').set(auth).set(key).send({ code: 'diskominfo', name: 'Dinas Kominfo Kedua' });
    expect(same.status).toBe(409); // the same refused request is refused again, not replayed as if made
    const corrected = await t.http.post('/api/governments/kaltim/units').set(auth).set(key).send({ code: 'dkp', name: 'Dinas Kelautan dan Perikanan' });
    expect([corrected.status, corrected.body.code]).toEqual([201, 'dkp']);
  });

  it("POST /api/users keeps nothing of the password under the key: sent again with another password, it answers the first and the first password stands", async () => {
    const auth = await t.auth('kaltim.admin');
    const key = { 'Idempotency-Key': 'orang-dengan-sandi' };
    const person = { username: 'kaltim.wati', name: 'Wati Susilawati, S.H.', nip: '199702022020122001', unitCode: 'diskominfo', roles: ['DRAFTER'] };
    const first = await t.http.post('/api/users').set(auth).set(key).send({ ...person, password: 'Sandi-Pertama-2026!' });
    expect(first.status).toBe(201);
    const again = await t.http.post('/api/users').set(auth).set(key).send({ ...person, password: 'Sandi-Kedua-2026!' });
    expect([again.status, again.body]).toEqual([201, first.body]);
    const stored = await t.dataSource.query(`SELECT request_hash, response_body::text AS body FROM idempotency_keys WHERE key = 'orang-dengan-sandi'`);
    expect(stored).toHaveLength(1);
    expect(stored[0].body).not.toContain('Sandi-');
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.wati', password: 'Sandi-Pertama-2026!' })).status).toBe(200);
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.wati', password: 'Sandi-Kedua-2026!' })).status).toBe(401);
  });

  it("what a create prepares before its transaction (POST /api/users: the password's hash) is made only when the request runs, not for a replay or a refused key", async () => {
    const idempotency = t.app.get(IdempotencyService);
    const [admin] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'kaltim.admin'`);
    let prepared = 0;
    const create = (request: object, key: string) =>
      idempotency.inTransaction(admin.id, key, request, 201, async (_tx, value: number) => ({ value }), async () => ++prepared);

    expect(await create({ n: 1 }, 'siap-sekali')).toMatchObject({ status: 201, body: { value: 1 } });
    expect(await create({ n: 1 }, 'siap-sekali')).toMatchObject({ status: 201, body: { value: 1 } });
    await expect(create({ n: 2 }, 'siap-sekali')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(create({ n: 2 }, 'k'.repeat(256))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(prepared).toBe(1);
    expect(await create({ n: 3 }, 'siap-lagi')).toMatchObject({ status: 201, body: { value: 2 } });
  });
});
