import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';
import type { WorkflowStateMeta } from './workflow-meta.types.js';

/** `'draft'` -> `'draft'`; `{ coordination: 'assistant' }` -> `'coordination.assistant'`. */
export function stateToString(value: StateValue): string {
  if (typeof value === 'string') {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    // Parallel regions are not used by the workflow machines; keep a readable, stable form anyway.
    return keys
      .sort()
      .map((key) => `${key}.${stateToString(value[key] as StateValue)}`)
      .join(',');
  }
  const key = keys[0] as string;
  const child = value[key];
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0)
    ? key
    : `${key}.${stateToString(child as StateValue)}`;
}

/** `'coordination.assistant'` -> `{ coordination: 'assistant' }` (inverse of stateToString). */
export function stateFromString(state: string): StateValue {
  const segments = state.split('.');
  let value: StateValue = segments[segments.length - 1] as string;
  for (let i = segments.length - 2; i >= 0; i -= 1) {
    value = { [segments[i] as string]: value };
  }
  return value;
}

/** The dotted path of a state node relative to the machine root (`coordination.assistant`). */
export function statePathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** The child a compound node enters first (its `initial`); undefined for an atomic or final node. */
export function initialChildOf(node: AnyStateNode): AnyStateNode | undefined {
  const initial = (node.config as { initial?: unknown }).initial;
  return typeof initial === 'string' ? (node.states?.[initial] as AnyStateNode | undefined) : undefined;
}

/** The atomic state a node resolves to when entered (following `initial` through compound states). */
export function initialLeafOf(node: AnyStateNode): AnyStateNode {
  let current = node;
  for (let next = initialChildOf(current); next !== undefined; next = initialChildOf(next)) {
    current = next;
  }
  return current;
}

/** Dotted name of the state every document of the machine starts in (its draft). */
export function initialStateName(machine: AnyStateMachine): string {
  return statePathOf(initialLeafOf(machine.root));
}

/** Each machine's state nodes by dotted path, as found (the policy asks for a state's node once per action). */
const NODES = new WeakMap<AnyStateMachine, Map<string, AnyStateNode>>();

/** The state node at a dotted path, or undefined. */
export function findStateNode(machine: AnyStateMachine, state: string): AnyStateNode | undefined {
  let found = NODES.get(machine);
  if (found === undefined) NODES.set(machine, (found = new Map()));
  const known = found.get(state);
  if (known !== undefined) return known;
  let node: AnyStateNode | undefined = machine.root;
  for (const segment of state.split('.')) {
    node = node?.states?.[segment] as AnyStateNode | undefined;
    if (node === undefined) break;
  }
  const result = node === machine.root ? undefined : node;
  // a stored state name that is no path of the machine is not kept: names from the database are unbounded
  if (result !== undefined) found.set(state, result);
  return result;
}

/** Every state node below the root, depth first in definition order (parents before children). */
export function allStateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const visit = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states ?? {}) as AnyStateNode[]) {
      out.push(child);
      visit(child);
    }
  };
  visit(machine.root);
  return out;
}

/** The atomic (leaf) state nodes: the states a document can be in. */
export function atomicStateNodes(machine: AnyStateMachine): AnyStateNode[] {
  return allStateNodes(machine).filter((node) => node.type === 'atomic' || node.type === 'final');
}

/** Dotted names of every state a document can be in. */
export function atomicStateNames(machine: AnyStateMachine): string[] {
  return atomicStateNodes(machine).map(statePathOf);
}

/** The workflow meta of an atomic state, or undefined for an unknown state. */
export function stateMetaOf(machine: AnyStateMachine, state: string): WorkflowStateMeta | undefined {
  return findStateNode(machine, state)?.meta as WorkflowStateMeta | undefined;
}

/** True when the dotted state is a final state of the machine. */
export function isFinalStateName(machine: AnyStateMachine, state: string): boolean {
  return findStateNode(machine, state)?.type === 'final';
}

/** The SLA stage keys of a machine: every state whose meta names a stage, in definition order. */
export function stageNames(machine: AnyStateMachine): string[] {
  const stages: string[] = [];
  for (const node of allStateNodes(machine)) {
    const stage = (node.meta as Partial<WorkflowStateMeta> | undefined)?.stage;
    if (typeof stage === 'string' && !stages.includes(stage)) {
      stages.push(stage);
    }
  }
  return stages;
}
