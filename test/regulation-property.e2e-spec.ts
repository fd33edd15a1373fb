import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AGENCIES_STAGE,
  allowedActions,
  applyAction,
  authorizeAction,
  canRead,
  createDefaultRegistry,
  harmonizationReportRefusal,
  REGULATION_ACTIONS,
  toLocalDateTime,
  type ActorFacts,
  type GovernmentLevel,
  type PolicyAllowed,
  type WorkflowDefinition,
  type WorkflowEvent,
} from '#workflow';
import {
  act,
  advanceModel,
  createRegulation,
  createTestApp,
  delegate,
  expectedDeadlineStage,
  expectInboxesAgree,
  expectListsAgree,
  guidedMove,
  walkStepArb,
  walkTitle,
  loadActorFacts,
  modelOfCreated,
  pendingDeadlineStages,
  readableOf,
  pastActionsOf,
  type ExpectedAnswer,
  type ModelDocument,
  type TestApp,
  type WalkStep,
} from '#testing';
import { harmonizationData } from './support/regulation.js';

/**
 * Random sequences of actions on regulations of a province and of one of its regencies (whose drafts go
 * to the province's Biro Hukum for facilitation), by random demo users of both (some acting as Plt/Plh) and
 * the heads of the OPDs that LEGAL may name for paraf koordinasi, fired at the API. After every step the server must have done
 * what the pure machine and policy of #workflow say (the same status and code, state, version and
 * allowedActions), never a 5xx; the document has one pending deadline, for the stage it waits in (in the
 * OPDs' paraf, one per OPD yet to answer), and none in its draft or once final; each promulgation takes the
 * next number of its government and year; the audit chain stays valid.
 */

/** Walks per `npm test`; PROPERTY_RUNS=200 for a longer search (about ten times as long). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const GOVERNMENTS = { kaltim: 'PROVINCE', paser: 'REGENCY' } as const satisfies Record<string, GovernmentLevel>;
const PARENT: Record<string, string | null> = { kaltim: null, paser: 'kaltim' };
const TIME_ZONE = 'Asia/Makassar'; // both governments'
const ACCOUNTS = ['drafter', 'drafter2', 'kadis', 'organisasi', 'hukum', 'inspektur', 'asisten', 'sekda', 'plh', 'kepala', 'admin'];
/** Each government's organisation bureau (province) or division (regency). */
const ORGANISATION_UNIT: Record<string, string> = { kaltim: 'biro-organisasi', paser: 'bagian-organisasi' };
/** A unit LEGAL may not name, added to a request now and then: the drafting unit, another government's, one that does not exist. */
const WRONG_UNIT = { drafting: () => 'diskominfo', elsewhere: (g: string) => ORGANISATION_UNIT[g === 'kaltim' ? 'paser' : 'kaltim'], unknown: () => 'tidak-ada' };
/** The demo heads of the OPDs that may be named, who initial or return in `coordination.agencies`. */
const HEADS = ['kaltim.kepala-inspektorat', 'kaltim.kepala-biro-organisasi', 'kaltim.kepala-setda', 'paser.kepala-inspektorat', 'paser.kepala-bagian-organisasi', 'paser.kepala-setda'];
const USERS = [...Object.keys(GOVERNMENTS).flatMap((g) => ACCOUNTS.map((a) => `${g}.${a}`)), ...HEADS];
const BOGUS_ACTIONS = ['FLY', 'EVALUATE', 'REPORT_PROGRESS'];
const ACTIONS = [...REGULATION_ACTIONS, ...BOGUS_ACTIONS];
const COMMENT_REQUIRED = new Set(['RETURN', 'REJECT']);
/** Actions whose `data` has fields of its own; REQUEST_HARMONIZATION's (the OPDs concerned) may be left out. */
const DATA_ACTIONS = new Set(['REQUEST_HARMONIZATION', 'RECORD_HARMONIZATION', 'PUBLISH']);
const DATA_OPTIONAL = new Set(['REQUEST_HARMONIZATION']);

/** valid: what the action takes; future: a Berita Acara dated after today (refused once the action is allowed). */
type DataChoice = 'valid' | 'none' | 'empty' | 'bogus' | 'future';

type CoordinationRequestBody = { units: string[]; rule: { kind: 'ALL' | 'AT_LEAST'; n?: number } };
/** The OPDs named as roles in the document's government (`organisasi`: its organisation unit), and now and then a unit that may not be. */
type CoordinationChoice = { units: string[]; rule: CoordinationRequestBody['rule']; wrong: keyof typeof WRONG_UNIT | null };

interface Intent extends WalkStep {
  action: string;
  comment: string | undefined;
  data: DataChoice;
  /** What REQUEST_HARMONIZATION names, when it names OPDs. */
  coordination: CoordinationChoice | null;
}

const intentArb: fc.Arbitrary<Intent> = fc.record({
  step: walkStepArb(USERS, { guided: 5, forward: 5 }),
  action: fc.constantFrom(...ACTIONS),
  comment: fc.option(fc.oneof(fc.constantFrom('', '   ', 'Mohon diperbaiki', 'Dasar hukum belum lengkap'), fc.string({ maxLength: 30 })), { nil: undefined }),
  data: fc.constantFrom<DataChoice>('valid', 'valid', 'valid', 'none', 'empty', 'bogus', 'future'),
  coordination: fc.option(
    fc.record({
      units: fc.subarray(['inspektorat', 'organisasi', 'setda'], { minLength: 1 }),
      rule: fc.oneof(
        { arbitrary: fc.constant({ kind: 'ALL' as const }), weight: 3 },
        { arbitrary: fc.record({ kind: fc.constant('AT_LEAST' as const), n: fc.integer({ min: 1, max: 3 }) }), weight: 3 },
        { arbitrary: fc.constant({ kind: 'ALL' as const, n: 1 }), weight: 1 },
      ),
      wrong: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, fc.constantFrom<keyof typeof WRONG_UNIT>('drafting', 'elsewhere', 'unknown')),
    }),
    { nil: null, freq: 3 },
  ),
}).map(({ step, ...rest }) => ({ ...step, ...rest }));

function dataFor(action: string, choice: DataChoice, today: string, coordination: CoordinationChoice | null, governmentCode: string): Record<string, unknown> | undefined {
  if (action === 'REQUEST_HARMONIZATION' && choice === 'valid' && coordination !== null) {
    const units = coordination.units.map((u) => (u === 'organisasi' ? ORGANISATION_UNIT[governmentCode] : u));
    if (coordination.wrong !== null) units.push(WRONG_UNIT[coordination.wrong](governmentCode));
    return { coordination: { units, rule: coordination.rule } satisfies CoordinationRequestBody };
  }
  if (choice === 'none') return undefined;
  if (choice === 'empty') return {};
  if (choice === 'bogus') return { foo: 'bar' };
  if (action === 'RECORD_HARMONIZATION') return harmonizationData(choice === 'future' ? { reportDate: nextYear(today) } : {});
  if (action === 'PUBLISH') return { url: 'https://jdih.kaltimprov.go.id/produk-hukum/sistem-kerja' };
  return undefined;
}

function nextYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

describe('Regulation API against the pure machine model (fast-check)', () => {
  let t: TestApp;
  let definition: WorkflowDefinition;
  let actors: Map<string, ActorFacts>;
  const unitsOf: Record<string, Set<string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    definition = createDefaultRegistry().requireLatest('regulation');
    // Plt/Plh: the Sekda's usual delegate, a drafter acting for the Kepala OPD (never on a draft of their own), another Biro Hukum
    await delegate(t.dataSource, 'kaltim.sekda', 'kaltim.plh', 'SECRETARY');
    await delegate(t.dataSource, 'kaltim.kadis', 'kaltim.drafter2', 'UNIT_HEAD', 'PLT');
    await delegate(t.dataSource, 'paser.hukum', 'paser.organisasi', 'LEGAL');
    actors = await loadActorFacts(t, USERS);
    const units: Array<{ government: string; unit: string }> = await t.dataSource.query(
      `SELECT g.code AS government, u.code AS unit FROM units u JOIN governments g ON g.id = u.government_id`,
    );
    for (const { government, unit } of units) (unitsOf[government] ??= new Set()).add(unit);
  }, 60_000);
  afterAll(() => t.close());

  /** Whether the request's data is well formed for the action (api.md: 400 before anything else but visibility). */
  function wellFormedData(action: string, data: Record<string, unknown> | undefined): boolean {
    if (!DATA_ACTIONS.has(action)) return data === undefined || Object.keys(data).length === 0;
    if (data === undefined) return DATA_OPTIONAL.has(action);
    if ('foo' in data) return false;
    if (action === 'RECORD_HARMONIZATION') return typeof data.reportNumber === 'string' && typeof data.reportDate === 'string';
    return true; // REQUEST_HARMONIZATION's coordination and PUBLISH's url may be left out
  }

  /** Whether the OPDs named can make a round (README "Paraf koordinasi"): units of the document's government but the drafting one, a rule that can be met. */
  function coordinationRefused(doc: ModelDocument, coordination: CoordinationRequestBody | undefined): boolean {
    if (coordination === undefined) return false;
    const { units, rule } = coordination;
    if (units.includes(doc.facts.unitCode) || units.some((u) => !unitsOf[doc.facts.governmentCode].has(u))) return true;
    return rule.kind === 'ALL' ? rule.n !== undefined : rule.n! > units.length;
  }

  /** What the server must answer, asked in api.md's order, with the pure policy and machine. */
  function expectedOf(doc: ModelDocument, actor: ActorFacts, action: string, comment: string | undefined, data: Record<string, unknown> | undefined, now: Date): ExpectedAnswer {
    if (!canRead(readableOf(definition, doc), actor, now)) return { status: 404, code: 'NOT_FOUND' };
    if (!(definition.actions as readonly string[]).includes(action)) return { status: 400, code: 'VALIDATION_FAILED' };
    if (!wellFormedData(action, data)) return { status: 400, code: 'VALIDATION_FAILED' };
    if (COMMENT_REQUIRED.has(action) && !comment?.trim()) return { status: 400, code: 'VALIDATION_FAILED' };
    if (action === 'REQUEST_HARMONIZATION' && coordinationRefused(doc, data?.coordination as CoordinationRequestBody | undefined)) {
      return { status: 400, code: 'VALIDATION_FAILED' };
    }
    const decision = authorizeAction(definition, doc.snapshot, doc.facts, actor, action, now);
    if (!decision.allowed) return { status: decision.code === 'INVALID_TRANSITION' ? 409 : 403, code: decision.code };
    if (action === 'RECORD_HARMONIZATION' && harmonizationReportRefusal(String(data?.reportDate), toLocalDateTime(now, TIME_ZONE).date) !== null) {
      return { status: 400, code: 'VALIDATION_FAILED' };
    }
    const result = applyAction(definition, doc.snapshot, eventOf(action, data, decision, now));
    if (!result.ok) return { status: 409, code: 'INVALID_TRANSITION' };
    return { status: 200 };
  }

  /** The machine event the server makes of an allowed request (fire-action.use-case: the OPD answered for, the OPDs named). */
  function eventOf(action: string, data: Record<string, unknown> | undefined, decision: PolicyAllowed, now: Date): WorkflowEvent {
    const participant = decision.participant ?? undefined;
    const answer = participant === undefined ? undefined : { actor: 'model', onBehalfOf: decision.onBehalfOf, at: now.toISOString(), comment: null };
    const coordination = data?.coordination as CoordinationRequestBody | undefined;
    const request = coordination && { units: coordination.units, rule: coordination.rule.kind === 'ALL' ? { kind: 'ALL' } : coordination.rule };
    return { type: action, data: request ? { coordination: request } : data, participant, answer } as WorkflowEvent;
  }

  /** The stages of the deadlines pending for the model's document: in the OPDs' paraf, one per OPD yet to answer. */
  function expectedPending(doc: ModelDocument): string[] {
    const stage = expectedDeadlineStage(definition, doc);
    if (stage !== AGENCIES_STAGE) return stage === null ? [] : [stage];
    return (doc.facts.pendingParticipants ?? []).map(() => stage);
  }

  it('the server moves exactly when the model says it may, keeps one deadline for the stage waited in, numbers promulgations without gaps, and never answers 5xx', async () => {
    let steps = 0;
    let successes = 0;
    const reached = new Set<string>();
    const lastNumber = new Map<string, number>(); // per government and year
    let rounds = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(intentArb, { minLength: 1, maxLength: 40, size: 'max' }), fc.constantFrom('kaltim.drafter', 'kaltim.drafter2'), async (intents, kaltimCreator) => {
        const docs: ModelDocument[] = [];
        for (const creator of [kaltimCreator, 'paser.drafter']) {
          const actor = actors.get(creator)!;
          const created = await createRegulation(t, creator, { title: walkTitle('Sistem Kerja') });
          docs.push(modelOfCreated(definition, created, actor, GOVERNMENTS[actor.governmentCode as keyof typeof GOVERNMENTS], PARENT[actor.governmentCode]));
        }

        for (const [index, intent] of intents.entries()) {
          const doc = docs[intent.doc];
          const now = new Date();
          const today = toLocalDateTime(now, TIME_ZONE).date;
          let { user, action, comment } = intent;
          let data = dataFor(action, intent.data, today, intent.coordination, doc.facts.governmentCode);
          const move = guidedMove(definition, doc, actors, intent, now);
          if (move !== null) {
            ({ user, action } = move);
            comment = COMMENT_REQUIRED.has(action) ? 'Mohon diperbaiki' : undefined;
            data = dataFor(action, 'valid', today, intent.coordination, doc.facts.governmentCode);
          }
          const actor = actors.get(user)!;
          const expected = expectedOf(doc, actor, action, comment, data, now);

          const res = await act(t, 'regulations', doc.id, user, action, { comment, data });
          steps++;
          const step = { index, user, action, state: doc.facts.state, comment, data };
          expect(res.status).toBeLessThan(500);
          expect({ ...step, status: res.status, code: res.body.code }).toEqual({ ...step, ...expected, code: expected.code });

          if (expected.status === 200) {
            const decision = authorizeAction(definition, doc.snapshot, doc.facts, actor, action, now);
            if (!decision.allowed) throw new Error('model disagrees with itself');
            const result = applyAction(definition, doc.snapshot, eventOf(action, data, decision, now));
            if (!result.ok) throw new Error('model disagrees with itself');
            if (result.toState === AGENCIES_STAGE && doc.facts.state !== AGENCIES_STAGE) rounds++;
            advanceModel(definition, doc, { actor: user, action }, decision, result);
            successes++;
            reached.add(result.toState);
            expect(res.body).toMatchObject({ state: result.toState, version: doc.version });
            if (action === 'PROMULGATE') {
              const key = `${doc.facts.governmentCode}/${res.body.year}`;
              const previous = lastNumber.get(key);
              expect(Number.isInteger(res.body.number)).toBe(true);
              if (previous !== undefined) expect({ key, number: res.body.number }).toEqual({ key, number: previous + 1 });
              lastNumber.set(key, res.body.number);
            }
          }

          // the stored document, read by its drafter, is the model's, with the model's deadline
          const reader = doc.facts.createdBy;
          const stored = await t.http.get(`/api/regulations/${doc.id}`).set(await t.auth(reader));
          expect(stored.status).toBe(200);
          const stage = expectedDeadlineStage(definition, doc);
          const pending = expectedPending(doc);
          expect({
            index,
            state: stored.body.state,
            version: stored.body.version,
            shown: stored.body.deadline?.stage ?? null,
            pending: await pendingDeadlineStages(t.dataSource, doc.id),
          }).toEqual({ index, state: doc.facts.state, version: doc.version, shown: stage, pending });
          if (canRead(readableOf(definition, doc), actor, now)) {
            const mine = await t.http.get(`/api/regulations/${doc.id}`).set(await t.auth(user));
            expect({ user, allowed: mine.body.allowedActions }).toEqual({ user, allowed: allowedActions(definition, doc.snapshot, doc.facts, actor, new Date()) });
          }
          const asked = new Set([user, doc.facts.createdBy, intent.observer]);
          const askedFacts = [...asked].map((u): [string, ActorFacts] => [u, actors.get(u)!]);
          await expectInboxesAgree(t, definition, doc, askedFacts, index);
          await expectListsAgree(t, definition, doc, askedFacts, index);
          const history = await t.http.get(`/api/regulations/${doc.id}/history`).set(await t.auth(reader));
          expect({ chainValid: history.body.chainValid, entries: pastActionsOf(history.body.entries) }).toEqual({ chainValid: true, entries: doc.facts.history });
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // the walk went far: facilitation by the province, paraf, signature and numbering were reached
    expect(steps).toBeGreaterThan(40);
    expect(successes).toBeGreaterThan(30);
    expect([...reached]).toEqual(expect.arrayContaining(['facilitation', AGENCIES_STAGE, 'coordination.secretary', 'promulgated']));
    expect(rounds).toBeGreaterThan(1);
    expect(lastNumber.size).toBeGreaterThan(0);
  }, 240_000 * Math.max(1, RUNS / 20));
});
