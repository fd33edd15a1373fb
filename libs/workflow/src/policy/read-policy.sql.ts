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
 * which stage). Participant stages (a coordination round's units) are left to the pure rule: their
 * pending units live in the snapshot. read-policy.agreement.e2e-spec.ts checks both agree.
 */
export function readScopeFilter(actor: ActorFacts, now: Date, definitions: readonly WorkflowDefinition[], firstParam: number, alias = 'd'): SqlFilter {
  const authorities = authoritiesOf(actor, now).map((a) => ({ role: a.role, username: a.as.username, gov: a.as.governmentCode, unit: a.as.unitCode }));
  const stages = definitions.flatMap((definition) =>
    authorities.flatMap((a) =>
      actionableStatesFor(definition, a.role)
        .filter((s) => s.scope !== 'participant')
        .map((s) => ({ kind: definition.kind, version: definition.version, state: s.state, scope: s.scope, gov: a.gov, unit: a.unit })),
    ),
  );
  const [$a, $r, $s] = [firstParam, firstParam + 1, firstParam + 2].map((n) => `$${n}`);
  const d = alias;
  const parentIs = (gov: string) => `EXISTS (SELECT 1 FROM governments dg WHERE dg.id = ${d}.government_id AND dg.parent_id = ${gov}.id AND dg.level <> 'PROVINCE')`;
  const unitIs = (unit: string) => `EXISTS (SELECT 1 FROM units du WHERE du.id = ${d}.unit_id AND du.code = ${unit})`;
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
           OR (s.scope = 'parent-province' AND ${parentIs('sg')})))))`;
  return { sql, params: [JSON.stringify(authorities), [...GOVERNMENT_READER_ROLES], JSON.stringify(stages)] };
}
