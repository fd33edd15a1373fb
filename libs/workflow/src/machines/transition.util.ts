import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';

/** The name of a transition's guard, or null when it has none. */
export function guardNameOf(transition: AnyTransitionDefinition): string | null {
  const guard = transition.guard as unknown;
  if (guard === undefined || guard === null) {
    return null;
  }
  if (typeof guard === 'string') {
    return guard;
  }
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') {
    return (guard as { type: string }).type;
  }
  return 'guard';
}

/** Every transition defined on a state node itself (not its ancestors), in definition order. */
export function ownTransitionsOf(node: AnyStateNode): AnyTransitionDefinition[] {
  return [...node.transitions.values()].flat();
}

/** The transitions that handle `eventType` in `node`: its own, else the nearest ancestor's. */
export function transitionsHandling(node: AnyStateNode, eventType: string): AnyTransitionDefinition[] {
  for (let n: AnyStateNode | undefined = node; n !== undefined; n = n.parent) {
    const transitions = n.transitions.get(eventType);
    if (transitions !== undefined && transitions.length > 0) {
      return transitions;
    }
  }
  return [];
}
