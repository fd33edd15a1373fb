import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createRegulation, createTestApp, createTestWorker, notificationsOf, summarise, waitFor, type TestApp, type TestWorker } from '#testing';
import { participantDeadlines, regulationInCoordination, rushParticipantDeadlines } from './support/coordination.js';

jest.setTimeout(120_000);

const PASER_OPDS = ['inspektorat', 'bagian-organisasi', 'setda'];
const HEADS = PASER_OPDS.map((unit) => `paser.kepala-${unit}`);

/**
 * Each OPD concerned has its own deadline in coordination.agencies, with its own reminders and
 * escalations, run by the real worker; deadlines are made short the way a holiday recomputation does.
 */
describe('deadlines of paraf koordinasi by the OPDs concerned', () => {
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

  it('assigns, reminds and escalates each OPD on its own deadline; an OPD that answered hears nothing more', async () => {
    const doc = await createRegulation(t, 'paser.drafter', { title: 'Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser' });
    const entered = await regulationInCoordination(t, doc.id, 'paser', PASER_OPDS, { kind: 'ALL' });
    expect(entered).toMatchObject({ state: 'coordination.agencies', type: 'PERBUP' });
    await waitFor(async () => summarise(await notificationsOf(t.dataSource, doc.id), ['ASSIGNED']).filter((s) => s.includes('kepala-')).length >= 3, {
      what: 'ASSIGNED to the three heads',
    });
    const assigned = summarise(await notificationsOf(t.dataSource, doc.id), ['ASSIGNED']).filter((s) => !s.includes('paser.kadis') && !s.includes('hukum'));
    expect(assigned).toEqual(HEADS.map((h) => `ASSIGNED ${h}`).sort());

    expect((await act(t, 'regulations', doc.id, 'paser.kepala-inspektorat', 'PARAF')).status).toBe(200);
    await rushParticipantDeadlines(t.dataSource, doc.id, { remindInMs: 800, dueInMs: 1600, escalationsInMs: [2400] });
    await waitFor(async () => summarise(await notificationsOf(t.dataSource, doc.id), ['ESCALATION']).length >= 2, { what: 'one escalation per pending OPD' });
    await new Promise((r) => setTimeout(r, 1500));

    const all = await notificationsOf(t.dataSource, doc.id);
    expect(summarise(all, ['REMINDER', 'OVERDUE', 'ESCALATION'])).toEqual([
      'ESCALATION paser.sekda',
      'ESCALATION paser.sekda',
      'OVERDUE paser.kepala-bagian-organisasi',
      'OVERDUE paser.kepala-setda',
      'REMINDER paser.kepala-bagian-organisasi',
      'REMINDER paser.kepala-setda',
    ]);
    const reminder = all.find((n) => n.type === 'REMINDER' && n.username === 'paser.kepala-setda')!;
    expect(reminder.message).toContain('tahap Paraf Koordinasi Perangkat Daerah Terkait');
    expect(reminder.message).toContain('membubuhkan paraf koordinasi');
    // two deadlines escalated, each under its own key
    expect(new Set(all.filter((n) => n.type === 'ESCALATION').map((n) => n.dedupKey)).size).toBe(2);
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(['bagian-organisasi PENDING', 'inspektorat DONE', 'setda PENDING']);
  });

  it('a Perbup of paser with AT_LEAST 2 of 3: the third OPD never answers, is told it is released, and gets no reminder afterwards', async () => {
    const doc = await createRegulation(t, 'paser.drafter', { title: 'Pelayanan Publik Terpadu Kabupaten Paser' });
    await regulationInCoordination(t, doc.id, 'paser', PASER_OPDS, { kind: 'AT_LEAST', n: 2 });
    const rushedAt = Date.now();
    await rushParticipantDeadlines(t.dataSource, doc.id, { remindInMs: 8000, dueInMs: 9000, escalationsInMs: [10_000] });
    expect((await act(t, 'regulations', doc.id, 'paser.kepala-inspektorat', 'PARAF')).body.state).toBe('coordination.agencies');
    const done = await act(t, 'regulations', doc.id, 'paser.kepala-bagian-organisasi', 'PARAF');
    expect(done.body).toMatchObject({ state: 'coordination.assistant', coordination: { outcome: 'COMPLETED' } });
    expect(Date.now() - rushedAt).toBeLessThan(8000); // the quorum came before any reminder was due
    expect(done.body.coordination.participants.map((p: { status: string }) => p.status)).toEqual(['INITIALLED', 'INITIALLED', 'CANCELLED']);
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(['bagian-organisasi DONE', 'inspektorat DONE', 'setda CANCELLED']);

    const cancelled = await waitFor(async () => (await notificationsOf(t.dataSource, doc.id)).find((n) => n.type === 'CANCELLED'), { what: 'the CANCELLED notice' });
    expect(cancelled.username).toBe('paser.kepala-setda');
    expect(cancelled.title).toContain('Tugas dibatalkan');
    expect(cancelled.message).toContain('aturan paraf koordinasi telah terpenuhi');
    // past every time the released OPD's deadline had: nothing reached anyone
    await new Promise((r) => setTimeout(r, Math.max(0, rushedAt + 11_500 - Date.now())));
    const all = await notificationsOf(t.dataSource, doc.id);
    expect(summarise(all, ['REMINDER', 'OVERDUE', 'ESCALATION'])).toEqual([]);
    expect(summarise(all, ['CANCELLED'])).toEqual(['CANCELLED paser.kepala-setda']);
    expect(summarise(all, ['ASSIGNED']).filter((s) => s.startsWith('ASSIGNED paser.asisten'))).toEqual(['ASSIGNED paser.asisten']);
  });
});
