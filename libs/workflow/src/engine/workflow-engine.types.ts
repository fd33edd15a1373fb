import type { StateValue } from 'xstate';
import type { WorkflowEffect } from './workflow-effect.types.js';

/**
 * The JSON form of a workflow instance, as produced by `machine.getPersistedSnapshot` and passed
 * through JSON (no undefined, no class instances). Store it as JSONB; give it back unchanged.
 */
export interface PersistedWorkflowSnapshot {
  readonly status: 'active' | 'done' | 'error' | 'stopped';
  readonly value: StateValue;
  readonly context: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** An event for a workflow machine: the action, plus whatever the server wants to pass along. */
export interface WorkflowEvent {
  readonly type: string;
  readonly [key: string]: unknown;
}

export interface StartedWorkflow {
  readonly persistedSnapshot: PersistedWorkflowSnapshot;
  /** Dotted state, e.g. `draft`. */
  readonly state: string;
  readonly final: boolean;
  readonly effects: readonly WorkflowEffect[];
}

export interface AppliedAction {
  readonly ok: true;
  readonly persistedSnapshot: PersistedWorkflowSnapshot;
  readonly fromState: string;
  readonly toState: string;
  /** True when `toState` is a final state (no deadline, no further action). */
  readonly final: boolean;
  readonly effects: readonly WorkflowEffect[];
}

export interface RejectedAction {
  readonly ok: false;
  readonly code: 'INVALID_TRANSITION';
  readonly fromState: string;
  readonly reason: string;
}

export type ApplyActionResult = AppliedAction | RejectedAction;
