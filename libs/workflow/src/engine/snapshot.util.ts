import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import { findStateNode, stateToString } from '../machines/state-node.util.js';
import type { PersistedWorkflowSnapshot } from './workflow-engine.types.js';

/** Thrown when a stored snapshot does not fit the machine it is restored with. */
export class WorkflowSnapshotError extends Error {
  override readonly name = 'WorkflowSnapshotError';
}

/** The persisted, JSON-clean form of a snapshot. */
export function persistSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): PersistedWorkflowSnapshot {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as PersistedWorkflowSnapshot;
}

/**
 * Rebuilds a live snapshot from its persisted form with `machine.resolveState({ value, context })`.
 * The state must be an atomic or final state of this machine.
 */
export function restoreSnapshot(machine: AnyStateMachine, persisted: PersistedWorkflowSnapshot): AnyMachineSnapshot {
  if (persisted === null || typeof persisted !== 'object' || persisted.value === undefined || persisted.value === null) {
    throw new WorkflowSnapshotError(`Not a workflow snapshot for ${machine.id}`);
  }
  const state = stateToString(persisted.value as StateValue);
  const node = findStateNode(machine, state);
  if (node === undefined || (node.type !== 'atomic' && node.type !== 'final')) {
    throw new WorkflowSnapshotError(`State ${state} does not exist in workflow ${machine.id}`);
  }
  if (persisted.context === null || typeof persisted.context !== 'object') {
    throw new WorkflowSnapshotError(`Snapshot of ${machine.id} has no context`);
  }
  try {
    return machine.resolveState({ value: persisted.value, context: persisted.context });
  } catch (error) {
    throw new WorkflowSnapshotError(`Cannot restore ${machine.id} snapshot in ${state}: ${(error as Error).message}`);
  }
}

/** Dotted state of a persisted snapshot. */
export function stateOfSnapshot(persisted: PersistedWorkflowSnapshot): string {
  return stateToString(persisted.value);
}
