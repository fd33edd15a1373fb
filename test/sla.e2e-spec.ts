import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { computeDeadlineSchedule, DEFAULT_SLA } from '#workflow';
import { act, calendarInDatabase, createQuickWin, createTestApp, type TestApp } from '#testing';
import { driveTo } from './support/quick-win.js';

// Generous for a loaded machine (app start, argon2 logins); nothing here measures time.
jest.setTimeout(60_000);

const QUICK_WIN_STAGES = ['endorsement', 'verification', 'approval', 'revision', 'implementation', 'evaluation'];
const policy = (overrides: Record<string, unknown> = {}) => ({
  duration: 'P5D',
  businessDays: true,
  remindBefore: 'P1D',
  escalateAfter: 'P1D',
  escalateEvery: 'P2D',
  maxEscalations: 3,
  ...overrides,
});

describe('SLA per government, kind and stage', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const getSla = async (user: string, kind = 'quick-win') => t.http.get(`/api/workflows/${kind}/sla`).set(await t.auth(user));
  const putSla = async (user: string, body: unknown, kind = 'quick-win') =>
    t.http.put(`/api/workflows/${kind}/sla`).set(await t.auth(user)).send(body as object);

  async function pendingDeadline(documentId: string) {
    const [row] = await t.dataSource.query(
      `SELECT id, stage, entered_at AS "enteredAt", due_at AS "dueAt", remind_at AS "remindAt", escalation_times AS "escalationTimes",
              policy, explanation, generation
         FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`,
      [documentId],
    );
    return row as { id: string; stage: string; enteredAt: Date; dueAt: Date; remindAt: Date | null; escalationTimes: Date[]; policy: any; explanation: string; generation: number };
  }

  const calendarOf = (governmentCode: string) => calendarInDatabase(t.dataSource, governmentCode);

  describe('reading', () => {
    it('gives every waiting stage of a Quick Win with the domain defaults, flagged as defaults', async () => {
      const res = await getSla('kaltim.sekda');
      expect(res.status).toBe(200);
      expect(res.body.kind).toBe('quick-win');
      expect(res.body.governmentCode).toBe('kaltim');
      expect(Object.keys(res.body.stages)).toEqual(QUICK_WIN_STAGES);
      expect(res.body.stages.endorsement).toEqual({ ...policy({ duration: 'P3D' }), isDefault: true, updatedAt: null, updatedBy: null });
      expect(res.body.stages.approval).toMatchObject({ ...policy(), isDefault: true });
      expect(res.body.stages.implementation).toMatchObject({ duration: 'P30D', businessDays: false, isDefault: true });
    });

    it('gives the regulation stages too, nested ones dotted, facilitation in calendar days', async () => {
      const res = await getSla('paser.hukum', 'regulation');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.stages)).toEqual(Object.keys(DEFAULT_SLA.regulation));
      expect(res.body.stages['coordination.assistant']).toMatchObject({ duration: 'P3D', businessDays: true });
      expect(res.body.stages.harmonization.duration).toBe('P20D');
      expect(res.body.stages.facilitation).toMatchObject({ duration: 'P14D', businessDays: false });
    });

    it('answers 404 for an unknown kind and 401 without a token', async () => {
      const res = await getSla('kaltim.sekda', 'surat-edaran');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect((await t.http.get('/api/workflows/quick-win/sla')).status).toBe(401);
    });
  });

  describe('validation (400) and permission (403)', () => {
    const invalid: Array<[string, unknown, RegExp]> = [
      ['a month, which has no fixed length', { stages: { approval: policy({ duration: 'P1M' }) } }, /stages\.approval\.duration/],
      ['a duration that is not ISO 8601', { stages: { approval: policy({ remindBefore: '1 hari' }) } }, /stages\.approval\.remindBefore/],
      ['a negative duration', { stages: { verification: policy({ escalateAfter: '-P1D' }) } }, /stages\.verification\.escalateAfter/],
      ['a fraction', { stages: { approval: policy({ duration: 'PT0.5S' }) } }, /stages\.approval\.duration/],
      ['too many escalations', { stages: { approval: policy({ maxEscalations: 21 }) } }, /stages\.approval\.maxEscalations/],
      ['a zero duration, which would make every document overdue on entry', { stages: { approval: policy({ duration: 'P0D' }) } }, /stages\.approval\.duration: must be longer than zero/],
      ['a zero interval between several escalations', { stages: { approval: policy({ escalateEvery: 'PT0S' }) } }, /stages\.approval\.escalateEvery/],
      ['businessDays as a string', { stages: { approval: policy({ businessDays: 'true' }) } }, /stages\.approval\.businessDays/],
      ['a duration that is a number', { stages: { approval: policy({ duration: 5 }) } }, /stages\.approval\.duration/],
      ['a stage change without a field', { stages: { approval: {} } }, /stages\.approval must have at least 1 field/],
      ['an unknown field in a stage', { stages: { approval: policy({ reminderText: 'x' }) } }, /reminderText/],
      ['an unknown field at the top', { stages: { approval: policy() }, governmentCode: 'paser' }, /governmentCode/],
      ['an unknown stage', { stages: { draft: policy() } }, /stages\.draft.*no stage draft/],
      ['a stage of the other kind', { stages: { harmonization: policy() } }, /harmonization/],
      ['a stage that is not an object', { stages: { approval: 'P5D' } }, /stages\.approval/],
      ['no stages', { stages: {} }, /stages/],
      ['no body at all', {}, /stages/],
    ];

    it.each(invalid)('refuses %s', async (_what, body, message) => {
      const res = await putSla('kaltim.admin', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(message);
    });

    it('names every problem of every stage at once', async () => {
      const res = await putSla('kaltim.admin', { stages: { approval: policy({ duration: 'P1Y' }), verification: policy({ escalateEvery: 'X' }) } });
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual([expect.stringMatching(/^stages\.approval\.duration: /), expect.stringMatching(/^stages\.verification\.escalateEvery: /)]);
    });

    it('answers 404 for an unknown kind before looking at the body', async () => {
      expect((await putSla('kaltim.admin', { nonsense: true }, 'surat-edaran')).status).toBe(404);
    });

    it.each(['kaltim.sekda', 'kaltim.drafter', 'paser.kepala'])('refuses %s, who is not an ADMIN (403)', async (user) => {
      const res = await putSla(user, { stages: { approval: policy({ duration: 'P1D' }) } });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
      expect((await getSla(user)).body.stages.approval.isDefault).toBe(true);
    });

    it('changes nothing when a request is refused', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM sla_policies`);
      expect(n).toBe(0);
    });
  });

  describe('changing a stage', () => {
    let before: string; // a Quick Win already in approval when the SLA changes
    let beforeDeadline: Awaited<ReturnType<typeof pendingDeadline>>;

    beforeAll(async () => {
      before = (await createQuickWin(t, 'kaltim.drafter')).id;
      await driveTo(t, before, 'approval');
      beforeDeadline = await pendingDeadline(before);
    });

    it('a document already in the stage runs on the default: 5 working days', async () => {
      const calendar = await calendarOf('kaltim');
      const expected = computeDeadlineSchedule({ enteredAt: beforeDeadline.enteredAt, policy: DEFAULT_SLA['quick-win'].approval, calendar });
      expect(beforeDeadline.stage).toBe('approval');
      expect(beforeDeadline.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(beforeDeadline.explanation).toBe(expected.explanation);
    });

    it('an ADMIN sets approval to PT2S (calendar seconds, exact day or night) and verification to 7 working days', async () => {
      const res = await putSla('kaltim.admin', {
        stages: {
          approval: policy({ duration: 'PT2S', businessDays: false, remindBefore: 'PT1S', escalateAfter: 'PT1S', escalateEvery: 'PT2S', maxEscalations: 2 }),
          verification: policy({ duration: 'P7D' }),
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.stages.approval).toMatchObject({ duration: 'PT2S', remindBefore: 'PT1S', maxEscalations: 2, isDefault: false, updatedBy: 'kaltim.admin' });
      expect(new Date(res.body.stages.approval.updatedAt).getTime()).not.toBeNaN();
      expect(res.body.stages.verification).toMatchObject({ duration: 'P7D', isDefault: false });
      expect(res.body.stages.endorsement).toMatchObject({ duration: 'P3D', isDefault: true });
      expect((await getSla('kaltim.drafter')).body).toEqual(res.body);
    });

    it('leaves the deadline of the document already in the stage as it was', async () => {
      const now = await pendingDeadline(before);
      expect(now).toEqual(beforeDeadline);
      expect(now.policy).toEqual(DEFAULT_SLA['quick-win'].approval);
    });

    it('gives a document entering the stage afterwards the new SLA: due 2 seconds after entry', async () => {
      const after = (await createQuickWin(t, 'kaltim.drafter')).id;
      await driveTo(t, after, 'verification');
      const verification = await pendingDeadline(after);
      const calendar = await calendarOf('kaltim');
      const expected = computeDeadlineSchedule({ enteredAt: verification.enteredAt, policy: policy({ duration: 'P7D' }) as never, calendar });
      expect(verification.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(verification.explanation).toMatch(/^7 hari kerja, dihitung sejak \S+, \d+ \S+ \d{4} pukul \d{2}\.\d{2} WITA/);

      expect((await act(t, 'quick-wins', after, 'kaltim.organisasi', 'VERIFY')).status).toBe(200);
      const approval = await pendingDeadline(after);
      expect(approval.stage).toBe('approval');
      expect(approval.dueAt.getTime() - approval.enteredAt.getTime()).toBe(2000);
      expect(approval.remindAt!.getTime() - approval.enteredAt.getTime()).toBe(1000);
      expect(approval.escalationTimes.map((at) => at.getTime() - approval.enteredAt.getTime())).toEqual([3000, 5000]);
      expect(approval.policy).toMatchObject({ duration: 'PT2S', businessDays: false });
      expect(approval.explanation).toMatch(/^2 detik sejak \S+, \d+ \S+ \d{4} pukul \d{2}\.\d{2} WITA$/);

      const doc = await t.http.get(`/api/quick-wins/${after}`).set(await t.auth('kaltim.sekda'));
      expect(doc.body.deadline).toMatchObject({ stage: 'approval', dueAt: approval.dueAt.toISOString(), explanation: approval.explanation });
    });

    it("leaves another government's SLA alone", async () => {
      const paser = await getSla('paser.admin');
      expect(paser.body.governmentCode).toBe('paser');
      expect(paser.body.stages.approval).toMatchObject({ duration: 'P5D', isDefault: true });

      const id = (await createQuickWin(t, 'paser.drafter')).id;
      await driveTo(t, id, 'approval', 'paser');
      const deadline = await pendingDeadline(id);
      expect(deadline.policy).toEqual(DEFAULT_SLA['quick-win'].approval);
    });

    it('changes only the stages named, and null puts a stage back on the default', async () => {
      const res = await putSla('kaltim.admin', { stages: { verification: null } });
      expect(res.status).toBe(200);
      expect(res.body.stages.verification).toMatchObject({ duration: 'P5D', isDefault: true, updatedBy: null });
      expect(res.body.stages.approval).toMatchObject({ duration: 'PT2S', isDefault: false });
    });

    it('merges the fields sent with the stage\'s current values: its own setting, else the default', async () => {
      const own = await putSla('kaltim.admin', { stages: { approval: { maxEscalations: 1 } } });
      expect(own.status).toBe(200);
      // approval had its own setting (PT2S...): only maxEscalations changes
      expect(own.body.stages.approval).toMatchObject({ duration: 'PT2S', remindBefore: 'PT1S', escalateAfter: 'PT1S', escalateEvery: 'PT2S', maxEscalations: 1, isDefault: false });
      const fromDefault = await putSla('kaltim.admin', { stages: { endorsement: { duration: 'P4D' } } });
      expect(fromDefault.status).toBe(200);
      expect(fromDefault.body.stages.endorsement).toEqual({
        ...DEFAULT_SLA['quick-win'].endorsement,
        duration: 'P4D',
        isDefault: false,
        updatedAt: expect.any(String),
        updatedBy: 'kaltim.admin',
      });
      await putSla('kaltim.admin', { stages: { endorsement: null } });
    });

    it('keeps the updated stamps of a stage sent with the values it already holds, and moves those of a stage it changes', async () => {
      const before = (await putSla('kaltim.admin', { stages: { verification: { duration: 'P6D' }, endorsement: { duration: 'P4D' } } })).body.stages;
      const again = await putSla('kaltim.admin', { stages: { verification: { duration: 'P6D' }, endorsement: { duration: 'P3D' } } });
      expect(again.status).toBe(200);
      expect(again.body.stages.verification).toEqual(before.verification);
      expect(again.body.stages.endorsement).toMatchObject({ duration: 'P3D', isDefault: false });
      expect(Date.parse(again.body.stages.endorsement.updatedAt)).toBeGreaterThan(Date.parse(before.endorsement.updatedAt));
      await putSla('kaltim.admin', { stages: { verification: null, endorsement: null } });
    });

    it('checks a merged stage as a whole: a field sent that breaks it with the kept ones is 400', async () => {
      // approval keeps escalateEvery PT2S; two escalations with no interval do not hold, but here escalateEvery is sent as zero
      const res = await putSla('kaltim.admin', { stages: { approval: { escalateEvery: 'PT0S', maxEscalations: 2 } } });
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual([expect.stringMatching(/^stages\.approval\.escalateEvery: /)]);
    });

    it('keeps regulation stages apart from Quick Win stages of the same name', async () => {
      const res = await putSla('kaltim.admin', { stages: { endorsement: policy({ duration: 'P4D' }) } }, 'regulation');
      expect(res.status).toBe(200);
      expect(res.body.stages.endorsement).toMatchObject({ duration: 'P4D', isDefault: false });
      expect((await getSla('kaltim.admin')).body.stages.endorsement).toMatchObject({ duration: 'P3D', isDefault: true });
    });
  });
});
