import { api, ok } from '../api/client';
import { actionLabel, stageLabel } from '../i18n/words';
import { useLoad } from './async';

interface Transition {
  from: string;
  to: string;
  action: string;
}

/** The states and transitions of the machine's Mermaid stateDiagram-v2, in the order it lists them. */
export function parseStateDiagram(text: string): { states: string[]; transitions: Transition[] } {
  const states: string[] = [];
  const transitions: Transition[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const t = /^([\w.]+) --> ([\w.]+)(?: : (\w+))?/.exec(line);
    if (t) {
      if (t[3]) transitions.push({ from: t[1]!, to: t[2]!, action: t[3] });
      continue;
    }
    if (/^[\w.]+$/.test(line) && !states.includes(line)) states.push(line);
  }
  return { states, transitions };
}

/** The workflow drawn from /api/workflows/:kind/diagram, the document's stage highlighted. */
export function WorkflowDiagram({ kind, current }: { kind: string; current: string }) {
  const diagram = useLoad(
    () => ok<string>(api.GET('/api/workflows/{kind}/diagram', { params: { path: { kind } }, parseAs: 'text' })),
    [kind],
  );
  if (!diagram.data) return null;
  const { states, transitions } = parseStateDiagram(diagram.data);
  return (
    <ol class="diagram" aria-label="Alur kerja">
      {states.map((state) => {
        const here = state === current || current.startsWith(`${state}.`);
        const out = transitions.filter((t) => t.from === state && t.to !== state);
        return (
          <li key={state} class={here ? 'current' : undefined} aria-current={here ? 'step' : undefined} data-state={state}>
            <strong>{stageLabel(state)}</strong>
            {out.length > 0 && <span class="muted"> → {out.map((t) => `${actionLabel(t.action)}: ${stageLabel(t.to)}`).join('; ')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
