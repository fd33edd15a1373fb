import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AGENCIES_STAGE,
  ALL_ROLES,
  atomicStateNames,
  heldRoles,
  canRead,
  createDefaultRegistry,
  isFinalState,
  isTaskCandidate,
  offeredToAnyOf,
  taskScopesOf,
  UNDATED_STATES,
  type WaitingPlace,
  readScopeFilter,
  readScopeCountFilter,
  listReadScopes,
  awaitedCountKey,
  documentCountKey,
  stageActorsFor,
  type ActorFacts,
  type DelegationGrant,
  type GovernmentLevel,
  type ReadableDocument,
  Role,
  type UserPlacement,
  type WorkflowDefinition,
} from '#workflow';
import { DocumentRepository, listPageQuery } from '#persistence';
import { createTestApp, type TestApp } from '#testing';

/**
 * The read scope's pure rule (`canRead`) and its SQL twin (`readScopeFilter`) agree: generated
 * documents are written to PostgreSQL, generated users (roles, units, delegations active or not)
 * ask, and the SQL finds the document exactly when the pure rule lets the user read it.
 */
interface Government {
  id: string;
  code: string;
  level: GovernmentLevel;
  parentCode: string | null;
  units: Array<{ id: string; code: string }>;
  userId: string;
}

const NOW = new Date('2026-06-01T03:00:00.000Z');
const GOVERNMENTS = ['kaltim', 'paser', 'berau'];
const USERNAMES = ['a.satu', 'a.dua', 'a.tiga', 'a.empat', 'a.lima'];

describe('read scope: the pure rule and its SQL twin agree (fast-check)', () => {
  let t: TestApp;
  const governments = new Map<string, Government>();
  const registry = createDefaultRegistry();
  const definitions = registry.list();

  beforeAll(async () => {
    t = await createTestApp();
    const rows: Array<{ id: string; code: string; level: GovernmentLevel; parentCode: string | null; units: Array<{ id: string; code: string }>; userId: string }> =
      await t.dataSource.query(
        `SELECT g.id, g.code, g.level, p.code AS "parentCode",
                (SELECT json_agg(json_build_object('id', u.id, 'code', u.code) ORDER BY u.code) FROM units u WHERE u.government_id = g.id) AS units,
                (SELECT min(us.id::text) FROM users us WHERE us.government_id = g.id)::uuid AS "userId"
           FROM governments g LEFT JOIN governments p ON p.id = g.parent_id WHERE g.code = ANY($1)`,
        [GOVERNMENTS],
      );
    for (const row of rows) governments.set(row.code, row);
    expect(governments.size).toBe(GOVERNMENTS.length);
  });
  afterAll(() => t.close());

  const placementArb: fc.Arbitrary<UserPlacement> = fc
    .record({ gov: fc.constantFrom(...GOVERNMENTS), unit: fc.nat({ max: 20 }), username: fc.constantFrom(...USERNAMES) })
    .map(({ gov, unit, username }) => {
      const units = governments.get(gov)!.units;
      return { username, governmentCode: gov, unitCode: units[unit % units.length].code };
    });

  const grantArb: fc.Arbitrary<DelegationGrant> = fc
    .record({ role: fc.constantFrom(...ALL_ROLES), principal: placementArb, window: fc.constantFrom('active', 'revoked', 'ended', 'future') })
    .map(({ role, principal, window }, ) => ({
      id: `${role}-${principal.username}-${window}`,
      role,
      principal,
      startsAt: new Date(NOW.getTime() + (window === 'future' ? 60_000 : -60_000)),
      endsAt: new Date(NOW.getTime() + (window === 'ended' ? -1 : 60_000)),
      revokedAt: window === 'revoked' ? NOW : null,
    }));

  const actorArb: fc.Arbitrary<ActorFacts> = fc
    .record({ placement: placementArb, roles: fc.subarray([...ALL_ROLES], { maxLength: 2 }), delegations: fc.array(grantArb, { maxLength: 2 }) })
    .map(({ placement, roles, delegations }) => ({ ...placement, roles: roles as Role[], delegations }));

  const documentArb = fc
    .record({
      definition: fc.constantFrom(...definitions),
      state: fc.nat({ max: 50 }),
      placement: placementArb,
      submitted: fc.boolean(),
      facilitationRequested: fc.boolean(),
      acted: fc.array(fc.record({ actor: fc.constantFrom(...USERNAMES), onBehalfOf: fc.option(fc.constantFrom(...USERNAMES), { nil: null }) }), { maxLength: 3 }),
      // paraf koordinasi: often in the OPDs' stage where a version has it, with the units (indexes) still awaited
      agencies: fc.boolean(),
      awaited: fc.subarray([0, 1, 2, 3, 4, 5]),
    })
    .map((d) => {
      const states = atomicStateNames(d.definition.machine);
      const state = d.agencies && states.includes(AGENCIES_STAGE) ? AGENCIES_STAGE : states[d.state % states.length];
      // a draft in the OPDs' paraf was submitted to get there; only a regulation goes to the province's facilitation
      // (`readScopeMarksAfter`), and a history entry's mark says so: `involved` leaves such entries to the LEGAL's key
      return { ...d, state, submitted: d.submitted || state === AGENCIES_STAGE, facilitationRequested: d.facilitationRequested && d.definition.kind === 'regulation' };
    });

  it('on generated users and documents', async () => {
    let readable = 0;
    let readAsAwaitedOpd = 0;
    await fc.assert(
      fc.asyncProperty(documentArb, actorArb, fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)), async (doc, someone, headOfAwaited) => {
        const government = governments.get(doc.placement.governmentCode)!;
        const unit = government.units.find((u) => u.code === doc.placement.unitCode)!;
        const definition: WorkflowDefinition = doc.definition;
        const id = await insertDocument(t, { definition, state: doc.state, governmentId: government.id, unitId: unit.id, userId: government.userId, submitted: doc.submitted, facilitationRequested: doc.facilitationRequested, acted: doc.acted });
        // the OPDs still awaited hold a pending participant deadline each, in their own unit (as the API writes them)
        const awaited = doc.state === AGENCIES_STAGE ? [...new Set(doc.awaited.map((i) => government.units[i % government.units.length]))] : [];
        for (const opd of awaited) {
          await t.dataSource.query(
            `INSERT INTO deadlines (document_id, government_id, unit_id, participant_unit_id, stage, entered_at, due_at, policy, explanation, status)
             VALUES ($1, $2, $3, $3, $4, now(), now() + interval '1 day', '{}', 'x', 'PENDING')`,
            [id, government.id, opd.id, AGENCIES_STAGE],
          );
        }
        // mostly the user heads one of them (or another unit of that government, when none is awaited)
        const actor: ActorFacts =
          headOfAwaited && doc.state === AGENCIES_STAGE
            ? { ...someone, governmentCode: government.code, unitCode: (awaited[0] ?? government.units[0]).code, roles: [Role.UNIT_HEAD] }
            : someone;
        const pure: ReadableDocument = {
          kind: definition.kind,
          state: doc.state,
          createdBy: 'a.satu',
          governmentCode: government.code,
          governmentLevel: government.level,
          parentGovernmentCode: government.parentCode,
          unitCode: unit.code,
          submitted: doc.submitted,
          facilitationRequested: doc.facilitationRequested,
          history: doc.acted.map((a) => ({ action: 'X', fromState: doc.state, actor: a.actor, onBehalfOf: a.onBehalfOf })),
          stageActors: stageActorsFor(definition, doc.state),
          pendingParticipants: awaited.map((u) => u.code),
        };
        const filter = readScopeFilter(actor, NOW, definitions, 2);
        const found: unknown[] = await t.dataSource.query(`SELECT 1 FROM documents d WHERE d.id = $1 AND ${filter.sql}`, [id, ...filter.params]);
        const expected = canRead(pure, actor, NOW);
        if (expected) readable++;
        if (expected && !canRead({ ...pure, pendingParticipants: [] }, actor, NOW)) readAsAwaitedOpd++;
        expect({ doc: pure, actor, sql: found.length === 1 }).toEqual({ doc: pure, actor, sql: expected });
        // the same rule as the list total counts it: by count key, what the actor acted on, or the row filter where versions disagree
        const counting = readScopeCountFilter(actor, NOW, definitions, 2);
        const fallback = readScopeFilter(actor, NOW, definitions, 2 + counting.params.length);
        const undecided = counting.undecidedStates.some((s) => s.kind === definition.kind && s.state === doc.state);
        // and as the total reads it (`countSql`): what the actor acted on by its documents, the drafts awaiting its paraf off their
        // deadlines, whose count key (what each deadline keeps of its document) must say what the document's says
        const [{ key, acted, row, actedOn, waiting, waitingKey: awaitedKey }]: Array<{ key: boolean; acted: boolean; row: boolean; actedOn: boolean; waiting: boolean; waitingKey: boolean | null }> =
          await t.dataSource.query(
            `SELECT ${counting.keyReads(documentCountKey('d'))} AS key, ${counting.involved('d')} AS acted, ${fallback.sql} AS row,
                    d.submitted_at IS NOT NULL AND d.id IN (${counting.actedIds()}) AS "actedOn",
                    ${counting.awaited === null ? 'false' : `EXISTS (SELECT 1 FROM (${counting.awaited}) w WHERE w.document_id = d.id AND w.submitted)`} AS waiting,
                    ${counting.awaited === null ? 'NULL' : `(SELECT bool_and(${counting.keyReads(awaitedCountKey('w'))}) FROM (${counting.awaited}) w WHERE w.document_id = d.id)`} AS "waitingKey"
               FROM documents d WHERE d.id = $1`,
            [id, ...counting.params, ...fallback.params],
          );
        expect({ doc: pure, actor, counted: key || acted || (undecided && row) }).toEqual({ doc: pure, actor, counted: expected });
        expect({ doc: pure, actor, counted: key || actedOn || waiting || (undecided && row) }).toEqual({ doc: pure, actor, counted: expected });
        if (awaitedKey !== null) expect({ doc: pure, actor, key: awaitedKey }).toEqual({ doc: pure, actor, key });
        // and as a list page reads it (`listPageQuery`, the newest first: the document just written heads its government's)
        const page = listPageQuery({ kind: definition.kind, governmentIds: [government.id], offset: 0, limit: 1, ...listReadScopes(actor, NOW, definitions) });
        const listed: Array<{ id: string }> = await t.dataSource.query(page.sql, page.params);
        expect({ doc: pure, actor, listed: listed.some((r) => r.id === id) }).toEqual({ doc: pure, actor, listed: expected });
      }),
      { numRuns: 300 },
    );
    // the generators reach both answers, and documents read only because paraf koordinasi awaits the reader's OPD
    expect(readable).toBeGreaterThan(10);
    expect(readable).toBeLessThan(290);
    expect(readAsAwaitedOpd).toBeGreaterThan(0);
  }, 120_000);

  /**
   * The inbox's pure rule (`taskScopesOf` + `isTaskCandidate`) and its SQL twin
   * (`DocumentRepository.inboxCandidates`) agree: a generated document, waiting in its state or at
   * pending deadlines in its own or another unit, is found for a generated user exactly when the pure
   * rule makes it a candidate of that user's inbox, at a place whose deadline offers one of the user's roles an
   * action or does not say (`offeredToAnyOf` and `offered_roles`).
   */
  it('task candidates: the pure rule and the inbox query agree on generated users and documents', async () => {
    const repository = new DocumentRepository({ content: [], facts: [] });
    // mostly where a deadline is in practice (the document's state, its own unit), sometimes elsewhere
    const deadlineArb = fc.record({
      unit: fc.option(fc.nat({ max: 20 }), { freq: 3 }),
      stage: fc.option(fc.nat({ max: 50 }), { freq: 3 }),
      pending: fc.boolean(),
      offered: fc.option(fc.subarray([...ALL_ROLES]), { freq: 2 }),
    });
    let candidates = 0;
    await fc.assert(
      fc.asyncProperty(documentArb, fc.array(deadlineArb, { maxLength: 3 }), actorArb, fc.boolean(), async (doc, generated, someone, aligned) => {
        const government = governments.get(doc.placement.governmentCode)!;
        const unit = government.units.find((u) => u.code === doc.placement.unitCode)!;
        const definition: WorkflowDefinition = doc.definition;
        const states = atomicStateNames(definition.machine);
        const final = isFinalState(definition, doc.state);
        // half the users stand where the document waits, holding a role its state asks for
        const asked = stageActorsFor(definition, doc.state)[0]?.role;
        const actor: ActorFacts = aligned
          ? { ...someone, governmentCode: government.code, unitCode: unit.code, roles: asked ? [asked] : someone.roles }
          : someone;
        // at most one pending deadline per document (uq_deadlines_one_pending); the others are closed
        let pendingSeen = false;
        const deadlines = generated.map((d) => {
          const pending = d.pending && !pendingSeen;
          pendingSeen ||= pending;
          return { unit: d.unit === null ? unit : government.units[d.unit % government.units.length], stage: d.stage === null ? doc.state : states[d.stage % states.length], pending, offered: d.offered };
        });
        const id = await insertDocument(t, { definition, state: doc.state, governmentId: government.id, unitId: unit.id, userId: government.userId, submitted: doc.submitted, facilitationRequested: doc.facilitationRequested, acted: [], final });
        for (const d of deadlines) {
          await t.dataSource.query(
            `INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, policy, explanation, status, offered_roles)
             VALUES ($1, $2, $3, $4, now(), now() + interval '1 day', '{}', 'x', $5, $6)`,
            [id, government.id, d.unit.id, d.stage, d.pending ? 'PENDING' : 'DONE', d.offered],
          );
        }
        const roles = heldRoles(actor, NOW);
        const place = (unitCode: string, stage: string, offered: Role[] | null): WaitingPlace & { offered: Role[] | null } => ({ governmentCode: government.code, parentGovernmentCode: government.parentCode, unitCode, stage, offered });
        const places = [
          ...(UNDATED_STATES.has(doc.state) ? [place(unit.code, doc.state, null)] : []),
          ...deadlines.filter((d) => d.pending && !UNDATED_STATES.has(d.stage)).map((d) => place(d.unit.code, d.stage, d.offered)),
        ];
        const scopes = taskScopesOf(actor, registry, NOW);
        const expected = !final && places.some((p) => isTaskCandidate(scopes, p) && offeredToAnyOf(p.offered, new Set(roles)));
        const found = scopes.length > 0 && (await repository.inboxCandidates(t.dataSource.manager, scopes, roles, { plain: 100_000, conditional: 100_000 })).settled.some((c) => c.id === id);
        if (expected) candidates++;
        const seen = { kind: definition.kind, state: doc.state, government: government.code, unit: unit.code, deadlines: deadlines.map((d) => ({ ...d, unit: d.unit.code })), final };
        expect({ doc: seen, actor, sql: found }).toEqual({ doc: seen, actor, sql: expected });
      }),
      { numRuns: 250 },
    );
    // the generators reach both answers
    expect(candidates).toBeGreaterThan(5);
    expect(candidates).toBeLessThan(245);
  }, 180_000);
});

async function insertDocument(
  t: TestApp,
  d: { definition: WorkflowDefinition; state: string; governmentId: string; unitId: string; userId: string; submitted: boolean; facilitationRequested: boolean; acted: Array<{ actor: string; onBehalfOf: string | null }>; final?: boolean },
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await t.dataSource.query(
    `INSERT INTO documents (kind, government_id, unit_id, created_by, title, content, content_hash, state, submitted_at, facilitation_requested_at, final)
     VALUES ($1, $2, $3, $4, 'Uji', '{}', 'h', $5, CASE WHEN $6 THEN now() END, CASE WHEN $7 THEN now() END, $8) RETURNING id`,
    [d.definition.kind, d.governmentId, d.unitId, d.userId, d.state, d.submitted, d.facilitationRequested, d.final ?? false],
  );
  await t.dataSource.query(
    `INSERT INTO workflow_instances (document_id, kind, machine_version, snapshot, state) VALUES ($1, $2, $3, '{}', $4)`,
    [id, d.definition.kind, d.definition.version, d.state],
  );
  for (const [seq, a] of d.acted.entries()) {
    await t.dataSource.query(
      `INSERT INTO history_entries (document_id, seq, action, to_state, actor, on_behalf_of, content_version, content_hash, at, hash)
       VALUES ($1, $2, 'X', $3, $4, $5, 1, 'h', now(), 'h')`,
      [id, seq + 1, d.state, a.actor, a.onBehalfOf],
    );
  }
  return id;
}
