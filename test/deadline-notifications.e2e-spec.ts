import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  act,
  createQuickWin,
  createRegulation,
  createTestApp,
  createTestWorker,
  delegate,
  notificationsOf,
  rushDeadline,
  summarise,
  waitFor,
  type TestApp,
  type TestWorker,
} from '#testing';

import { addUser } from './support/users.js';
import { regulationIn } from './support/regulation.js';
import { TargetDateReminderHandler } from '../apps/worker/src/deadlines/target-date-reminder.handler.js';

jest.setTimeout(60_000);

/**
 * Deadlines and notifications end to end, with the real API and the real worker (in process) on one
 * database and queue prefix. Deadlines are made short by rewriting their times the way a holiday
 * recomputation does (new generation + DEADLINE_RESCHEDULED outbox row).
 */
describe('deadline reminders, overdue notices, escalations and transition notifications', () => {
  let t: TestApp;
  let w: TestWorker;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createTestWorker(t.env);
    // The Kepala Dinas is away: the Plh acts (and is notified) for UNIT_HEAD.
    await delegate(t.dataSource, 'kaltim.kadis', 'kaltim.plh', 'UNIT_HEAD');
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  const submitted = async (overrides: Record<string, unknown> = {}) => {
    const doc = await createQuickWin(t, 'kaltim.drafter', overrides);
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    return doc.id;
  };

  it('sends REMINDER and OVERDUE once to the stage actors and their delegate, and ESCALATION up to maxEscalations to the superior', async () => {
    const id = await submitted({ title: 'Tanda Tangan Elektronik untuk Surat Dinas' });
    await rushDeadline(t.dataSource, id, { remindInMs: 800, dueInMs: 1600, escalationsInMs: [2400, 3200, 4000], maxEscalations: 2 });

    await waitFor(async () => summarise(await notificationsOf(t.dataSource, id), ['ESCALATION']).length >= 2, { what: 'two escalations' });
    await new Promise((r) => setTimeout(r, 2500)); // past the third escalation time: it must not come

    const all = await notificationsOf(t.dataSource, id);
    expect(summarise(all, ['REMINDER', 'OVERDUE', 'ESCALATION'])).toEqual([
      'ESCALATION kaltim.sekda',
      'ESCALATION kaltim.sekda',
      'OVERDUE kaltim.kadis',
      'OVERDUE kaltim.plh',
      'REMINDER kaltim.kadis',
      'REMINDER kaltim.plh',
    ]);
    const escalations = all.filter((n) => n.type === 'ESCALATION').map((n) => n.title);
    expect(escalations.sort()).toEqual([expect.stringContaining('Eskalasi ke-1'), expect.stringContaining('Eskalasi ke-2')]);

    const reminder = all.find((n) => n.type === 'REMINDER' && n.username === 'kaltim.kadis')!;
    expect(reminder.title).toBe('Pengingat batas waktu: Quick Win "Tanda Tangan Elektronik untuk Surat Dinas"');
    expect(reminder.message).toContain('tahap Persetujuan Kepala Perangkat Daerah');
    // A working-day SLA (P3D) is due at the close of office; the rushed time keeps its rule's words, to the minute.
    expect(reminder.message).toMatch(/hingga akhir jam kerja, (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WITA \(3 hari kerja, dihitung sejak /);
    expect(reminder.message).toContain('Silakan memberikan persetujuan atau mengembalikannya untuk diperbaiki');
    const plh = all.find((n) => n.type === 'OVERDUE' && n.username === 'kaltim.plh')!;
    expect(plh.message).toContain('sebagai Plh. Kepala Perangkat Daerah');
    const escalation = all.find((n) => n.type === 'ESCALATION')!;
    expect(escalation.message).toContain('Kepala Perangkat Daerah belum menindaklanjutinya');
    expect(all.every((n) => n.dedupKey.length > 0)).toBe(true);
  });

  it("escalates a unit's stage to its stored head (units.head_user_id) before whoever holds UNIT_HEAD there", async () => {
    const id = await submitted({ title: 'Arsip Digital Naskah Dinas' });
    expect((await act(t, 'quick-wins', id, 'kaltim.kadis', 'RETURN', { comment: 'Lengkapi indikator kinerja.' })).status).toBe(200);
    const headOf = async () =>
      (
        await t.dataSource.query(
          `SELECT h.username FROM units un JOIN governments g ON g.id = un.government_id LEFT JOIN users h ON h.id = un.head_user_id
            WHERE g.code = 'kaltim' AND un.code = 'diskominfo'`,
        )
      )[0].username;
    expect(await headOf()).toBe('kaltim.kadis'); // the demo seed stores every unit's head
    const admin = await t.auth('kaltim.admin');
    expect((await t.http.patch('/api/governments/kaltim/units/diskominfo').set(admin).send({ headUsername: 'kaltim.drafter2' })).status).toBe(200);
    try {
      // revision waits for the drafter; its escalation goes to the head of the drafter's unit
      await rushDeadline(t.dataSource, id, { remindInMs: 300, dueInMs: 600, escalationsInMs: [900], maxEscalations: 1 });
      await waitFor(async () => summarise(await notificationsOf(t.dataSource, id), ['ESCALATION']).length >= 1, { what: 'the escalation' });
      await new Promise((r) => setTimeout(r, 500));
      // kaltim.drafter2 holds no UNIT_HEAD role: without the stored head it would be kaltim.kadis and the Plh
      expect(summarise(await notificationsOf(t.dataSource, id), ['ESCALATION'])).toEqual(['ESCALATION kaltim.drafter2']);
    } finally {
      await t.http.patch('/api/governments/kaltim/units/diskominfo').set(admin).send({ headUsername: 'kaltim.kadis' });
    }
  });

  it('a stored head moved to another unit no longer stands for it: the escalation goes to whoever holds UNIT_HEAD there, not to them', async () => {
    const id = await submitted({ title: 'Layanan Pengaduan Terpadu' });
    expect((await act(t, 'quick-wins', id, 'kaltim.kadis', 'RETURN', { comment: 'Lengkapi indikator kinerja.' })).status).toBe(200);
    const admin = await t.auth('kaltim.admin');
    expect((await t.http.patch('/api/governments/kaltim/units/diskominfo').set(admin).send({ headUsername: 'kaltim.drafter2' })).status).toBe(200);
    // then the ADMIN moves that person to the Sekretariat: they no longer belong to Diskominfo
    expect((await t.http.patch('/api/users/kaltim.drafter2').set(admin).send({ unitCode: 'setda' })).status).toBe(200);
    try {
      const units = await t.http.get('/api/governments/kaltim/units').set(admin);
      expect(units.body.items.find((u: { code: string }) => u.code === 'diskominfo').headUsername).toBeNull();
      await rushDeadline(t.dataSource, id, { remindInMs: 300, dueInMs: 600, escalationsInMs: [900], maxEscalations: 1 });
      await waitFor(async () => summarise(await notificationsOf(t.dataSource, id), ['ESCALATION']).length >= 1, { what: 'the escalation' });
      await new Promise((r) => setTimeout(r, 500));
      expect(summarise(await notificationsOf(t.dataSource, id), ['ESCALATION'])).toEqual(['ESCALATION kaltim.kadis', 'ESCALATION kaltim.plh']);
    } finally {
      await t.http.patch('/api/users/kaltim.drafter2').set(admin).send({ unitCode: 'diskominfo' });
      await t.http.patch('/api/governments/kaltim/units/diskominfo').set(admin).send({ headUsername: 'kaltim.kadis' });
    }
  });

  it('sends nothing for a stage the document left before its deadline', async () => {
    const id = await submitted({ title: 'Antrean Daring Layanan Kependudukan' });
    await rushDeadline(t.dataSource, id, { remindInMs: 1500, dueInMs: 2000, escalationsInMs: [2500], maxEscalations: 1 });
    expect((await act(t, 'quick-wins', id, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);

    await new Promise((r) => setTimeout(r, 4000));
    await w.reconcile(); // the reconciler does not bring them back either
    await new Promise((r) => setTimeout(r, 500));
    expect(summarise(await notificationsOf(t.dataSource, id), ['REMINDER', 'OVERDUE', 'ESCALATION'])).toEqual([]);
  });

  it('notifies ASSIGNED to the next stage actors, RETURNED and APPROVED to the creator, once each', async () => {
    const id = await submitted({ title: 'Mal Pelayanan Publik Terpadu' });
    expect((await act(t, 'quick-wins', id, 'kaltim.kadis', 'RETURN', { comment: 'Lengkapi indikator dan anggaran.' })).status).toBe(200);
    expect((await act(t, 'quick-wins', id, 'kaltim.drafter', 'RESUBMIT')).status).toBe(200);
    expect((await act(t, 'quick-wins', id, 'kaltim.plh', 'ENDORSE')).status).toBe(200); // as Plh of the Kepala Dinas
    expect((await act(t, 'quick-wins', id, 'kaltim.organisasi', 'VERIFY')).status).toBe(200);
    expect((await act(t, 'quick-wins', id, 'kaltim.sekda', 'APPROVE')).status).toBe(200);

    const expected = [
      'APPROVED kaltim.drafter',
      'ASSIGNED kaltim.drafter', // implementation: the unit's drafters report progress
      'ASSIGNED kaltim.drafter2',
      'ASSIGNED kaltim.kadis', // endorsement (submit), endorsement (resubmit), implementation (COMPLETE)
      'ASSIGNED kaltim.kadis',
      'ASSIGNED kaltim.kadis',
      'ASSIGNED kaltim.organisasi',
      'ASSIGNED kaltim.plh',
      'ASSIGNED kaltim.plh',
      'ASSIGNED kaltim.plh',
      'ASSIGNED kaltim.sekda',
      'RETURNED kaltim.drafter',
    ];
    await waitFor(async () => summarise(await notificationsOf(t.dataSource, id)).length >= expected.length, { what: 'the transition notifications' });
    await new Promise((r) => setTimeout(r, 500));
    const all = await notificationsOf(t.dataSource, id);
    expect(summarise(all)).toEqual(expected);

    const returned = all.find((n) => n.type === 'RETURNED')!;
    expect(returned.title).toBe('Dikembalikan untuk perbaikan: Quick Win "Mal Pelayanan Publik Terpadu"');
    expect(returned.message).toContain('dengan catatan: "Lengkapi indikator dan anggaran."');
    expect(returned.message).toContain('tahap Perbaikan oleh Pemrakarsa');
    expect(returned.message).toContain('Batas waktu: ');
    expect(returned.message).toContain('Silakan memperbaiki lalu mengajukannya kembali');
    const approved = all.find((n) => n.type === 'APPROVED')!;
    expect(approved.message).toContain('telah disetujui oleh Dr. Hj. Nurhayati Usman, M.Pd.');
    expect(approved.message).toContain('Tahap berikutnya: Pelaksanaan dan Laporan Kemajuan');
    const assigned = all.find((n) => n.type === 'ASSIGNED' && n.username === 'kaltim.sekda')!;
    expect(assigned.message).toContain('menunggu tindakan Anda');
    expect(assigned.message).toContain('Silakan menyetujuinya, mengembalikannya untuk diperbaiki, atau menolaknya');
  });

  it("reminds of a regulation's targetDate: the latest reminder missed while it existed, at once", async () => {
    const local = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Makassar' });
    const targetDate = local(2); // the 7-day reminder has passed, the 1-day one is tomorrow 08:00
    const doc = await createRegulation(t, 'kaltim.drafter', { targetDate });
    await t.dataSource.query(`UPDATE documents SET created_at = now() - interval '10 days' WHERE id = $1`, [doc.id]);
    await w.reconcile();

    await waitFor(async () => (await notificationsOf(t.dataSource, doc.id)).length >= 2, { what: 'target-date reminders' });
    await w.reconcile(); // a second pass sends nothing new
    await new Promise((r) => setTimeout(r, 500));
    const all = await notificationsOf(t.dataSource, doc.id);
    expect(summarise(all)).toEqual(['REMINDER kaltim.drafter', 'REMINDER kaltim.drafter2']);
    expect(all[0].dedupKey).toMatch(new RegExp(`^target:${doc.id}:${targetDate}:7d:`));
    expect(all[0].title).toContain('Pengingat target penetapan (7 hari lagi): Rancangan Peraturan Gubernur tentang');
    expect(all[0].message).toContain('Silakan mengajukan dokumen agar target tersebut tercapai');
  });

  it('stops reminding of a targetDate once the head of region has signed (penetapan): nothing in promulgation or promulgated', async () => {
    const local = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Makassar' });
    const targetDate = local(2);
    const signed = await regulationIn(t, 'kaltim', 'promulgation', { targetDate, title: 'Sistem Kerja yang Sudah Ditetapkan' });
    const published = await regulationIn(t, 'kaltim', 'promulgated', { targetDate, title: 'Sistem Kerja yang Sudah Diundangkan' });
    const waiting = await regulationIn(t, 'kaltim', 'signature', { targetDate, title: 'Sistem Kerja yang Menunggu Tanda Tangan' });
    const ids = [signed.id, published.id, waiting.id];
    await t.dataSource.query(`UPDATE documents SET created_at = now() - interval '10 days' WHERE id = ANY($1::uuid[])`, [ids]);
    const targetReminders = async (id: string) => (await notificationsOf(t.dataSource, id)).filter((n) => n.dedupKey.startsWith('target:'));
    await w.reconcile();

    // the one still waiting for the signature is reminded (the pass ran)...
    await waitFor(async () => (await targetReminders(waiting.id)).length > 0, { what: 'the target-date reminder before signature' });
    expect(summarise(await targetReminders(waiting.id))).toEqual(['REMINDER kaltim.drafter', 'REMINDER kaltim.kepala']);
    await new Promise((r) => setTimeout(r, 1000));
    // ...the signed ones are enacted: their target is met, nobody is asked to reach it
    expect(await targetReminders(signed.id)).toEqual([]);
    expect(await targetReminders(published.id)).toEqual([]);
    // a job for one of them (forged, or queued before the signature) writes nothing either
    const handler = w.app.get(TargetDateReminderHandler);
    expect(await handler.handle({ documentId: signed.id, targetDate, daysBefore: 7 }, { job: {} } as never)).toMatch(/enacted/);
    expect(await targetReminders(signed.id)).toEqual([]);
  });

  describe('GET /api/notifications, POST /api/notifications/:id/read and /read', () => {
    it("lists the caller's notifications newest first, filters unread, marks read; someone else's is a 404", async () => {
      const id = await submitted({ title: 'Sistem Informasi Arsip Dinamis' });
      await waitFor(async () => summarise(await notificationsOf(t.dataSource, id)).includes('ASSIGNED kaltim.kadis'), { what: 'ASSIGNED' });

      const list = await t.http.get('/api/notifications?limit=100').set(await t.auth('kaltim.kadis'));
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ page: 1, limit: 100 });
      const items = list.body.items as Array<{ id: string; createdAt: string; documentId: string; type: string; readAt: string | null }>;
      expect(items.length).toBe(list.body.total);
      expect(items.map((n) => n.createdAt)).toEqual([...items.map((n) => n.createdAt)].sort().reverse());
      const mine = items.find((n) => n.documentId === id && n.type === 'ASSIGNED')!;
      expect(mine).toMatchObject({ documentKind: 'quick-win', readAt: null, title: expect.stringContaining('Sistem Informasi Arsip Dinamis') });
      expect(Object.keys(mine).sort()).toEqual(['createdAt', 'documentId', 'documentKind', 'id', 'message', 'readAt', 'title', 'type']);

      const unreadBefore = (await t.http.get('/api/notifications?unread=true&limit=100').set(await t.auth('kaltim.kadis'))).body;
      expect(unreadBefore.items.some((n: { id: string }) => n.id === mine.id)).toBe(true);

      expect((await t.http.post(`/api/notifications/${mine.id}/read`).set(await t.auth('kaltim.drafter'))).status).toBe(404);
      expect((await t.http.post(`/api/notifications/not-a-uuid/read`).set(await t.auth('kaltim.kadis'))).status).toBe(404);
      const read = await t.http.post(`/api/notifications/${mine.id}/read`).set(await t.auth('kaltim.kadis'));
      expect(read.status).toBe(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      const again = await t.http.post(`/api/notifications/${mine.id}/read`).set(await t.auth('kaltim.kadis'));
      expect(again.body.readAt).toBe(read.body.readAt);

      const unreadAfter = (await t.http.get('/api/notifications?unread=true&limit=100').set(await t.auth('kaltim.kadis'))).body;
      expect(unreadAfter.items.some((n: { id: string }) => n.id === mine.id)).toBe(false);
      expect(unreadAfter.total).toBe(unreadBefore.total - 1);
      expect(unreadAfter.unread).toBe(unreadBefore.unread - 1);
      // the unread list's total is its unread count; the whole list's counts the read one too
      expect(unreadAfter.total).toBe(unreadAfter.unread);
      const all = (await t.http.get('/api/notifications?limit=1').set(await t.auth('kaltim.kadis'))).body;
      expect({ total: all.total, unread: all.unread }).toEqual({ total: list.body.total, unread: unreadAfter.unread });

      const page2 = await t.http.get('/api/notifications?limit=1&page=2').set(await t.auth('kaltim.kadis'));
      expect(page2.body.items).toHaveLength(1);
      expect(page2.body.items[0].id).toBe(items[1].id);
      expect((await t.http.get('/api/notifications?unread=yes').set(await t.auth('kaltim.kadis'))).status).toBe(400);
      expect((await t.http.get('/api/notifications')).status).toBe(401);
    });

    it('POST /api/notifications/read marks read up to the newest one shown; one that came later stays unread', async () => {
      await addUser(t, { username: 'kaltim.pembaca', governmentCode: 'kaltim', unitCode: 'diskominfo', roles: ['DRAFTER'] });
      const arrive = (title: string, minutesAgo: number) =>
        t.dataSource.query(
          `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key, created_at)
           SELECT id, 'WEEKLY_DIGEST', NULL, NULL, $1, 'Yth. Bapak/Ibu, berikut ringkasan alur.', $2, now() - make_interval(mins => $3)
             FROM users WHERE username = 'kaltim.pembaca'`,
          [title, `uji-baca:${title}`, minutesAgo],
        );
      for (const [title, minutesAgo] of [['satu', 30], ['dua', 20], ['tiga', 10]] as const) await arrive(title, minutesAgo);
      const auth = await t.auth('kaltim.pembaca');
      const list = async () => (await t.http.get('/api/notifications').set(auth)).body as { items: Array<{ id: string; title: string; readAt: string | null }>; unread: number };
      const shown = (await list()).items; // tiga, dua, satu
      const dua = (await t.http.post(`/api/notifications/${shown[1].id}/read`).set(auth)).body.readAt;
      await arrive('empat', 0); // after the list was shown

      const marked = await t.http.post('/api/notifications/read').set(auth).send({ upTo: shown[0].id });
      expect(marked.status).toBe(200);
      expect(marked.body).toEqual({ marked: 2, unread: 1 });
      const after = await list();
      expect(after.items.map((n) => [n.title, n.readAt !== null])).toEqual([['empat', false], ['tiga', true], ['dua', true], ['satu', true]]);
      expect(after.items[2].readAt).toBe(dua); // read before: its first time stays
      expect(after.unread).toBe(1);
      expect((await t.http.post('/api/notifications/read').set(auth).send({ upTo: shown[0].id })).body).toEqual({ marked: 0, unread: 1 });

      // someone else's notification or an unknown one is a 404, a malformed body a 400; nothing changes
      const [others] = await t.dataSource.query(`SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'kaltim.kadis' LIMIT 1`);
      for (const upTo of [others.id, '00000000-0000-4000-8000-000000000000']) {
        const refused = await t.http.post('/api/notifications/read').set(auth).send({ upTo });
        expect([refused.status, refused.body.code]).toEqual([404, 'NOT_FOUND']);
      }
      for (const body of [{}, { upTo: 'bukan-uuid' }, { upTo: shown[0].id, semua: true }]) {
        const refused = await t.http.post('/api/notifications/read').set(auth).send(body);
        expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect((await list()).unread).toBe(1);
    });
  });
});
