import { atomicStateNames } from '../machines/state-node.util.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { authoritiesOf } from './authority.util.js';
import type { ActorFacts } from './policy.types.js';
import { GOVERNMENT_READER_ROLES } from './read-policy.js';
import { actionableStatesFor } from './stage-actors.util.js';

/** A WHERE condition on `documents` and the parameters it numbers from `firstParam`. */
export interface SqlFilter {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * `canRead` as SQL: a condition on the row of `documents` aliased `alias`, for the actor's
 * authorities at `now`. `definitions`: every workflow version the rows may run (for who must act in
 * which stage). In a participant stage (paraf koordinasi by the OPDs concerned) the units still awaited
 * are those with a pending participant deadline, written in the transaction that changes the round
 * (test/regulation-property.e2e-spec.ts holds them to the snapshot's). read-policy.agreement.e2e-spec.ts
 * checks both agree.
 */
export function readScopeFilter(actor: ActorFacts, now: Date, definitions: readonly WorkflowDefinition[], firstParam: number, alias = 'd'): SqlFilter {
  const authorities = authoritiesOf(actor, now).map((a) => ({ role: a.role, username: a.as.username, gov: a.as.governmentCode, unit: a.as.unitCode }));
  const stages = definitions.flatMap((definition) =>
    authorities.flatMap((a) =>
      actionableStatesFor(definition, a.role).map((s) => ({ kind: definition.kind, version: definition.version, state: s.state, scope: s.scope, gov: a.gov, unit: a.unit })),
    ),
  );
  const [$a, $r, $s] = [firstParam, firstParam + 1, firstParam + 2].map((n) => `$${n}`);
  const d = alias;
  const parentIs = (gov: string) => `EXISTS (SELECT 1 FROM governments dg WHERE dg.id = ${d}.government_id AND dg.parent_id = ${gov}.id AND dg.level <> 'PROVINCE')`;
  const unitIs = (unit: string) => `EXISTS (SELECT 1 FROM units du WHERE du.id = ${d}.unit_id AND du.code = ${unit})`;
  // only where the actor answers as an OPD concerned somewhere: every other caller's statement (and plan) stays as it was
  const participantBranch = stages.some((st) => st.scope === 'participant')
    ? `
           OR (s.scope = 'participant' AND sg.id = ${d}.government_id
               AND EXISTS (SELECT 1 FROM deadlines pd JOIN units pu ON pu.id = pd.participant_unit_id WHERE pd.document_id = ${d}.id AND pd.status = 'PENDING' AND pu.code = s.unit))`
    : '';
  const sql = `(EXISTS (
      SELECT 1 FROM jsonb_to_recordset(${$a}::jsonb) AS a(role text, username text, gov text, unit text) JOIN governments ag ON ag.code = a.gov
       WHERE (ag.id = ${d}.government_id AND ${unitIs('a.unit')})
          OR (${d}.submitted_at IS NOT NULL AND (
                (ag.id = ${d}.government_id AND a.role = ANY(${$r}::text[]))
             OR (a.role = 'LEGAL' AND ${d}.kind = 'regulation' AND ${d}.facilitation_requested_at IS NOT NULL AND ${parentIs('ag')})
             OR EXISTS (SELECT 1 FROM history_entries h WHERE h.document_id = ${d}.id AND a.username IN (h.actor, h.on_behalf_of)))))
    OR (${d}.submitted_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM jsonb_to_recordset(${$s}::jsonb) AS s(kind text, version int, state text, scope text, gov text, unit text)
        JOIN governments sg ON sg.code = s.gov
        JOIN workflow_instances si ON si.document_id = ${d}.id
       WHERE s.kind = ${d}.kind AND s.version = si.machine_version AND s.state = ${d}.state
         AND ((s.scope = 'unit' AND sg.id = ${d}.government_id AND ${unitIs('s.unit')})
           OR (s.scope = 'government' AND sg.id = ${d}.government_id)
           OR (s.scope = 'parent-province' AND ${parentIs('sg')})${participantBranch}))))`;
  return { sql, params: [JSON.stringify(authorities), [...GOVERNMENT_READER_ROLES], JSON.stringify(stages)] };
}

/** SQL expressions of a row's count key: a `document_counts` row, or a document (`documentCountKey`). */
export interface CountKeyColumns {
  readonly kind: string;
  readonly governmentId: string;
  readonly unitId: string;
  readonly state: string;
  readonly submitted: string;
  readonly facilitation: string;
}

/** The count key of the `documents` row aliased `alias`. */
export const documentCountKey = (alias = 'd'): CountKeyColumns => ({
  kind: `${alias}.kind`,
  governmentId: `${alias}.government_id`,
  unitId: `${alias}.unit_id`,
  state: `${alias}.state`,
  submitted: `(${alias}.submitted_at IS NOT NULL)`,
  facilitation: `(${alias}.facilitation_requested_at IS NOT NULL)`,
});

/** The count key of a row of `ReadScopeCountFilter.awaited` aliased `alias` (what its deadline keeps of its document). */
export const awaitedCountKey = (alias = 'w'): CountKeyColumns => ({
  kind: `${alias}.kind`,
  governmentId: `${alias}.government_id`,
  unitId: `${alias}.unit_id`,
  state: `${alias}.state`,
  submitted: `${alias}.submitted`,
  facilitation: `${alias}.facilitation`,
});

/**
 * `canRead` split for counting (list totals off maintained counts keyed by kind, government, unit,
 * state and the read-scope marks): a document is readable exactly when
 * - `keyReads(key)`: its count key alone says so (its unit; a government reader; the parent province's
 *   LEGAL after facilitation; who must act in its state, where every workflow version having the state
 *   agrees), or else
 * - `involved(alias)`: it was submitted and the actor (or a principal) acted on it (history) where `keyReads` would
 *   not count it anyway (outside its own units and the governments it reads whole, and not a regulation already
 *   facilitated for a province it is LEGAL of), or its paraf koordinasi awaits the actor's unit (a pending
 *   participant deadline), or else
 * - `undecidedStates`: its (kind, state) is one where the versions disagree on who acts (then `readScopeFilter` decides).
 * Parameters numbered from `firstParam`. read-policy-agreement.e2e-spec.ts checks it against `canRead`.
 */
export interface ReadScopeCountFilter {
  readonly params: unknown[];
  keyReads(key: CountKeyColumns): string;
  /** `within`: an SQL array of the government ids counted in, when the caller narrows to them (the list total does). */
  involved(alias: string, within?: string): string;
  /** The ids (`document_id`, each once) of the documents `involved` finds by the caller's history, before its test that the document was submitted. */
  actedIds(within?: string): string;
  /** The caller's own units, whose documents `keyReads` reads whatever their key: rows of (`government_id`, `unit_id`). */
  readonly ownUnits: string;
  /**
   * Whether `keyReads` may read documents of the government whose id is `government` outside the caller's own units
   * (a government it reads whole, the regencies of a province it is LEGAL of, a government where a stage is its
   * government's or its province's): where it does not, the caller's documents there are its own units' and those it
   * is involved in, and a list need not walk the government's.
   */
  readsBeyondOwnUnits(government: string): string;
  /**
   * The drafts whose paraf koordinasi awaits the caller's unit, each a row of its pending participant deadline with what
   * that deadline keeps of its document (`document_id`, `kind`, `state`, `government_id`, `unit_id`, `submitted`,
   * `facilitation`, `year`, `created_at`), so that a total or a list page need not read the documents; null for a caller that
   * answers as an OPD nowhere.
   */
  readonly awaited: string | null;
  readonly undecidedStates: ReadonlyArray<{ readonly kind: string; readonly state: string }>;
}

/**
 * What a list reads by (`DocumentListFilter`'s scopes): the row filter numbered from $1 (a title search's rows), and for the
 * page and the total the split of `readScopeCountFilter` numbered from $1 with the row filter after it (the states where
 * workflow versions disagree on who acts).
 */
export function listReadScopes(actor: ActorFacts, now: Date, definitions: readonly WorkflowDefinition[]): { readScope: SqlFilter; counting: { filter: ReadScopeCountFilter; fallback: SqlFilter } } {
  const filter = readScopeCountFilter(actor, now, definitions, 1);
  return { readScope: readScopeFilter(actor, now, definitions, 1), counting: { filter, fallback: readScopeFilter(actor, now, definitions, filter.params.length + 1) } };
}

export function readScopeCountFilter(actor: ActorFacts, now: Date, definitions: readonly WorkflowDefinition[], firstParam: number): ReadScopeCountFilter {
  const authorities = authoritiesOf(actor, now).map((a) => ({ role: a.role, username: a.as.username, gov: a.as.governmentCode, unit: a.as.unitCode }));
  // (kind, state) -> the versions having the state
  const versionsOf = new Map<string, Set<number>>();
  for (const definition of definitions) {
    for (const state of atomicStateNames(definition.machine)) {
      const key = `${definition.kind}|${state}`;
      versionsOf.set(key, (versionsOf.get(key) ?? new Set()).add(definition.version));
    }
  }
  // who acts where, per (kind, state, scope, gov, unit): in which versions
  const acting = new Map<string, { kind: string; state: string; scope: string; gov: string; unit: string; versions: Set<number> }>();
  // where the actor answers as an OPD concerned: (kind, participant stage, gov, unit)
  const awaitable = new Map<string, { kind: string; state: string; gov: string; unit: string }>();
  for (const definition of definitions) {
    for (const a of authorities) {
      for (const s of actionableStatesFor(definition, a.role)) {
        if (s.scope === 'participant') {
          awaitable.set(JSON.stringify([definition.kind, s.state, a.gov, a.unit]), { kind: definition.kind, state: s.state, gov: a.gov, unit: a.unit });
          continue;
        }
        const key = JSON.stringify([definition.kind, s.state, s.scope, a.gov, a.unit]);
        const entry = acting.get(key) ?? { kind: definition.kind, state: s.state, scope: s.scope, gov: a.gov, unit: a.unit, versions: new Set<number>() };
        entry.versions.add(definition.version);
        acting.set(key, entry);
      }
    }
  }
  const stages: Array<{ kind: string; state: string; scope: string; gov: string; unit: string }> = [];
  const undecided = new Map<string, { kind: string; state: string }>();
  for (const { versions, ...stage } of acting.values()) {
    const all = versionsOf.get(`${stage.kind}|${stage.state}`)!;
    if ([...all].every((v) => versions.has(v))) stages.push(stage);
    else undecided.set(`${stage.kind}|${stage.state}`, { kind: stage.kind, state: stage.state });
  }
  const [$a, $r, $s, $u, $p] = [firstParam, firstParam + 1, firstParam + 2, firstParam + 3, firstParam + 4].map((n) => `$${n}`);
  const authoritiesSql = `jsonb_to_recordset(${$a}::jsonb) AS a(role text, username text, gov text, unit text) JOIN governments ag ON ag.code = a.gov`;
  const stagesSql = `jsonb_to_recordset(${$s}::jsonb) AS s(kind text, state text, scope text, gov text, unit text) JOIN governments sg ON sg.code = s.gov`;
  const children = (parent: string) => `JOIN governments dg ON dg.parent_id = ${parent}.id AND dg.level <> 'PROVINCE'`;
  // what the actor reads whole: its own units (government, unit); submitted documents of the governments it reads; regulations
  // sent to the province's facilitation in the regencies and cities of a province it is LEGAL of
  const ownUnits = `SELECT ag.id AS government_id, du.id AS unit_id FROM ${authoritiesSql} JOIN units du ON du.code = a.unit AND du.government_id = ag.id`;
  const governmentsRead = `SELECT ag.id FROM ${authoritiesSql} WHERE a.role = ANY(${$r}::text[])`;
  const facilitatedFor = `SELECT dg.id FROM ${authoritiesSql} ${children('ag')} WHERE a.role = 'LEGAL'`;
  // every subquery is uncorrelated: PostgreSQL runs each once and probes its hash per key
  const keyReads = (c: CountKeyColumns) => `(
       (${c.governmentId}, ${c.unitId}) IN (${ownUnits})
    OR (${c.submitted} AND (
          ${c.governmentId} IN (${governmentsRead})
       OR (${c.kind} = 'regulation' AND ${c.facilitation} AND ${c.governmentId} IN (${facilitatedFor}))
       OR (${c.kind}, ${c.state}, ${c.governmentId}, ${c.unitId}) IN (SELECT s.kind, s.state, sg.id, du.id FROM ${stagesSql} JOIN units du ON du.code = s.unit WHERE s.scope = 'unit')
       OR (${c.kind}, ${c.state}, ${c.governmentId}) IN (SELECT s.kind, s.state, sg.id FROM ${stagesSql} WHERE s.scope = 'government')
       OR (${c.kind}, ${c.state}, ${c.governmentId}) IN (SELECT s.kind, s.state, dg.id FROM ${stagesSql} ${children('sg')} WHERE s.scope = 'parent-province'))))`;
  // every part of `keyReads` but its own units, by government alone (a unit-scope stage is in one of the caller's own units)
  const readsBeyondOwnUnits = (government: string) => `(
       ${government} IN (${governmentsRead})
    OR ${government} IN (${facilitatedFor})
    OR ${government} IN (SELECT sg.id FROM ${stagesSql} WHERE s.scope = 'government')
    OR ${government} IN (SELECT dg.id FROM ${stagesSql} ${children('sg')} WHERE s.scope = 'parent-province'))`;
  // a participant's deadline sits in its own unit: each (government, unit, stage) read off the awaited deadlines' index with
  // what each keeps of its document (migration 1764035000000), and only for an actor who answers as an OPD concerned
  // somewhere (every other caller's statement stays as it was)
  const awaited = awaitable.size === 0
    ? null
    : `SELECT pd.* FROM jsonb_to_recordset(${$p}::jsonb) AS p(kind text, state text, gov text, unit text)
               JOIN governments pg ON pg.code = p.gov JOIN units pu ON pu.government_id = pg.id AND pu.code = p.unit
               CROSS JOIN LATERAL (
                 SELECT pd.document_id, pd.kind, pd.stage AS state, pd.government_id, pd.document_unit_id AS unit_id,
                        pd.document_submitted AS submitted, pd.document_facilitated AS facilitation, pd.document_year AS year,
                        pd.document_created_at AS created_at
                   FROM deadlines pd
                  WHERE pd.government_id = pg.id AND pd.unit_id = pu.id AND pd.stage = p.state AND pd.status = 'PENDING'
                    AND pd.kind = p.kind AND pd.participant_unit_id = pd.unit_id) pd`;
  // A document the actor acted on in one of its own units, or (submitted, as every one acted on is) in a government it
  // reads whole, or a regulation sent to the province's facilitation in a regency whose province it is LEGAL of, is
  // counted by its key: only the other entries (of the governments `within`, when given) are looked up, a range of
  // the actor indexes (actor, government, unit, facilitated) per place, where a Sekda's or a drafter's every entry
  // would otherwise be read. An entry keeps whether its document was facilitated by then (a mark never taken back),
  // so `facilitated <= NOT pl.legal_child` leaves those out. OFFSET 0 keeps each place's probe: the planner, unable to
  // count the places, would join them to a scan of every entry of the actor.
  const elsewhere = (within: string | undefined) => `SELECT u.government_id AS gov, u.id AS unit, u.government_id IN (${facilitatedFor}) AS legal_child
          FROM units u
         WHERE ${within === undefined ? '' : `u.government_id = ANY(${within}) AND `}(u.government_id, u.id) NOT IN (${ownUnits})
           AND u.government_id NOT IN (${governmentsRead})`;
  const actedIn = (column: string, within: string | undefined) =>
    `SELECT h.document_id FROM (${elsewhere(within)}) pl
       CROSS JOIN LATERAL (SELECT h.document_id FROM history_entries h
                            WHERE h.${column} = ANY(${$u}::text[]) AND h.government_id = pl.gov AND h.unit_id = pl.unit
                              AND h.facilitated <= NOT pl.legal_child OFFSET 0) h`;
  const actedIds = (within?: string) => `${actedIn('actor', within)}
       UNION ${actedIn('on_behalf_of', within)}`;
  const involvedIds = (within?: string) => (awaited === null ? actedIds(within) : `${actedIds(within)}
       UNION SELECT w.document_id FROM (${awaited}) w`);
  const involved = (d: string, within?: string) => `(${d}.submitted_at IS NOT NULL AND ${d}.id IN (
       ${involvedIds(within)}))`;
  return {
    params: [
      JSON.stringify(authorities),
      [...GOVERNMENT_READER_ROLES],
      JSON.stringify(stages),
      [...new Set(authorities.map((a) => a.username))],
      ...(awaitable.size === 0 ? [] : [JSON.stringify([...awaitable.values()])]),
    ],
    keyReads,
    involved,
    actedIds,
    ownUnits,
    readsBeyondOwnUnits,
    awaited,
    undecidedStates: [...undecided.values()],
  };
}
