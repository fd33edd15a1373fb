import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '#testing';

jest.setTimeout(120_000);

const SAMPLE = readFileSync('examples/personnel-paser.csv', 'utf8');

async function asXlsx(csv: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  for (const line of csv.trim().split('\n')) {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    sheet.addRow(cells.slice(0, 6));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('personnel import', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const upload = async (username: string, csv: string | Buffer, query = '', filename = 'pegawai.csv') =>
    t.http.post(`/api/users/import${query}`).set(await t.auth(username)).attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), filename);
  const counts = async () => (await t.dataSource.query(`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM admin_audit) AS audit`))[0];

  it('is for the ADMIN of the government imported into', async () => {
    const sekda = await upload('paser.sekda', SAMPLE, '?dryRun=true');
    expect([sekda.status, sekda.body.code]).toEqual([403, 'FORBIDDEN']);
    const berau = await upload('berau.admin', SAMPLE, '?dryRun=true&governmentCode=paser');
    expect([berau.status, berau.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('dry run answers each row and changes nothing', async () => {
    const before = await counts();
    const res = await upload('paser.admin', SAMPLE, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 20, updated: 0, unchanged: 0, error: 0 });
    expect(res.body.rows[0]).toEqual({ row: 2, nip: '197208141998031004', username: 'paser.fahmi', status: 'created' });
    expect(res.body.dryRun).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('applies in one transaction, then a second apply is all unchanged (idempotent by NIP), also from XLSX', async () => {
    const before = await counts();
    const res = await upload('kaltim.admin', SAMPLE, '?governmentCode=paser');
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 20, updated: 0, unchanged: 0, error: 0 });
    expect(await counts()).toEqual({ users: before.users + 20, audit: before.audit + 20 });
    const person = await t.http.get('/api/users/paser.rizal').set(await t.auth('paser.admin'));
    expect(person.body).toMatchObject({ name: 'Dr. Ahmad Rizal Fauzi, S.T., M.T.', nip: '197601302002121002', unitCode: 'diskominfo', roles: ['UNIT_HEAD'], hasPassword: false, active: true });
    const [entry] = await t.dataSource.query(`SELECT a.action, u.username AS actor FROM admin_audit a JOIN users u ON u.id = a.actor_id WHERE a.target_key = 'paser.rizal'`);
    expect(entry).toEqual({ action: 'USER_IMPORTED', actor: 'kaltim.admin' });

    const again = await upload('paser.admin', SAMPLE);
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 20, error: 0 });
    const xlsx = await upload('paser.admin', await asXlsx(SAMPLE), '', 'pegawai.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.summary).toEqual({ created: 0, updated: 0, unchanged: 20, error: 0 });
    expect(await counts()).toEqual({ users: before.users + 20, audit: before.audit + 20 });
  });

  it('applies nothing at all when any row is an error (400 with the report), and everything once it is fixed', async () => {
    const changed = SAMPLE.replace('paser.dewi,diskominfo,DRAFTER', 'paser.dewi,setda,DRAFTER;ORG_VERIFIER');
    const broken = `${changed}199901012024011001,Calon Pegawai,,paser.calon,biro-hukum,DRAFTER\n`;
    const before = await counts();
    const dry = await upload('paser.admin', broken, '?dryRun=true');
    expect(dry.body.summary).toEqual({ created: 0, updated: 1, unchanged: 19, error: 1 });
    expect(dry.body.rows.at(-1)).toEqual({ row: 22, nip: '199901012024011001', username: 'paser.calon', status: 'error', reason: 'unitCode biro-hukum is not a unit of this government' });

    const apply = await upload('paser.admin', broken);
    expect([apply.status, apply.body.code, apply.body.message]).toEqual([400, 'VALIDATION_FAILED', '1 of 21 rows have errors; nothing was imported']);
    expect(apply.body.details.summary).toEqual({ created: 0, updated: 1, unchanged: 19, error: 1 });
    expect(await counts()).toEqual(before);
    expect((await t.http.get('/api/users/paser.dewi').set(await t.auth('paser.admin'))).body).toMatchObject({ unitCode: 'diskominfo', roles: ['DRAFTER'] });

    const fixed = await upload('paser.admin', broken.replace('paser.calon,biro-hukum', 'paser.calon,diskominfo'));
    expect(fixed.body.summary).toEqual({ created: 1, updated: 1, unchanged: 19, error: 0 });
    expect((await t.http.get('/api/users/paser.dewi').set(await t.auth('paser.admin'))).body).toMatchObject({ unitCode: 'setda', roles: ['DRAFTER', 'ORG_VERIFIER'] });
    const [entry] = await t.dataSource.query(`SELECT before->>'unitCode' AS before, after->>'unitCode' AS after FROM admin_audit WHERE target_key = 'paser.dewi' AND action = 'USER_UPDATED_BY_IMPORT'`);
    expect(entry).toEqual({ before: 'diskominfo', after: 'setda' });
  });

  it('refuses what it cannot read with a clear 4xx', async () => {
    const noFile = await t.http.post('/api/users/import').set(await t.auth('paser.admin')).field('other', 'x');
    expect([noFile.status, noFile.body.message]).toEqual([400, 'file is required: send the personnel file as multipart/form-data field "file"']);
    const json = await t.http.post('/api/users/import').set(await t.auth('paser.admin')).send({ file: 'x' });
    expect(json.status).toBe(400);
    const columns = await upload('paser.admin', 'nip,nama\n199001012015011001,Orang\n');
    expect([columns.status, columns.body.message]).toEqual([400, 'file: missing column name, email, username, unitCode, roles (columns: nip, name, email, username, unitCode, roles)']);
    const png = await upload('paser.admin', Buffer.from([0x89, 0x50, 0x4e, 0x47]), '', 'foto.png');
    expect([png.status, png.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const badXlsx = await upload('paser.admin', Buffer.from('PK not really a zip'), '', 'pegawai.xlsx');
    expect(badXlsx.status).toBe(400);
    const empty = await upload('paser.admin', 'nip,name,email,username,unitCode,roles\n');
    expect([empty.status, empty.body.message]).toEqual([400, 'file: no person in the file']);
    const badQuery = await upload('paser.admin', SAMPLE, '?dryRun=yes');
    expect(badQuery.status).toBe(400);
  });

  it('an imported person gets a password, signs in, and their Quick Win reaches their Kepala OPD', async () => {
    const reset = await t.http.post('/api/users/paser.rina/password-reset').set(await t.auth('paser.admin'));
    const login = await t.http.post('/api/auth/login').send({ username: 'paser.rina', password: reset.body.temporaryPassword });
    expect(login.body.mustChangePassword).toBe(true);
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.post('/api/me/password').set(bearer).send({ currentPassword: reset.body.temporaryPassword, newPassword: 'rina-paser-2026!' })).status).toBe(204);
    const created = await t.http.post('/api/quick-wins').set(bearer).send({
      title: 'Layanan Pengaduan Daring Terpadu',
      description: 'Satu kanal pengaduan warga untuk seluruh OPD.',
      year: 2026,
      category: 'RB_TEMATIK',
      area: 'DIGITALISASI_ADMINISTRASI',
      indicator: 'Persentase pengaduan yang dijawab dalam 3 hari',
      target: { value: 90, unit: 'persen' },
      output: 'Kanal pengaduan daring',
      startDate: '2026-02-02',
      endDate: '2026-12-31',
      budget: 75000000,
    });
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/quick-wins/${created.body.id}/actions`).set(bearer).send({ action: 'SUBMIT' })).status).toBe(200);

    const resetHead = await t.http.post('/api/users/paser.rizal/password-reset').set(await t.auth('paser.admin'));
    const head = await t.http.post('/api/auth/login').send({ username: 'paser.rizal', password: resetHead.body.temporaryPassword });
    const headBearer = { Authorization: `Bearer ${head.body.accessToken}` };
    await t.http.post('/api/me/password').set(headBearer).send({ currentPassword: resetHead.body.temporaryPassword, newPassword: 'rizal-kominfo-2026' });
    const tasks = await t.http.get('/api/tasks').set(headBearer);
    expect(tasks.status).toBe(200);
    expect(tasks.body.items).toEqual([expect.objectContaining({ id: created.body.id, state: 'endorsement', allowedActions: expect.arrayContaining(['ENDORSE']) })]);
  });
});

describe('personnel import from a semicolon-separated CSV (Excel in an Indonesian locale)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reads the separator from the header line', async () => {
    const csv = 'nip;name;email;username;unitCode;roles\n199001012015011001;"Orang Satu, S.Kom.";;berau.satu;diskominfo;DRAFTER,UNIT_HEAD\n';
    const res = await t.http.post('/api/users/import?dryRun=true').set(await t.auth('berau.admin')).attach('file', Buffer.from(csv), 'pegawai.csv');
    expect(res.body.rows).toEqual([{ row: 2, nip: '199001012015011001', username: 'berau.satu', status: 'created' }]);
  });

  it("refuses the importing ADMIN's own row without ADMIN: they do not give up their own role", async () => {
    await t.dataSource.query(`UPDATE users SET nip = '198001012005011001' WHERE username = 'berau.admin'`);
    const csv = 'nip,name,email,username,unitCode,roles\n198001012005011001,Admin Berau,,berau.admin,setda,DRAFTER\n';
    const res = await t.http.post('/api/users/import').set(await t.auth('berau.admin')).attach('file', Buffer.from(csv), 'pegawai.csv');
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details.rows).toEqual([
      { row: 2, nip: '198001012005011001', username: 'berau.admin', status: 'error', reason: 'berau.admin is who imports this file: an ADMIN does not give up their own ADMIN role' },
    ]);
    expect((await t.dataSource.query(`SELECT roles FROM users WHERE username = 'berau.admin'`))[0].roles).toContain('ADMIN');
  });
});
