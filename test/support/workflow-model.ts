import { expect } from '@jest/globals';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  AGENCIES_STAGE,
  allowedActions,
  canRead,
  DOCUMENT_PATHS,
  coordinationRoundOf,
  initialStateName,
  isFinalState,
  pendingUnits,
  readScopeMarksAfter,
  stageActorsFor,
  startWorkflow,
  type ActorFacts,
  type AppliedAction,
  type DelegationGrant,
  type PastAction,
  type DocumentFacts,
  type GovernmentLevel,
  type PersistedWorkflowSnapshot,
  type PolicyAllowed,
  type ReadableDocument,
  type ReadScopeMarks,
  type Role,
  type WorkflowDefinition,
} from '#workflow';
import type { TestApp } from './test-app.js';

/**
 * What the model-based tests (quick-win-property, regulation-property) know of a document: the pure
 * machine's snapshot and the policy's facts, advanced only by the actions the server accepted.
 */
export interface ModelDocument {
  id: string;
  /** A word of its title no other document has: the inbox is asked for it with `q`. */
  titleWord: string;
  facts: DocumentFacts;
  marks: ReadScopeMarks;
  snapshot: PersistedWorkflowSnapshot;
  version: number;
}

/** What the server must answer a request: its status and, for a refusal, its `code`. */
export interface ExpectedAnswer {
  status: number;
  code?: string;
}

/** Where one step of a walk acts: which document, whether the model picks the move, and whose inbox is asked besides. */
export interface WalkStep {
  doc: number;
  /** The model picks a (user, action) it allows, rather than the step's own. */
  guided: boolean;
  /** Guided steps prefer moving on (no RETURN, REJECT, WITHDRAW) when the model offers it. */
  forward: boolean;
  pick: number;
  user: string;
  /** Whose inbox is asked besides the actor's and the creator's. */
  observer: string;
}

export function walkStepArb(users: readonly string[], weights: { guided: number; forward: number }): fc.Arbitrary<WalkStep> {
  return fc.record({
    doc: fc.nat({ max: 1 }),
    guided: fc.oneof({ arbitrary: fc.constant(true), weight: weights.guided }, { arbitrary: fc.constant(false), weight: 2 }),
    forward: fc.oneof({ arbitrary: fc.constant(true), weight: weights.forward }, { arbitrary: fc.constant(false), weight: 1 }),
    pick: fc.nat({ max: 1000 }),
    user: fc.constantFrom(...users),
    observer: fc.constantFrom(...users),
  });
}

const BACKWARD: ReadonlySet<string> = new Set(['RETURN', 'REJECT', 'WITHDRAW']);

/** The (user, action) a guided step takes among those the model allows anyone now; null for an unguided step or when none is allowed. */
export function guidedMove(definition: WorkflowDefinition, doc: ModelDocument, actors: ReadonlyMap<string, ActorFacts>, step: WalkStep, now: Date): { user: string; action: string } | null {
  if (!step.guided) return null;
  const all = [...actors].flatMap(([user, actor]) => allowedActions(definition, doc.snapshot, doc.facts, actor, now).map((action) => ({ user, action })));
  const onward = all.filter((m) => !BACKWARD.has(m.action));
  const moves = step.forward && onward.length > 0 ? onward : all;
  return moves.length === 0 ? null : moves[step.pick % moves.length];
}

/** Users' facts as the policy reads them, with the delegations (Plt/Plh) they received that are not revoked; each signed in once. */
export async function loadActorFacts(t: TestApp, usernames: readonly string[]): Promise<Map<string, ActorFacts>> {
  const rows: Array<{ username: string; governmentCode: string; unitCode: string; roles: Role[] }> = await t.dataSource.query(
    `SELECT u.username, g.code AS "governmentCode", un.code AS "unitCode", u.roles
       FROM users u JOIN governments g ON g.id = u.government_id JOIN units un ON un.id = u.unit_id
      WHERE u.username = ANY($1)`,
    [usernames],
  );
  expect(rows).toHaveLength(usernames.length);
  const received: Array<{ delegate: string; grant: DelegationGrant }> = (
    await t.dataSource.query(
      `SELECT d.id, du.username AS delegate, d.role, p.username, g.code AS "governmentCode", un.code AS "unitCode",
              d.starts_at AS "startsAt", d.ends_at AS "endsAt", d.revoked_at AS "revokedAt"
         FROM delegations d JOIN users du ON du.id = d.delegate_id
         JOIN users p ON p.id = d.principal_id JOIN governments g ON g.id = p.government_id JOIN units un ON un.id = p.unit_id
        WHERE du.username = ANY($1) AND d.revoked_at IS NULL`,
      [usernames],
    )
  ).map((r: Record<string, any>) => ({
    delegate: r.delegate,
    grant: { id: r.id, role: r.role, principal: { username: r.username, governmentCode: r.governmentCode, unitCode: r.unitCode }, startsAt: r.startsAt, endsAt: r.endsAt, revokedAt: r.revokedAt },
  }));
  await Promise.all(usernames.map((user) => t.auth(user)));
  return new Map(rows.map((r) => [r.username, { ...r, delegations: received.filter((d) => d.delegate === r.username).map((d) => d.grant) }]));
}

/** The model of a document the server has just created for `creator`; its state must be the machine's first. */
export function modelOfCreated(
  definition: WorkflowDefinition,
  created: { id: string; state: string } & Record<string, unknown>,
  creator: ActorFacts,
  level: GovernmentLevel,
  parentGovernmentCode: string | null,
): ModelDocument {
  const started = startWorkflow(definition, { level });
  expect(created.state).toBe(started.state);
  return {
    id: created.id,
    titleWord: String(created.title).split(' ').at(-1)!,
    snapshot: started.persistedSnapshot,
    version: 1,
    marks: { submitted: false, facilitationRequested: false },
    facts: {
      kind: definition.kind,
      state: started.state,
      createdBy: creator.username,
      governmentCode: creator.governmentCode,
      governmentLevel: level,
      parentGovernmentCode,
      unitCode: creator.unitCode,
      history: [{ action: 'CREATE', fromState: null, actor: creator.username, onBehalfOf: null }],
    },
  };
}

/** The document as the pure read scope sees it. */
export function readableOf(definition: WorkflowDefinition, doc: ModelDocument): ReadableDocument {
  return { ...doc.facts, ...doc.marks, stageActors: stageActorsFor(definition, doc.facts.state) };
}

/** The model after an action the server accepted, fired by `actor` as the policy allowed it. */
export function advanceModel(definition: WorkflowDefinition, doc: ModelDocument, step: { actor: string; action: string }, decision: PolicyAllowed, result: AppliedAction): void {
  const entry = { action: step.action, fromState: doc.facts.state, actor: step.actor, onBehalfOf: decision.onBehalfOf };
  doc.snapshot = result.persistedSnapshot;
  // as the server's facts: the OPDs still waited for in a paraf koordinasi must act, so they read it
  const pendingParticipants = result.toState === AGENCIES_STAGE ? pendingUnits(coordinationRoundOf(result.persistedSnapshot.context)) : [];
  doc.facts = { ...doc.facts, state: result.toState, history: [...doc.facts.history, entry], pendingParticipants };
  doc.marks = readScopeMarksAfter(definition, doc.marks, result);
  doc.version += 1;
}

/** The stage whose deadline runs for the model's document: every stage but the first (the draft) and the final ones has one. */
export function expectedDeadlineStage(definition: WorkflowDefinition, doc: ModelDocument): string | null {
  return isFinalState(definition, doc.facts.state) || doc.facts.state === initialStateName(definition.machine) ? null : doc.facts.state;
}

let titles = 0;
/** A title for a new document of a model walk, ending in a word of its own. */
export function walkTitle(words: string): string {
  titles += 1;
  return `${words} jelajah${process.pid}x${titles}`;
}

/**
 * Each user's inbox (`GET /api/tasks`, asked for the document's own title word) holds the model's document
 * exactly while the model offers that user an action other than the creator's WITHDRAW, with the model's
 * allowedActions. The inbox finds its candidates through SQL twins of the policy: this is where they must agree.
 */
export async function expectInboxesAgree(t: TestApp, definition: WorkflowDefinition, doc: ModelDocument, users: Iterable<[string, ActorFacts]>, step: number): Promise<void> {
  for (const [user, actor] of users) {
    const allowed = allowedActions(definition, doc.snapshot, doc.facts, actor, new Date());
    const res = await t.http.get('/api/tasks').query({ q: doc.titleWord }).set(await t.auth(user));
    expect(res.status).toBe(200);
    const shown = (res.body.items as Array<{ id: string; allowedActions: string[] }>).find((i) => i.id === doc.id)?.allowedActions ?? null;
    expect({ step, user, inbox: shown }).toEqual({ step, user, inbox: allowed.some((a) => a !== 'WITHDRAW') ? allowed : null });
  }
}

/**
 * Each user's list of the kind (`GET /api/quick-wins` or `/api/regulations`, asked for the document's own title
 * word) holds the model's document, and counts it in `total`, exactly when the read scope lets them read it: the
 * list filters with the read scope's SQL twin (`readScopeFilter`).
 */
export async function expectListsAgree(t: TestApp, definition: WorkflowDefinition, doc: ModelDocument, users: Iterable<[string, ActorFacts]>, step: number): Promise<void> {
  const path = `/api/${DOCUMENT_PATHS[definition.kind]}`;
  for (const [user, actor] of users) {
    const res = await t.http.get(path).query({ q: doc.titleWord }).set(await t.auth(user));
    expect(res.status).toBe(200);
    const listed = (res.body.items as Array<{ id: string }>).some((i) => i.id === doc.id);
    const reads = canRead(readableOf(definition, doc), actor, new Date());
    expect({ step, user, listed, total: res.body.total }).toEqual({ step, user, listed: reads, total: reads ? 1 : 0 });
  }
}

/** A history as the model keeps it: who did what in which state, and for whom as Plt/Plh. */
export function pastActionsOf(entries: ReadonlyArray<{ action: string; fromState: string | null; actor: string; onBehalfOf: string | null }>): PastAction[] {
  return entries.map(({ action, fromState, actor, onBehalfOf }) => ({ action, fromState, actor, onBehalfOf }));
}

/** The stages a document has a pending deadline for, from the database. */
export async function pendingDeadlineStages(dataSource: DataSource, documentId: string): Promise<string[]> {
  const rows: Array<{ stage: string }> = await dataSource.query(`SELECT stage FROM deadlines WHERE document_id = $1 AND status = 'PENDING' ORDER BY stage`, [documentId]);
  return rows.map((r) => r.stage);
}
