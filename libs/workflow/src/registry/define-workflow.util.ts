import type { AnyStateMachine } from 'xstate';
import type { WorkflowStateMeta } from '../machines/workflow-meta.types.js';
import { atomicStateNodes, statePathOf } from '../machines/state-node.util.js';
import type { WorkflowDefinition } from './workflow-definition.types.js';

/** Thrown when a definition is inconsistent (missing meta, unknown action, bad version). */
export class InvalidWorkflowDefinitionError extends Error {
  override readonly name = 'InvalidWorkflowDefinitionError';
}

/**
 * Checks and freezes a definition: the version is a positive integer, every state a document can
 * be in has workflow meta, every action named in meta or in a transition is one of `actions`, and
 * every action in meta has a transition in that state (or an ancestor).
 */
export function defineWorkflow<TMachine extends AnyStateMachine>(definition: WorkflowDefinition<TMachine>): WorkflowDefinition<TMachine> {
  const { kind, version, machine, actions } = definition;
  const where = `${kind} v${version}`;
  if (!Number.isInteger(version) || version < 1) {
    throw new InvalidWorkflowDefinitionError(`${where}: version must be a positive integer`);
  }
  const known = new Set<string>(actions);
  for (const node of atomicStateNodes(machine)) {
    const state = statePathOf(node);
    const meta = node.meta as WorkflowStateMeta | undefined;
    if (meta === undefined || typeof meta !== 'object' || meta.actions === undefined || !('stage' in meta)) {
      throw new InvalidWorkflowDefinitionError(`${where}: state ${state} has no workflow meta`);
    }
    const handled = new Set<string>();
    for (let n: typeof node | undefined = node; n !== undefined; n = n.parent) {
      for (const eventType of n.transitions.keys()) {
        handled.add(eventType);
      }
    }
    for (const eventType of handled) {
      if (!known.has(eventType)) {
        throw new InvalidWorkflowDefinitionError(`${where}: state ${state} handles unknown action ${eventType}`);
      }
    }
    for (const action of Object.keys(meta.actions)) {
      if (!known.has(action)) {
        throw new InvalidWorkflowDefinitionError(`${where}: state ${state} allows unknown action ${action}`);
      }
      if (!handled.has(action)) {
        throw new InvalidWorkflowDefinitionError(`${where}: state ${state} allows ${action} but has no transition for it`);
      }
    }
    for (const eventType of handled) {
      if (!(eventType in meta.actions)) {
        throw new InvalidWorkflowDefinitionError(`${where}: state ${state} handles ${eventType} but its meta names no actor for it`);
      }
    }
  }
  return Object.freeze({ ...definition, actions: Object.freeze([...actions]) });
}
