/**
 * The workflow as a graph, read from the API's Mermaid stateDiagram-v2 (`/api/workflows/:kind/diagram`):
 * its stages (dotted like the documents' `state`), the composite that groups some, the transitions
 * with their action and guard, and the main line from the first stage to the deepest final one.
 */
export interface Stage {
  /** `draft`, `coordination.assistant`: as a document's `state`. */
  id: string;
  /** The composite stage it sits in (`coordination`), if any. */
  group: string | null;
  /** Participants answer in parallel (one region per OPD concerned). */
  parallel: boolean;
  final: boolean;
}

export interface Transition {
  from: string;
  to: string;
  /** The event; null for an eventless (automatic) transition. */
  action: string | null;
  guard: string | null;
}

export interface WorkflowGraph {
  initial: string | null;
  stages: Stage[];
  transitions: Transition[];
  /** Composite stages (`coordination`): their transitions apply to every stage inside. */
  groups: string[];
  /** From the first stage to the deepest final stage, following forward transitions. */
  mainLine: string[];
}

const toId = (mermaidId: string) => mermaidId.replace(/__/g, '.');

export function parseStateDiagram(text: string): WorkflowGraph {
  const stages: Stage[] = [];
  const groups: string[] = [];
  const transitions: Transition[] = [];
  const finals = new Set<string>();
  let initial: string | null = null;
  const open: Array<{ id: string; parallel: boolean }> = [];
  const add = (id: string, parallel = false) => {
    if (open.some((o) => o.parallel)) return; // a participant region inside a parallel stage
    const group = open.at(-1)?.id ?? null;
    if (!stages.some((s) => s.id === id)) stages.push({ id, group, parallel, final: false });
  };

  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line === 'stateDiagram-v2' || line === '--') continue;
    if (line === '}') {
      open.pop();
      continue;
    }
    const block = /^state "([^"]*)" as ([\w]+) \{$/.exec(line);
    if (block) {
      const id = toId(block[2]!);
      const parallel = block[1]!.includes('paralel');
      if (parallel) add(id, true);
      else if (!groups.includes(id)) groups.push(id);
      open.push({ id, parallel });
      continue;
    }
    const named = /^state "[^"]*" as ([\w]+)$/.exec(line);
    if (named) {
      add(toId(named[1]!));
      continue;
    }
    const edge = /^(\[\*\]|[\w]+) --> (\[\*\]|[\w]+)(?: : (.*))?$/.exec(line);
    if (edge) {
      const [, from, to, label] = edge;
      if (from === '[*]') {
        if (open.length === 0) initial = toId(to!);
        continue;
      }
      if (to === '[*]') {
        if (open.length === 0) finals.add(toId(from!));
        continue;
      }
      const m = /^(\w+)?\s*(?:\[(\w+)\])?$/.exec((label ?? '').trim());
      transitions.push({ from: toId(from!), to: toId(to!), action: m?.[1] ?? null, guard: m?.[2] ?? null });
      continue;
    }
    if (/^\w+$/.test(line)) add(toId(line));
  }
  for (const s of stages) s.final = finals.has(s.id);
  return { initial, stages, transitions, groups, mainLine: mainLineOf(initial, stages, transitions) };
}

/**
 * The longest path of forward transitions (back edges found by a depth-first walk are left out) from
 * the initial stage, ending at the deepest final stage.
 */
function mainLineOf(initial: string | null, stages: Stage[], transitions: Transition[]): string[] {
  if (!initial) return [];
  const ids = new Set(stages.map((s) => s.id));
  const out = new Map<string, string[]>();
  for (const t of transitions) if (t.from !== t.to && ids.has(t.from) && ids.has(t.to)) out.set(t.from, [...(out.get(t.from) ?? []), t.to]);
  const forward = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const walk = (id: string) => {
    state.set(id, 'open');
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 'open') continue; // a back edge: returns to an earlier stage
      forward.set(id, [...(forward.get(id) ?? []), next]);
      if (!state.has(next)) walk(next);
    }
    state.set(id, 'done');
    order.push(id);
  };
  walk(initial);
  const depth = new Map<string, number>([[initial, 0]]);
  const previous = new Map<string, string>();
  for (const id of order.reverse()) {
    for (const next of forward.get(id) ?? []) {
      const d = (depth.get(id) ?? 0) + 1;
      if (d > (depth.get(next) ?? -1)) {
        depth.set(next, d);
        previous.set(next, id);
      }
    }
  }
  const finals = stages.filter((s) => s.final && depth.has(s.id));
  const end = (finals.length ? finals : stages.filter((s) => depth.has(s.id))).reduce<string | null>((best, s) => (best === null || depth.get(s.id)! > depth.get(best)! ? s.id : best), null);
  const line: string[] = [];
  for (let at: string | undefined = end ?? undefined; at; at = previous.get(at)) line.unshift(at);
  return line;
}
