import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  allowedActions,
  applyAction,
  authorizeAction,
  progressReportRefusal,
  canRead,
  createDefaultRegistry,
  QUICK_WIN_ACTIONS,
  type ActorFacts,
  type GovernmentLevel,
  type WorkflowDefinition,
} from '#workflow';
import { act, advanceModel, createQuickWin, createTestApp, delegate, expectedDeadlineStage, expectInboxesAgree, expectListsAgree, guidedMove, pastActionsOf, loadActorFacts, walkTitle, modelOfCreated, pendingDeadlineStages, readableOf, walkStepArb, type ExpectedAnswer, type ModelDocument, type TestApp, type WalkStep } from '#testing';

/**
 * Random sequences of actions by random demo users of two governments (some acting as Plt/Plh), fired at the API; after every
 * step the server must have done exactly what the pure machine and policy of #workflow say (the same
 * status and code, the same state and version, the same allowedActions), never a 5xx, and the audit
 * chain stays valid.
 */

/** Walks per `npm test`; PROPERTY_RUNS=200 for a longer search (about ten times as long). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const GOVERNMENTS = { kaltim: 'PROVINCE', paser: 'REGENCY' } as const satisfies Record<string, GovernmentLevel>;
const ACCOUNTS = ['drafter', 'drafter2', 'kadis', 'organisasi', 'hukum', 'inspektur', 'asisten', 'sekda', 'plh', 'kepala', 'admin'];
const USERS = Object.keys(GOVERNMENTS).flatMap((g) => ACCOUNTS.map((a) => `${g}.${a}`));
const BOGUS_ACTIONS = ['FLY', 'PARAF', 'APPROVE_ALL'];
const ACTIONS = [...QUICK_WIN_ACTIONS, ...BOGUS_ACTIONS];
const COMMENT_REQUIRED = new Set(['RETURN', 'REJECT']);
const DATA_ACTIONS = new Set(['REPORT_PROGRESS', 'EVALUATE']);

type DataChoice = 'valid' | 'none' | 'bogus' | 'empty';

interface Intent extends WalkStep {
  action: string;
  comment: string | undefined;
  data: DataChoice;
  percent: number;
  month: number;
}

interface QuickWinModel extends ModelDocument {
  /** Periods reported so far (one progress report per month). */
  periods: string[];
}

const intentArb: fc.Arbitrary<Intent> = fc.record({
  step: walkStepArb(USERS, { guided: 3, forward: 4 }),
  action: fc.constantFrom(...ACTIONS),
  comment: fc.option(fc.oneof(fc.constantFrom('', '   ', 'Mohon diperbaiki', 'Anggaran belum sesuai'), fc.string({ maxLength: 30 })), {
    nil: undefined,
  }),
  data: fc.constantFrom<DataChoice>('valid', 'valid', 'none', 'bogus', 'empty'),
  percent: fc.integer({ min: 0, max: 100 }),
  month: fc.integer({ min: 1, max: 12 }),
}).map(({ step, ...rest }) => ({ ...step, ...rest }));

describe('Quick Win API against the pure machine model (fast-check)', () => {
  let t: TestApp;
  let definition: WorkflowDefinition;
  let actors: Map<string, ActorFacts>;

  beforeAll(async () => {
    t = await createTestApp();
    definition = createDefaultRegistry().requireLatest('quick-win');
    // Plt/Plh: the Sekda's usual delegate, a drafter acting for the Kepala OPD (never on a draft of their own), an inspector verifying
    await delegate(t.dataSource, 'kaltim.sekda', 'kaltim.plh', 'SECRETARY');
    await delegate(t.dataSource, 'kaltim.kadis', 'kaltim.drafter2', 'UNIT_HEAD', 'PLT');
    await delegate(t.dataSource, 'paser.organisasi', 'paser.inspektur', 'ORG_VERIFIER');
    actors = await loadActorFacts(t, USERS);
  }, 60_000);
  afterAll(() => t.close());

  function dataFor(action: string, choice: DataChoice, intent: Intent): Record<string, unknown> | undefined {
    if (choice === 'none') return undefined;
    if (choice === 'empty') return {};
    if (choice === 'bogus') return { foo: 'bar' };
    if (action === 'REPORT_PROGRESS') {
      return { period: `2026-${String(intent.month).padStart(2, '0')}`, percent: intent.percent, realization: 'Sudah berjalan', evidence: [] };
    }
    if (action === 'EVALUATE') return { score: intent.percent, notes: 'Dievaluasi' };
    return undefined;
  }

  /** What the server must answer, asked in api.md's order, with the pure policy and machine. */
  function expectedOf(doc: QuickWinModel, actor: ActorFacts, action: string, comment: string | undefined, data: Record<string, unknown> | undefined, now: Date): ExpectedAnswer {
    if (!canRead(readableOf(definition, doc), actor, now)) return { status: 404, code: 'NOT_FOUND' };
    if (!(definition.actions as readonly string[]).includes(action)) return { status: 400, code: 'VALIDATION_FAILED' };
    if (COMMENT_REQUIRED.has(action) && !comment?.trim()) return { status: 400, code: 'VALIDATION_FAILED' };
    if (DATA_ACTIONS.has(action) ? data === undefined || 'foo' in data || Object.keys(data).length === 0 : data !== undefined && Object.keys(data).length > 0) {
      return { status: 400, code: 'VALIDATION_FAILED' };
    }
    const decision = authorizeAction(definition, doc.snapshot, doc.facts, actor, action, now);
    if (!decision.allowed) return { status: decision.code === 'INVALID_TRANSITION' ? 409 : 403, code: decision.code };
    if (action === 'REPORT_PROGRESS') {
      const refusal = progressReportRefusal({ period: String(data?.period), startDate: '2026-01-05', endDate: '2026-12-31', reportedPeriods: doc.periods });
      if (refusal) return { status: refusal.code === 'PERIOD_ALREADY_REPORTED' ? 409 : 400, code: refusal.code };
    }
    const result = applyAction(definition, doc.snapshot, { type: action });
    if (!result.ok) return { status: 409, code: 'INVALID_TRANSITION' };
    return { status: 200 };
  }

  it('the server moves exactly when the model says it may, and never answers 5xx', async () => {
    let steps = 0;
    let successes = 0;
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(intentArb, { minLength: 1, maxLength: 25, size: 'max' }),
        fc.constantFrom('kaltim.drafter', 'kaltim.drafter2'),
        async (intents, kaltimCreator) => {
          const docs: QuickWinModel[] = [];
          for (const creator of [kaltimCreator, 'paser.drafter']) {
            const created = await createQuickWin(t, creator, { title: walkTitle('Layanan Perizinan Daring') });
            const actor = actors.get(creator)!;
            const level: GovernmentLevel = GOVERNMENTS[actor.governmentCode as keyof typeof GOVERNMENTS];
            docs.push({ ...modelOfCreated(definition, created, actor, level, level === 'PROVINCE' ? null : 'kaltim'), periods: [] });
          }

          for (const [index, intent] of intents.entries()) {
            const doc = docs[intent.doc];
            const now = new Date();
            let { user, action, comment } = intent;
            let data = dataFor(action, intent.data, intent);
            const move = guidedMove(definition, doc, actors, intent, now);
            if (move !== null) {
              ({ user, action } = move);
              comment = COMMENT_REQUIRED.has(action) ? 'Mohon diperbaiki' : undefined;
              data = dataFor(action, 'valid', intent);
            }
            const actor = actors.get(user)!;
            const expected = expectedOf(doc, actor, action, comment, data, now);

            const res = await act(t, 'quick-wins', doc.id, user, action, { comment, data });
            steps++;
            const step = { index, user, action, state: doc.facts.state, comment, data };
            expect(res.status).toBeLessThan(500);
            expect({ ...step, status: res.status, code: res.body.code }).toEqual({ ...step, ...expected, code: expected.code });

            if (expected.status === 200) {
              const result = applyAction(definition, doc.snapshot, { type: action });
              const decision = authorizeAction(definition, doc.snapshot, doc.facts, actor, action, now);
              if (!result.ok || !decision.allowed) throw new Error('model disagrees with itself');
              advanceModel(definition, doc, { actor: user, action }, decision, result);
              if (action === 'REPORT_PROGRESS') doc.periods.push(String(data?.period));
              successes++;
              reached.add(result.toState);
              expect(res.body).toMatchObject({ state: result.toState, version: doc.version });
            }

            // the stored document, read by someone of its unit, is the model's
            const reader = doc.facts.createdBy;
            const stored = await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth(reader));
            expect(stored.status).toBe(200);
            expect({ state: stored.body.state, version: stored.body.version }).toEqual({ state: doc.facts.state, version: doc.version });
            // one pending deadline, for the stage it waits in; none in the draft or a final state
            const stage = expectedDeadlineStage(definition, doc);
            expect({ index, state: doc.facts.state, pending: await pendingDeadlineStages(t.dataSource, doc.id), shown: stored.body.deadline?.stage ?? null }).toEqual({
              index,
              state: doc.facts.state,
              pending: stage === null ? [] : [stage],
              shown: stage,
            });
            if (canRead(readableOf(definition, doc), actor, now)) {
              const mine = await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth(user));
              expect({ user, allowed: mine.body.allowedActions }).toEqual({
                user,
                allowed: allowedActions(definition, doc.snapshot, doc.facts, actor, new Date()),
              });
            }
            const asked = new Set([user, doc.facts.createdBy, intent.observer]);
            const askedFacts = [...asked].map((u): [string, ActorFacts] => [u, actors.get(u)!]);
            await expectInboxesAgree(t, definition, doc, askedFacts, index);
            await expectListsAgree(t, definition, doc, askedFacts, index);
            const history = await t.http.get(`/api/quick-wins/${doc.id}/history`).set(await t.auth(reader));
            expect({ chainValid: history.body.chainValid, entries: pastActionsOf(history.body.entries) }).toEqual({ chainValid: true, entries: doc.facts.history });
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    // the walk went somewhere: far beyond the draft (guided steps make deep states likely)
    expect(steps).toBeGreaterThan(20);
    expect(successes).toBeGreaterThan(10);
    expect(reached.size).toBeGreaterThanOrEqual(4);
  }, 120_000 * Math.max(1, RUNS / 20));
});
