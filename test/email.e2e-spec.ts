import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { JobName, JobProducer } from '#queue';
import {
  act,
  createQuickWin,
  createTestApp,
  createTestWorker,
  notificationsOf,
  rushDeadline,
  startSmtpSink,
  TEST_DEMO_PASSWORD,
  waitFor,
  type SmtpSink,
  type TestApp,
  type TestWorker,
} from '#testing';
import { messageIdFor } from '../apps/worker/src/notifications/dedup-keys.js';

jest.setTimeout(60_000);

/** E-mail through a real SMTP server (the `smtp-server` package) started by the test. */
describe('e-mail notifications (SMTP_URL set)', () => {
  let t: TestApp;
  let w: TestWorker;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://alur.kaltimprov.go.id/', LOGIN_THROTTLE_LIMIT: '10' });
    w = await createTestWorker({ ...t.env, SMTP_URL: smtp.url, SMTP_FROM: 'alur Kaltim <alur@kaltimprov.go.id>' });
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  it('sends each notification once, in Bahasa Indonesia, with the deduplication key as Message-ID, and records emailed_at', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Layanan Pengaduan Terpadu' });
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await rushDeadline(t.dataSource, doc.id, { remindInMs: 500, dueInMs: 60 * 60_000, escalationsInMs: [] });

    const stored = await waitFor(
      async () => {
        const all = await notificationsOf(t.dataSource, doc.id);
        return all.length === 2 && all.every((n) => n.emailedAt !== null) ? all : null;
      },
      { what: 'ASSIGNED and REMINDER e-mailed' },
    );
    const reminder = stored.find((n) => n.type === 'REMINDER')!;
    const assigned = stored.find((n) => n.type === 'ASSIGNED')!;

    const mails = mailsTo('kaltim.kadis@demo.alur.local');
    expect(mails.map((m) => m.messageId).sort()).toEqual([messageIdFor(assigned.dedupKey), messageIdFor(reminder.dedupKey)].sort());
    expect(messageIdFor(reminder.dedupKey)).toMatch(/^<deadline\.[0-9a-f-]{36}\.REMINDER\.1\.kaltim\.kadis@alur>$/);

    const mail = mails.find((m) => m.messageId === messageIdFor(reminder.dedupKey))!;
    expect(mail.subject).toBe('Pengingat batas waktu: Quick Win "Layanan Pengaduan Terpadu"');
    expect(mail.to).toContain('Dr. Muhammad Faisal');
    expect(mail.text).toContain('Yth. Dr. Muhammad Faisal, S.Sos., M.Si.');
    expect(mail.text).toContain('pada tahap Persetujuan Kepala Perangkat Daerah harus ditindaklanjuti hingga akhir jam kerja, ');
    expect(mail.text).toContain('WITA');
    expect(mail.text).toContain('Silakan memberikan persetujuan atau mengembalikannya untuk diperbaiki sebelum batas waktu tersebut.');
    expect(mail.text).toContain('Reformasi Birokrasi Pemerintah Provinsi Kalimantan Timur');
    // the document's page, at the address people reach alur by (PUBLIC_URL)
    expect(mail.text).toMatch(new RegExp(`^Buka di alur: https://alur\\.kaltimprov\\.go\\.id/quick-wins/${doc.id}\\s*$`, 'm'));
    expect(mail.raw).toMatch(/^From: alur Kaltim <alur@kaltimprov\.go\.id>/m);
  });

  it('does not send again when the e-mail job runs a second time', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Kartu Identitas Anak Daring' });
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const [assigned] = await waitFor(async () => {
      const all = await notificationsOf(t.dataSource, doc.id);
      return all.length === 1 && all[0].emailedAt ? all : null;
    });
    const producer = new JobProducer({ redisUrl: t.env.REDIS_URL, prefix: t.env.QUEUE_PREFIX });
    try {
      await producer.add([{ item: { name: JobName.EmailDelivery, data: { notificationId: assigned.id } } }]);
      await waitFor(async () => (await producer.states(JobName.EmailDelivery, [`email.${assigned.id}`]))[0] === 'unknown', { what: 'the repeated job to finish' });
    } finally {
      await producer.close();
    }
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor(assigned.dedupKey))).toHaveLength(1);
  });

  it('retries with backoff when the SMTP server refuses, and delivers once', async () => {
    smtp.refuseNext(2);
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Sistem Antrean Rumah Sakit Daerah' });
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const [assigned] = await waitFor(
      async () => {
        const all = await notificationsOf(t.dataSource, doc.id);
        return all.length === 1 && all[0].emailedAt ? all : null;
      },
      { what: 'the e-mail after two refusals' },
    );
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor(assigned.dedupKey))).toHaveLength(1);
    expect(assigned.dedupKey).toMatch(/^outbox:\d+:kaltim\.kadis$/);
  });

  it('tells the principal and the delegate, in the app and by e-mail, when an ADMIN records a delegation for them and when it is revoked', async () => {
    const inApp = async (user: string, type: string) => {
      const res = await t.http.get('/api/notifications?limit=100').set(await t.auth(user));
      expect(res.status).toBe(200);
      return (res.body.items as Array<Record<string, any>>).filter((n) => n.type === type);
    };
    const created = await t.http
      .post('/api/delegations')
      .set(await t.auth('kaltim.admin'))
      .send({
        principal: 'kaltim.sekda',
        delegate: 'kaltim.plh',
        role: 'SECRETARY',
        kind: 'PLH',
        reason: 'Sekda cuti tahunan (SPT 800/77/2026)',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 2 * 60 * 60_000).toISOString(),
      });
    expect(created.status).toBe(201);

    const [toPrincipal] = await waitFor(async () => {
      const found = await inApp('kaltim.sekda', 'DELEGATION_GRANTED');
      return found.length === 1 ? found : null;
    }, { what: 'DELEGATION_GRANTED for the principal' });
    expect(toPrincipal).toMatchObject({ documentKind: null, documentId: null, title: 'Peran Anda didelegasikan: Plh. Sekretaris Daerah' });
    expect(toPrincipal.message).toContain('H. Ahmad Zulkifli, S.H., M.Si. sebagai Plh. Sekretaris Daerah atas nama Anda');
    expect(toPrincipal.message).toContain('"Sekda cuti tahunan (SPT 800/77/2026)"');
    const [toDelegate] = await waitFor(async () => {
      const found = await inApp('kaltim.plh', 'DELEGATION_GRANTED');
      return found.length === 1 ? found : null;
    }, { what: 'DELEGATION_GRANTED for the delegate' });
    expect(toDelegate.title).toBe('Anda ditunjuk sebagai Plh. Sekretaris Daerah');
    expect(toDelegate.message).toContain('atas nama Dr. Hj. Nurhayati Usman, M.Pd.');

    const grantedMails = await waitFor(() => {
      const mails = [...mailsTo('kaltim.sekda@demo.alur.local'), ...mailsTo('kaltim.plh@demo.alur.local')].filter((m) => m.text.includes('SPT 800/77/2026'));
      return mails.length === 2 ? mails : null;
    }, { what: 'the two e-mails of the delegation' });
    expect(grantedMails.map((m) => m.subject).sort()).toEqual(['Anda ditunjuk sebagai Plh. Sekretaris Daerah', 'Peran Anda didelegasikan: Plh. Sekretaris Daerah']);
    for (const m of grantedMails) expect(m.text).toMatch(/^Buka di alur: https:\/\/alur\.kaltimprov\.go\.id\/pendelegasian\s*$/m);

    expect((await t.http.delete(`/api/delegations/${created.body.id}`).set(await t.auth('kaltim.admin'))).status).toBe(200);
    // revoking again changes nothing and tells nobody again
    expect((await t.http.delete(`/api/delegations/${created.body.id}`).set(await t.auth('kaltim.admin'))).status).toBe(200);
    for (const [user, title] of [
      ['kaltim.sekda', 'Pendelegasian dicabut: Plh. Sekretaris Daerah'],
      ['kaltim.plh', 'Penunjukan dicabut: Plh. Sekretaris Daerah'],
    ]) {
      const [revoked] = await waitFor(async () => {
        const found = await inApp(user, 'DELEGATION_REVOKED');
        return found.length === 1 ? found : null;
      }, { what: `DELEGATION_REVOKED for ${user}` });
      expect(revoked.title).toBe(title);
      await waitFor(() => mailsTo(`${user}@demo.alur.local`).some((m) => m.subject === title), { what: `the revocation e-mail to ${user}` });
    }
    const [{ outboxRows }] = await t.dataSource.query(
      `SELECT count(*)::int AS "outboxRows" FROM outbox WHERE type = 'DELEGATION_CHANGED' AND payload->>'delegationId' = $1`,
      [created.body.id],
    );
    expect(outboxRows).toBe(2);
  });

  describe('password reset by e-mail ("lupa kata sandi")', () => {
    const forgot = (username: string, address = '198.51.100.61') =>
      t.http.post('/api/auth/password-reset/request').set('X-Forwarded-For', address).send({ username });
    const reset = (token: string, newPassword: string) => t.http.post('/api/auth/password-reset').set('X-Forwarded-For', '198.51.100.63').send({ token, newPassword });
    const login = (username: string, password: string) => t.http.post('/api/auth/login').set('X-Forwarded-For', '198.51.100.64').send({ username, password });
    const linkIn = (text: string) => /https:\/\/alur\.kaltimprov\.go\.id\/atur-kata-sandi\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];

    it('is offered (GET /api/auth/providers)', async () => {
      expect((await t.http.get('/api/auth/providers')).body).toEqual({ password: true, passwordReset: true, oidc: false });
    });

    it('answers the same for an unknown account, e-mails a one-time link to a known one, and the link sets a new password once', async () => {
      const before = await login('kaltim.drafter2', TEST_DEMO_PASSWORD); // a session somewhere, which the new password ends
      await new Promise((r) => setTimeout(r, 1000)); // tokens carry their issue time to the second
      const known = await forgot('kaltim.drafter2');
      const unknown = await forgot('kaltim.tidak-ada');
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(known.body.message).toContain('Bila akun tersebut terdaftar');

      const mail = await waitFor(() => mailsTo('kaltim.drafter2@demo.alur.local').find((m) => m.subject === 'Atur ulang kata sandi alur'), {
        what: 'the reset e-mail',
      });
      const token = linkIn(mail.text)!;
      expect(token).toBeDefined();
      expect(mail.text).toContain('Yth. ');
      expect(mail.text).toContain('hanya dapat dipakai sekali');
      // only the token's hash is stored, and only for the known account
      const stored: Array<{ tokenHash: string; username: string }> = await t.dataSource.query(
        `SELECT pr.token_hash AS "tokenHash", u.username FROM password_resets pr JOIN users u ON u.id = pr.user_id`,
      );
      expect(stored).toEqual([{ tokenHash: createHash('sha256').update(token).digest('hex'), username: 'kaltim.drafter2' }]);

      expect((await reset(token, 'pendek')).status).toBe(400);
      expect((await reset('A'.repeat(43), 'kata-sandi-baru-yang-panjang')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((await reset(token, 'kata-sandi-baru-yang-panjang')).status).toBe(204);
      expect((await t.http.get('/api/me').set({ Authorization: `Bearer ${before.body.accessToken}` })).status).toBe(401);
      const signedIn = await login('kaltim.drafter2', 'kata-sandi-baru-yang-panjang');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.mustChangePassword).toBe(false);
      expect((await login('kaltim.drafter2', TEST_DEMO_PASSWORD)).status).toBe(401);
      // once only
      const again = await reset(token, 'kata-sandi-lain-yang-panjang');
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('VALIDATION_FAILED');
      expect((await login('kaltim.drafter2', 'kata-sandi-baru-yang-panjang')).status).toBe(200);
    });

    it('finds the account by its e-mail address too, and only the newest link of a person works', async () => {
      expect((await forgot('kaltim.hukum@demo.alur.local', '198.51.100.65')).status).toBe(202);
      const first = await waitFor(() => mailsTo('kaltim.hukum@demo.alur.local').find((m) => m.subject === 'Atur ulang kata sandi alur'), { what: 'the first link' });
      expect((await forgot('KALTIM.HUKUM', '198.51.100.65')).status).toBe(202);
      const second = await waitFor(() => mailsTo('kaltim.hukum@demo.alur.local').filter((m) => m.subject === 'Atur ulang kata sandi alur')[1], { what: 'the second link' });
      expect((await reset(linkIn(first.text)!, 'kata-sandi-hukum-yang-baru')).status).toBe(400);
      expect((await reset(linkIn(second.text)!, 'kata-sandi-hukum-yang-baru')).status).toBe(204);
    });

    it("an ADMIN's reset e-mails the link instead of answering a password; someone without an e-mail address gets the temporary one", async () => {
      const admin = await t.auth('kaltim.admin');
      const sent = await t.http.post('/api/users/kaltim.asisten/password-reset').set(admin);
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ username: 'kaltim.asisten', delivery: 'EMAIL', email: 'kaltim.asisten@demo.alur.local', expiresAt: expect.any(String) });
      const mail = await waitFor(() => mailsTo('kaltim.asisten@demo.alur.local').find((m) => m.subject === 'Atur ulang kata sandi alur'), { what: "the ADMIN's reset e-mail" });
      // the old password keeps working until the person uses the link
      expect((await login('kaltim.asisten', TEST_DEMO_PASSWORD)).status).toBe(200);
      expect((await reset(linkIn(mail.text)!, 'kata-sandi-asisten-baru')).status).toBe(204);
      expect((await login('kaltim.asisten', 'kata-sandi-asisten-baru')).body.mustChangePassword).toBe(false);
      const audit = await t.dataSource.query(`SELECT action, after FROM admin_audit WHERE target_key = 'kaltim.asisten' ORDER BY id`);
      expect(audit).toEqual([
        { action: 'USER_PASSWORD_RESET', after: { linkSentTo: 'kaltim.asisten@demo.alur.local' } },
        { action: 'USER_PASSWORD_RESET_BY_EMAIL', after: { hasPassword: true, mustChangePassword: false } },
      ]);

      expect((await t.http.post('/api/users').set(admin).send({ username: 'kaltim.tanpa-surel', name: 'Tanpa Surel', unitCode: 'setda', roles: [] })).status).toBe(201);
      const shown = await t.http.post('/api/users/kaltim.tanpa-surel/password-reset').set(admin);
      expect(shown.body).toEqual({ username: 'kaltim.tanpa-surel', delivery: 'TEMPORARY_PASSWORD', temporaryPassword: expect.any(String) });
    });

    it('a link no longer works once the address it went to is not the person\'s any more, or once their password is set another way', async () => {
      const admin = await t.auth('kaltim.admin');
      const newest = (address: string, n: number) =>
        waitFor(() => mailsTo(address).filter((m) => m.subject === 'Atur ulang kata sandi alur')[n], { what: `reset e-mail ${n + 1} to ${address}` });

      // the mailbox is lost (or was someone else's): the ADMIN gives the person a new address
      expect((await forgot('kaltim.inspektur', '198.51.100.67')).status).toBe(202);
      const toOld = linkIn((await newest('kaltim.inspektur@demo.alur.local', 0)).text)!;
      expect((await t.http.patch('/api/users/kaltim.inspektur').set(admin).send({ email: 'inspektur@kaltimprov.go.id' })).status).toBe(200);
      const stale = await reset(toOld, 'kata-sandi-dari-kotak-lama');
      expect([stale.status, stale.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await login('kaltim.inspektur', 'kata-sandi-dari-kotak-lama')).status).toBe(401);

      // a link asked for, then the person changes their password themselves: the link is spent
      expect((await forgot('kaltim.inspektur', '198.51.100.67')).status).toBe(202);
      const pending = linkIn((await newest('inspektur@kaltimprov.go.id', 0)).text)!;
      const own = await t.http.post('/api/auth/login').set('X-Forwarded-For', '198.51.100.64').send({ username: 'kaltim.inspektur', password: TEST_DEMO_PASSWORD });
      const bearer = { Authorization: `Bearer ${own.body.accessToken}` };
      expect((await t.http.post('/api/me/password').set(bearer).send({ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'kata-sandi-inspektur-baru' })).status).toBe(204);
      expect((await reset(pending, 'kata-sandi-dari-tautan')).status).toBe(400);
      expect((await login('kaltim.inspektur', 'kata-sandi-inspektur-baru')).status).toBe(200);
    });

    it('is rate-limited like sign-in (per address and account), with the same answer up to the limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await forgot('kaltim.tidak-ada', '198.51.100.66')).status);
      expect(statuses).toEqual([...Array(10).fill(202), 429]);
    });
  });
});
