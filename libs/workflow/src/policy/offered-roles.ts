import type { AnyMachineSnapshot } from 'xstate';
import type { Role } from '../domain/role.types.js';
import { restoreSnapshot } from '../engine/snapshot.util.js';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { stateMetaOf, stateToString } from '../machines/state-node.util.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';

/**
 * The roles this live snapshot offers an action but the creator's, as far as the machine alone says (its state's
 * rules and guards; not the document's unit, jurisdiction or separation of duties; a participant's rule of a
 * parallel stage whatever its guards say), in the order the state's rules name them. A role left out can do
 * nothing there whoever holds it (a Kepala OPD on a Quick Win in implementation before its first progress report).
 * Kept with each pending deadline (`deadlines.offered_roles`), so that the inbox's query leaves out, before reading
 * them, the documents that offer the caller nothing (`offeredToAnyOf`, and its SQL twin).
 */
export function rolesOfferedTaskOnLive(definition: WorkflowDefinition, live: AnyMachineSnapshot): Role[] {
  if (live.status !== 'active') return [];
  const meta = stateMetaOf(definition.machine, stateToString(live.value));
  if (meta === undefined) return [];
  const offered = new Set<Role>();
  for (const [action, rule] of Object.entries(meta.actions)) {
    if (rule === undefined || rule.scope === 'creator' || rule.roles.every((role) => offered.has(role))) continue;
    if (rule.scope === 'participant' || live.can({ type: action })) for (const role of rule.roles) offered.add(role);
  }
  return [...offered];
}

/** `rolesOfferedTaskOnLive` of a persisted snapshot. */
export function rolesOfferedTask(definition: WorkflowDefinition, persisted: PersistedWorkflowSnapshot): Role[] {
  return rolesOfferedTaskOnLive(definition, restoreSnapshot(definition.machine, persisted));
}

/**
 * Is a document whose workflow offers `offered` (`rolesOfferedTask`; null: not known, as on a deadline written
 * before they were kept) worth judging for a caller holding `roles`? The pure twin of `offeredToAnyOfSql`.
 */
export function offeredToAnyOf(offered: readonly Role[] | null, roles: ReadonlySet<Role>): boolean {
  return offered === null || offered.some((role) => roles.has(role));
}
