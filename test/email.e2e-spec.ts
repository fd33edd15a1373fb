import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JobName, JobProducer } from '#queue';
import {
  act,
  createQuickWin,
  createTestApp,
  createTestWorker,
  notificationsOf,
  rushDeadline,
  startSmtpSink,
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
    t = await createTestApp();
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
});
