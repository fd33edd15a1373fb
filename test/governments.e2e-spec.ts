import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createQuickWin, createTestApp, type TestApp } from '#testing';
import { computeDeadlineSchedule, DEFAULT_SLA, WorkingDayCalendar, type Holiday } from '#workflow';

jest.setTimeout(60_000);

describe('governments and units administration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const auditCount = async (): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM admin_audit`))[0].n;

  it('nobody but an ADMIN administers: 403 on every endpoint', async () => {
    for (const username of ['kaltim.sekda', 'kaltim.kepala', 'paser.kadis', 'kaltim.organisasi']) {
      const auth = await t.auth(username);
      const calls = [
        t.http.get('/api/governments').set(auth),
        t.http.post('/api/governments').set(auth).send({ code: 'kukar', name: 'Pemerintah Kabupaten Kutai Kartanegara', regionName: 'Kutai Kartanegara', level: 'REGENCY', timeZone: 'Asia/Makassar' }),
        t.http.patch('/api/governments/paser').set(auth).send({ name: 'X' }),
        t.http.get('/api/governments/paser/units').set(auth),
        t.http.post('/api/governments/paser/units').set(auth).send({ code: 'dinkes', name: 'Dinas Kesehatan' }),
        t.http.patch('/api/governments/paser/units/diskominfo').set(auth).send({ name: 'X' }),
      ];
      for (const res of await Promise.all(calls)) {
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      }
    }
  });

  it("lists what the caller administers: a province's ADMIN its regencies too, a regency's ADMIN only its own", async () => {
    const province = await t.http.get('/api/governments').set(await t.auth('kaltim.admin'));
    expect(province.status).toBe(200);
    expect(province.body.items.map((g: { code: string }) => g.code)).toEqual(['kaltim', 'berau', 'paser']);
    expect(province.body.items[2]).toEqual({
      code: 'paser',
      name: 'Pemerintah Kabupaten Paser',
      regionName: 'Paser',
      level: 'REGENCY',
      parentCode: 'kaltim',
      timeZone: 'Asia/Makassar',
      createdAt: expect.any(String),
    });
    const regency = await t.http.get('/api/governments').set(await t.auth('paser.admin'));
    expect(regency.body.items.map((g: { code: string }) => g.code)).toEqual(['paser']);
  });

  it("a regency's ADMIN cannot see or touch the province or another regency (404) nor add governments (403)", async () => {
    const auth = await t.auth('paser.admin');
    for (const code of ['kaltim', 'berau', 'nowhere']) {
      expect((await t.http.patch(`/api/governments/${code}`).set(auth).send({ name: 'Diambil alih' })).status).toBe(404);
      expect((await t.http.get(`/api/governments/${code}/units`).set(auth)).status).toBe(404);
      expect((await t.http.post(`/api/governments/${code}/units`).set(auth).send({ code: 'dinkes', name: 'Dinas Kesehatan' })).status).toBe(404);
      expect((await t.http.patch(`/api/governments/${code}/units/diskominfo`).set(auth).send({ name: 'X' })).status).toBe(404);
    }
    const create = await t.http.post('/api/governments').set(auth).send({ code: 'paser-baru', name: 'Pemerintah Kabupaten Paser Baru', regionName: 'Paser Baru', level: 'REGENCY', timeZone: 'Asia/Makassar' });
    expect([create.status, create.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await t.dataSource.query(`SELECT name FROM governments WHERE code IN ('kaltim', 'berau') ORDER BY code`)).toEqual([
      { name: 'Pemerintah Kabupaten Berau' },
      { name: 'Pemerintah Provinsi Kalimantan Timur' },
    ]);
  });

  it("a province's ADMIN adds a regency under the province, once (409), and the change is audited", async () => {
    const auth = await t.auth('kaltim.admin');
    const body = { code: 'kukar', name: 'Pemerintah Kabupaten Kutai Kartanegara', regionName: 'Kutai Kartanegara', level: 'REGENCY', timeZone: 'asia/makassar' };
    const created = await t.http.post('/api/governments').set(auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'kukar', level: 'REGENCY', parentCode: 'kaltim', timeZone: 'Asia/Makassar' });
    const before = await auditCount();
    const again = await t.http.post('/api/governments').set(auth).send({ ...body, name: 'Lain' });
    expect([again.status, again.body.code]).toEqual([409, 'CONFLICT']);
    expect(await auditCount()).toBe(before);
    const [entry] = await t.dataSource.query(
      `SELECT a.action, u.username AS actor, a.before, a.after FROM admin_audit a JOIN users u ON u.id = a.actor_id WHERE a.target_key = 'kukar'`,
    );
    expect(entry).toMatchObject({ action: 'GOVERNMENT_CREATED', actor: 'kaltim.admin', before: null, after: { code: 'kukar', parentCode: 'kaltim' } });
  });

  it('refuses bad government input with 400 and field messages, changing nothing', async () => {
    const auth = await t.auth('kaltim.admin');
    const good = { code: 'kubar', name: 'Pemerintah Kabupaten Kutai Barat', regionName: 'Kutai Barat', level: 'REGENCY', timeZone: 'Asia/Makassar' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, level: 'PROVINCE' }, 'level must be REGENCY or CITY'],
      [{ ...good, timeZone: 'Mars/Olympus' }, 'timeZone "Mars/Olympus" is not an IANA time zone'],
      [{ ...good, code: 'Kutai Barat' }, 'code must be 2-40 lowercase letters'],
      [{ ...good, name: '  ' }, 'name must not be blank'],
      [{ ...good, parentCode: 'paser' }, 'parentCode is not a known field'],
    ];
    for (const [body, message] of cases) {
      const res = await t.http.post('/api/governments').set(auth).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain(message);
    }
    const province = await t.http.patch('/api/governments/kaltim').set(auth).send({ level: 'REGENCY' });
    expect([province.status, province.body.message]).toEqual([400, 'level of a province cannot change']);
    const code = await t.http.patch('/api/governments/paser').set(auth).send({ code: 'paser2' });
    expect(code.status).toBe(400);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM governments WHERE code IN ('kubar', 'paser2')`)).toEqual([{ n: 0 }]);
  });

  it("a province's ADMIN edits a regency; the audit keeps before and after", async () => {
    const res = await t.http.patch('/api/governments/berau').set(await t.auth('kaltim.admin')).send({ level: 'CITY', name: 'Pemerintah Kota Berau' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'berau', level: 'CITY', name: 'Pemerintah Kota Berau', regionName: 'Berau' });
    const [entry] = await t.dataSource.query(`SELECT before, after FROM admin_audit WHERE action = 'GOVERNMENT_UPDATED' AND target_key = 'berau'`);
    expect(entry.before).toMatchObject({ level: 'REGENCY', name: 'Pemerintah Kabupaten Berau' });
    expect(entry.after).toMatchObject({ level: 'CITY', name: 'Pemerintah Kota Berau' });
    await t.http.patch('/api/governments/berau').set(await t.auth('kaltim.admin')).send({ level: 'REGENCY', name: 'Pemerintah Kabupaten Berau' });
  });

  it("a new time zone moves the government's pending deadlines into it, in the same transaction; the same zone moves nothing", async () => {
    const doc = await createQuickWin(t, 'berau.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'berau.drafter', 'SUBMIT')).status).toBe(200);
    const pending = async () =>
      (
        await t.dataSource.query(
          `SELECT id, entered_at AS "enteredAt", due_at AS "dueAt", explanation, generation FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`,
          [doc.id],
        )
      )[0] as { id: string; enteredAt: Date; dueAt: Date; explanation: string; generation: number };
    const before = await pending();
    expect(before.explanation).toContain('WITA');
    const calendar = async (timeZone: string) => {
      const holidays: Holiday[] = await t.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays WHERE government_id IS NULL OR government_id = (SELECT id FROM governments WHERE code = 'berau')`,
      );
      return new WorkingDayCalendar({ timeZone, holidays });
    };

    const same = await t.http.patch('/api/governments/berau').set(await t.auth('kaltim.admin')).send({ timeZone: 'Asia/Makassar' });
    expect(same.status).toBe(200);
    expect(await pending()).toEqual(before);

    const moved = await t.http.patch('/api/governments/berau').set(await t.auth('kaltim.admin')).send({ timeZone: 'Asia/Jakarta' });
    expect(moved.status).toBe(200);
    const after = await pending();
    const expected = computeDeadlineSchedule({ enteredAt: before.enteredAt, policy: DEFAULT_SLA['quick-win'].endorsement, calendar: await calendar('Asia/Jakarta') });
    expect(after.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
    expect(after.dueAt).not.toEqual(before.dueAt); // the close of office in WIB is never the close in WITA
    expect(after.explanation).toBe(expected.explanation);
    expect(after.explanation).toContain('WIB');
    expect(after.generation).toBe(before.generation + 1);
    const outbox = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = 'DEADLINE_RESCHEDULED' AND payload ->> 'deadlineId' = $1`, [after.id]);
    expect(outbox.map((r: { payload: unknown }) => r.payload)).toEqual([{ deadlineId: after.id, generation: after.generation }]);

    await t.http.patch('/api/governments/berau').set(await t.auth('kaltim.admin')).send({ timeZone: 'Asia/Makassar' });
    expect((await pending()).dueAt).toEqual(before.dueAt);
  });

  it("GET /api/units: anyone signed in reads their own government's units by name, code and name only", async () => {
    const drafter = await t.http.get('/api/units').set(await t.auth('paser.drafter'));
    expect(drafter.status).toBe(200);
    expect(drafter.body.items).toEqual([
      { code: 'bagian-hukum', name: 'Bagian Hukum' },
      { code: 'bagian-organisasi', name: 'Bagian Organisasi' },
      { code: 'diskominfo', name: 'Dinas Komunikasi, Informatika, Statistik dan Persandian' },
      { code: 'inspektorat', name: 'Inspektorat' },
      { code: 'setda', name: 'Sekretariat Daerah' },
    ]);
    const province = await t.http.get('/api/units').set(await t.auth('kaltim.sekda'));
    expect(province.body.items.map((u: { code: string }) => u.code)).toEqual(['biro-hukum', 'biro-organisasi', 'diskominfo', 'inspektorat', 'setda']);
    expect((await t.http.get('/api/units')).status).toBe(401);
  });

  it("GET /api/units?governmentCode=: the units of another government the caller's lists read (the province's LEGAL: its regencies'), else 404", async () => {
    const paserUnits = (await t.http.get('/api/units').set(await t.auth('paser.drafter'))).body.items;
    const legal = await t.http.get('/api/units?governmentCode=paser').set(await t.auth('kaltim.hukum'));
    expect([legal.status, legal.body.items]).toEqual([200, paserUnits]);
    const own = await t.http.get('/api/units?governmentCode=kaltim').set(await t.auth('kaltim.sekda'));
    expect(own.body.items.map((u: { code: string }) => u.code)).toEqual(['biro-hukum', 'biro-organisasi', 'diskominfo', 'inspektorat', 'setda']);
    for (const [user, code] of [
      ['kaltim.sekda', 'paser'],
      ['paser.hukum', 'kaltim'],
      ['paser.hukum', 'berau'],
      ['kaltim.hukum', 'kalteng'],
    ]) {
      const refused = await t.http.get(`/api/units?governmentCode=${code}`).set(await t.auth(user));
      expect({ user, code, status: refused.status, error: refused.body.code }).toEqual({ user, code, status: 404, error: 'NOT_FOUND' });
    }
    const malformed = await t.http.get('/api/units?governmentCode=').set(await t.auth('kaltim.hukum'));
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('units: each ADMIN adds units to what they administer, a code once per government', async () => {
    const own = await t.http.post('/api/governments/paser/units').set(await t.auth('paser.admin')).send({ code: 'dinkes', name: 'Dinas Kesehatan' });
    expect(own.status).toBe(201);
    expect(own.body).toEqual({ code: 'dinkes', name: 'Dinas Kesehatan', governmentCode: 'paser', headUsername: null, createdAt: expect.any(String) });
    const duplicate = await t.http.post('/api/governments/paser/units').set(await t.auth('kaltim.admin')).send({ code: 'dinkes', name: 'Dinas Kesehatan Lain' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'CONFLICT']);
    const sameCodeElsewhere = await t.http.post('/api/governments/berau/units').set(await t.auth('kaltim.admin')).send({ code: 'dinkes', name: 'Dinas Kesehatan' });
    expect(sameCodeElsewhere.status).toBe(201);
    const list = await t.http.get('/api/governments/paser/units').set(await t.auth('paser.admin'));
    expect(list.body.items.map((u: { code: string }) => u.code)).toEqual(['bagian-hukum', 'bagian-organisasi', 'dinkes', 'diskominfo', 'inspektorat', 'setda']);
    const bad = await t.http.post('/api/governments/paser/units').set(await t.auth('paser.admin')).send({ code: 'Dinas Baru', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toEqual(expect.arrayContaining([expect.stringContaining('code must be'), expect.stringContaining('name must be')]));
  });

  it('sets the head of a unit to an active person of that unit only', async () => {
    const auth = await t.auth('paser.admin');
    const set = await t.http.patch('/api/governments/paser/units/diskominfo').set(auth).send({ headUsername: 'paser.kadis' });
    expect(set.status).toBe(200);
    expect(set.body.headUsername).toBe('paser.kadis');
    for (const other of ['kaltim.kadis', 'paser.sekda', 'nobody']) {
      const res = await t.http.patch('/api/governments/paser/units/diskominfo').set(auth).send({ headUsername: other });
      expect([res.status, res.body.message]).toEqual([400, 'headUsername must be an active person of paser/diskominfo']);
    }
    const [unit] = await t.dataSource.query(`SELECT h.username FROM units un JOIN governments g ON g.id = un.government_id LEFT JOIN users h ON h.id = un.head_user_id WHERE g.code = 'paser' AND un.code = 'diskominfo'`);
    expect(unit.username).toBe('paser.kadis');
    const renamed = await t.http.patch('/api/governments/paser/units/diskominfo').set(auth).send({ name: 'Dinas Kominfo Paser' });
    expect(renamed.body).toMatchObject({ name: 'Dinas Kominfo Paser', headUsername: 'paser.kadis' });
    const cleared = await t.http.patch('/api/governments/paser/units/diskominfo').set(auth).send({ headUsername: null });
    expect(cleared.body.headUsername).toBeNull();
    expect((await t.http.patch('/api/governments/paser/units/tidak-ada').set(auth).send({ name: 'X' })).status).toBe(404);
  });
});
