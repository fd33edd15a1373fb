import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createQuickWin, createTestApp, createTestWorker, notificationsOf, summarise, waitFor, type TestApp, type TestWorker } from '#testing';

jest.setTimeout(90_000);

describe('people administration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Where paser's drafters work, by code and by name. */
  const paserDiskominfo = {
    governmentCode: 'paser',
    governmentName: 'Pemerintah Kabupaten Paser',
    unitCode: 'diskominfo',
    unitName: 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
  };

  const newPerson = (overrides: Record<string, unknown> = {}) => ({
    username: 'paser.sari',
    name: 'Sari Puspitasari, S.Sos.',
    nip: '199505052020122001',
    email: 'sari@paserkab.go.id',
    unitCode: 'diskominfo',
    roles: ['DRAFTER'],
    ...overrides,
  });

  it('nobody but an ADMIN administers people: 403 on every endpoint', async () => {
    for (const username of ['paser.sekda', 'paser.kadis', 'kaltim.kepala']) {
      const auth = await t.auth(username);
      const responses = await Promise.all([
        t.http.get('/api/users').set(auth),
        t.http.post('/api/users').set(auth).send(newPerson({ username: 'paser.x' })),
        t.http.get('/api/users/paser.drafter').set(auth),
        t.http.patch('/api/users/paser.drafter').set(auth).send({ name: 'X' }),
      ]);
      for (const res of responses) expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it("paser's ADMIN sees and touches paser's people only: kaltim's and berau's do not exist for them", async () => {
    const auth = await t.auth('paser.admin');
    const list = await t.http.get('/api/users?limit=200').set(auth);
    expect(list.status).toBe(200);
    expect(new Set(list.body.items.map((u: { governmentCode: string }) => u.governmentCode))).toEqual(new Set(['paser']));
    expect(list.body.total).toBe(15); // api.md's eleven and the heads of its four other units
    for (const username of ['kaltim.drafter', 'berau.drafter', 'kaltim.admin', 'nobody.here']) {
      expect((await t.http.get(`/api/users/${username}`).set(auth)).status).toBe(404);
      const patch = await t.http.patch(`/api/users/${username}`).set(auth).send({ active: false });
      expect([patch.status, patch.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await t.http.get('/api/users?governmentCode=berau').set(auth)).status).toBe(404);
    // a code no government can have (one letter: governments' codes are 2-40 characters) is refused as such
    expect((await t.http.get('/api/users?governmentCode=p').set(auth)).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const elsewhere = await t.http.post('/api/users').set(auth).send(newPerson({ governmentCode: 'kaltim', username: 'kaltim.sari' }));
    expect(elsewhere.status).toBe(404);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE NOT active OR username = 'kaltim.sari'`)).toEqual([{ n: 0 }]);
  });

  it("the province's ADMIN manages its regencies' people", async () => {
    const auth = await t.auth('kaltim.admin');
    expect((await t.http.get('/api/users/paser.drafter').set(auth)).body).toMatchObject({
      username: 'paser.drafter',
      ...paserDiskominfo,
      roles: ['DRAFTER'],
      active: true,
      hasPassword: true,
    });
    const all = await t.http.get('/api/users?limit=200').set(auth);
    expect(new Set(all.body.items.map((u: { governmentCode: string }) => u.governmentCode))).toEqual(new Set(['kaltim', 'paser', 'berau']));
    const created = await t.http.post('/api/users').set(auth).send(newPerson({ governmentCode: 'berau', username: 'berau.sari', nip: '199505052020122099' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'berau.sari', governmentCode: 'berau', hasPassword: false, mustChangePassword: false });
  });

  it('filters by unit, role, active and search (name, NIP, username), paged', async () => {
    const auth = await t.auth('kaltim.admin');
    const names = async (query: string) => {
      const res = await t.http.get(`/api/users?${query}`).set(auth);
      expect(res.status).toBe(200);
      return res.body.items.map((u: { username: string }) => u.username);
    };
    expect(await names('governmentCode=paser&unitCode=diskominfo')).toEqual(['paser.drafter', 'paser.drafter2', 'paser.kadis']);
    const heads = (g: string, units: string[]) => [`${g}.kadis`, ...units.map((u) => `${g}.kepala-${u}`)];
    const regencyUnits = ['bagian-hukum', 'bagian-organisasi', 'inspektorat', 'setda'];
    expect(await names('role=UNIT_HEAD')).toEqual([
      ...heads('berau', regencyUnits),
      ...heads('kaltim', ['biro-hukum', 'biro-organisasi', 'inspektorat', 'setda']),
      ...heads('paser', regencyUnits),
    ]);
    const [{ nip }] = await t.dataSource.query(`SELECT nip FROM users WHERE username = 'paser.sekda'`);
    expect(await names(`search=${nip.slice(2, 12)}`)).toEqual(['paser.sekda']);
    const [{ name }] = await t.dataSource.query(`SELECT name FROM users WHERE username = 'berau.hukum'`);
    expect(await names(`search=${encodeURIComponent(name.split(' ')[0].toUpperCase())}&governmentCode=berau`)).toContain('berau.hukum');
    expect(await names('search=paser.kepala')).toEqual(['paser.kepala', ...regencyUnits.map((u) => `paser.kepala-${u}`)]);
    expect(await names('search=100%25')).toEqual([]);
    const page = await t.http.get('/api/users?governmentCode=paser&limit=4&page=2').set(auth);
    expect(page.body).toMatchObject({ total: 15, page: 2, limit: 4 });
    expect(page.body.items).toHaveLength(4);
    for (const bad of ['active=maybe', 'role=OVERLORD', 'limit=500', 'page=0', 'unitCode=Bad%20Unit', 'colour=red']) {
      const res = await t.http.get(`/api/users?${bad}`).set(auth);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });

  it('creates a person once: 409 on a taken username or NIP, 400 on bad fields, 403 on OPERATOR; each audited', async () => {
    const auth = await t.auth('paser.admin');
    const created = await t.http.post('/api/users').set(auth).send(newPerson());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      username: 'paser.sari',
      name: 'Sari Puspitasari, S.Sos.',
      nip: '199505052020122001',
      email: 'sari@paserkab.go.id',
      ...paserDiskominfo,
      roles: ['DRAFTER'],
      active: true,
      hasPassword: false,
      mustChangePassword: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // without a password nobody can sign in as them
    expect((await t.http.post('/api/auth/login').send({ username: 'paser.sari', password: '' })).status).toBe(400);
    expect((await t.http.post('/api/auth/login').send({ username: 'paser.sari', password: 'apa-saja-12345' })).status).toBe(401);

    const [{ nip: drafterNip }] = await t.dataSource.query(`SELECT nip FROM users WHERE username = 'kaltim.drafter'`);
    const conflicts: Array<[Record<string, unknown>, string]> = [
      [newPerson({ nip: '199505052020122002' }), 'The username paser.sari is taken'],
      [newPerson({ username: 'paser.sari2', nip: drafterNip }), `The NIP ${drafterNip} already belongs to someone else`],
    ];
    for (const [body, message] of conflicts) {
      const res = await t.http.post('/api/users').set(auth).send(body);
      expect([res.status, res.body.code, res.body.message]).toEqual([409, 'CONFLICT', message]);
    }
    const operator = await t.http.post('/api/users').set(auth).send(newPerson({ username: 'paser.op', nip: null, roles: ['ADMIN', 'OPERATOR'] }));
    expect([operator.status, operator.body.code]).toEqual([403, 'FORBIDDEN']);
    const bad: Array<[Record<string, unknown>, string]> = [
      [newPerson({ username: 'Paser Sari' }), 'username must be 3-60 lowercase letters'],
      [newPerson({ username: 'paser.b1', nip: '12345' }), 'nip must be 18 digits'],
      [newPerson({ username: 'paser.b2', nip: null, email: 'bukan-surel' }), 'email must be an e-mail address'],
      [newPerson({ username: 'paser.b3', nip: null, roles: ['DRAFTER', 'KING'] }), 'roles: KING is not a role'],
      [newPerson({ username: 'paser.b4', nip: null, unitCode: 'biro-hukum' }), 'unitCode: paser has no unit biro-hukum'],
      [newPerson({ username: 'paser.b5', nip: null, password: 'pendek' }), 'password must be 12 to 200 characters long'],
      [newPerson({ username: 'paser.b6', nip: null, roles: ['DRAFTER', 'DRAFTER'] }), 'roles must not repeat'],
      [{ username: 'paser.b7' }, 'name is required'],
    ];
    for (const [body, message] of bad) {
      const res = await t.http.post('/api/users').set(auth).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain(message);
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'paser.b%' OR username IN ('paser.op', 'paser.sari2')`)).toEqual([{ n: 0 }]);
    const audit = await t.dataSource.query(`SELECT action, after->'roles' AS roles FROM admin_audit WHERE target_key = 'paser.sari'`);
    expect(audit).toEqual([{ action: 'USER_CREATED', roles: ['DRAFTER'] }]);
  });

  it('a first password given at creation must be changed at the first sign-in', async () => {
    const created = await t.http.post('/api/users').set(await t.auth('paser.admin')).send(newPerson({ username: 'paser.budi', nip: null, password: 'sandi-awal-budi-01' }));
    expect(created.body).toMatchObject({ hasPassword: true, mustChangePassword: true });
    const login = await t.http.post('/api/auth/login').send({ username: 'paser.budi', password: 'sandi-awal-budi-01' });
    expect(login.body.mustChangePassword).toBe(true);
    const tasks = await t.http.get('/api/tasks').set({ Authorization: `Bearer ${login.body.accessToken}` });
    expect([tasks.status, tasks.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
  });

  it('changes name, NIP, unit and roles; an ADMIN never grants OPERATOR nor takes it; the audit keeps before and after', async () => {
    const auth = await t.auth('paser.admin');
    const res = await t.http.patch('/api/users/paser.sari').set(auth).send({ unitCode: 'bagian-organisasi', roles: ['ORG_VERIFIER'], nip: null, email: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitCode: 'bagian-organisasi', unitName: 'Bagian Organisasi', roles: ['ORG_VERIFIER'], nip: null, email: null });
    const [entry] = await t.dataSource.query(`SELECT action, before, after FROM admin_audit WHERE target_key = 'paser.sari' AND action = 'USER_UPDATED'`);
    expect(entry.before).toMatchObject({ unitCode: 'diskominfo', roles: ['DRAFTER'], nip: '199505052020122001' });
    expect(entry.after).toMatchObject({ unitCode: 'bagian-organisasi', roles: ['ORG_VERIFIER'], nip: null });
    expect(Object.keys(entry.after)).not.toEqual(expect.arrayContaining(['unitName'])); // a unit's name may change; the audit keeps its code

    // (before paser.sari holds OPERATOR: then a new NIP is not paser's ADMIN's to give, 403)
    const [{ nip: takenNip }] = await t.dataSource.query(`SELECT nip FROM users WHERE username = 'berau.sekda'`);
    const taken = await t.http.patch('/api/users/paser.sari').set(auth).send({ nip: takenNip });
    expect([taken.status, taken.body.code]).toEqual([409, 'CONFLICT']);
    const operator = await t.http.patch('/api/users/paser.sari').set(auth).send({ roles: ['OPERATOR'] });
    expect([operator.status, operator.body.code]).toEqual([403, 'FORBIDDEN']);
    await t.dataSource.query(`UPDATE users SET roles = '{ADMIN,OPERATOR}' WHERE username = 'paser.sari'`);
    const kept = await t.http.patch('/api/users/paser.sari').set(auth).send({ roles: ['DRAFTER'] });
    expect(kept.body.roles).toEqual(['DRAFTER', 'OPERATOR']);

    const foreignUnit = await t.http.patch('/api/users/paser.sari').set(auth).send({ unitCode: 'biro-hukum' });
    expect(foreignUnit.status).toBe(400);
    const self = await t.http.patch('/api/users/paser.admin').set(auth).send({ active: false });
    expect([self.status, self.body.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await t.http.patch('/api/users/paser.sari').set(auth).send({ governmentCode: 'kaltim' });
    expect(unknown.status).toBe(400);
  });
});

describe('deactivation', () => {
  let t: TestApp;
  let w: TestWorker;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createTestWorker(t.env);
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  it('ends the sessions at once: the next request with an old token is 401, and signing in is refused', async () => {
    const token = await t.auth('berau.drafter2');
    expect((await t.http.get('/api/me').set(token)).status).toBe(200);
    const res = await t.http.patch('/api/users/berau.drafter2').set(await t.auth('berau.admin')).send({ active: false });
    expect([res.status, res.body.active]).toEqual([200, false]);
    const after = await t.http.get('/api/tasks').set(token);
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await t.http.post('/api/auth/login').send({ username: 'berau.drafter2', password: 'demo12345' })).status).toBe(401);
    const [entry] = await t.dataSource.query(`SELECT action FROM admin_audit WHERE target_key = 'berau.drafter2'`);
    expect(entry.action).toBe('USER_DEACTIVATED');
  });

  it('takes them out of notification recipients, keeps their history, and reactivation brings them back', async () => {
    const admin = await t.auth('berau.admin');
    const created = await t.http.post('/api/users').set(admin).send({ username: 'berau.wakadis', name: 'Wakil Kepala Dinas', unitCode: 'diskominfo', roles: ['UNIT_HEAD'] });
    expect(created.status).toBe(201);
    const doc = await createQuickWin(t, 'berau.drafter');
    const drafterToken = await t.auth('berau.drafter');
    await new Promise((r) => setTimeout(r, 1000)); // tokens carry their issue time to the second
    await t.http.patch('/api/users/berau.wakadis').set(admin).send({ active: false });
    expect((await act(t, 'quick-wins', doc.id, 'berau.drafter', 'SUBMIT')).status).toBe(200);
    await waitFor(async () => summarise(await notificationsOf(t.dataSource, doc.id), ['ASSIGNED']).length > 0, { what: 'ASSIGNED notifications' });
    expect(summarise(await notificationsOf(t.dataSource, doc.id), ['ASSIGNED'])).toEqual(['ASSIGNED berau.kadis']);

    // the drafter who submitted is deactivated: the history keeps their entries
    await t.http.patch('/api/users/berau.drafter').set(admin).send({ active: false });
    expect((await t.http.get('/api/me').set(drafterToken)).status).toBe(401);
    const history = await t.http.get(`/api/quick-wins/${doc.id}/history`).set(await t.auth('berau.kadis'));
    expect(history.body.entries.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual(['CREATE berau.drafter', 'SUBMIT berau.drafter']);
    expect(history.body.chainValid).toBe(true);

    await t.http.patch('/api/users/berau.drafter').set(admin).send({ active: true });
    expect((await t.http.post('/api/auth/login').send({ username: 'berau.drafter', password: 'demo12345' })).status).toBe(200);
    // a token from before the deactivation stays ended
    expect((await t.http.get('/api/me').set(drafterToken)).status).toBe(401);
  });
});
