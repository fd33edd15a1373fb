import type { JSX } from 'preact';
import { api, ok } from '../api/client';
import type { Kind } from '../api/views';
import { actionLabel, stageLabel } from '../i18n/words';
import { useLoad } from './async';
import { parseStateDiagram, type Stage, type Transition, type WorkflowGraph } from './workflow-graph';

export { parseStateDiagram };

/** When a guarded or automatic transition is taken, in words. */
const GUARD_TEXT: Readonly<Record<string, string>> = {
  hasProgressReport: 'setelah ada laporan kemajuan',
  isProvinceWithCoordination: 'provinsi, dengan OPD terkait',
  isProvince: 'provinsi',
  isRegencyOrCity: 'kabupaten/kota',
  hasCoordination: 'dengan OPD terkait',
  participantReturned: 'bila ada OPD terkait yang mengembalikan',
  ruleMet: 'bila paraf OPD terkait cukup',
  ruleUnreachable: 'bila paraf OPD terkait tidak mungkin cukup',
};

const GROUP_LABELS: Readonly<Record<string, string>> = { coordination: 'Paraf Koordinasi' };

function how(t: Transition): string {
  const guard = t.guard ? GUARD_TEXT[t.guard] : undefined;
  const what = t.action ? actionLabel(t.action) : 'Otomatis';
  return guard ? `${what} (${guard})` : what;
}

function exitText(t: Transition): string {
  return t.from === t.to ? `${how(t)}, tetap di tahap ini` : `${how(t)} → ${stageLabel(t.to)}`;
}

/** The workflow from /api/workflows/:kind/diagram drawn as a flow chart, the document's stage highlighted. */
export function WorkflowDiagram({ kind, current }: { kind: Kind; current: string }) {
  const diagram = useLoad(
    () => ok<string>(api.GET('/api/workflows/{kind}/diagram', { params: { path: { kind } }, parseAs: 'text' })),
    [kind],
  );
  if (!diagram.data) return null;
  return <FlowChart graph={parseStateDiagram(diagram.data)} current={current} />;
}

export function FlowChart({ graph, current }: { graph: WorkflowGraph; current: string }) {
  const { mainLine, stages, transitions } = graph;
  const stageOf = (id: string) => stages.find((s) => s.id === id)!;
  const main = mainLine.map(stageOf);
  const side = stages.filter((s) => !mainLine.includes(s.id));

  const step = (s: Stage, next: string | null) => {
    const here = s.id === current;
    const onward = next ? transitions.filter((t) => t.from === s.id && t.to === next) : [];
    const exits = transitions.filter((t) => t.from === s.id && t.to !== next);
    return (
      <li key={s.id} class={here ? 'flow-step current' : 'flow-step'} aria-current={here ? 'step' : undefined} data-state={s.id}>
        <div class="flow-box">
          <strong>{stageLabel(s.id)}</strong>
          {here && <span class="flow-here">Tahap sekarang</span>}
          {s.parallel && <span class="flow-note">paralel, per OPD terkait</span>}
          {s.final && <span class="flow-note">tahap akhir</span>}
          {exits.length > 0 && (
            <ul class="flow-exits" aria-label="Jalan lain">
              {exits.map((t) => (
                <li key={`${t.to}-${t.action}-${t.guard}`}>{exitText(t)}</li>
              ))}
            </ul>
          )}
        </div>
        {onward.length > 0 && (
          <p class="flow-next">
            <span aria-hidden="true">↓ </span>
            {[...new Set(onward.map(how))].join(' / ')}
          </p>
        )}
      </li>
    );
  };

  // consecutive stages of one group (coordination) drawn inside a box of their own
  const items: JSX.Element[] = [];
  for (let i = 0; i < main.length; ) {
    const s = main[i]!;
    if (!s.group) {
      items.push(step(s, mainLine[i + 1] ?? null));
      i += 1;
      continue;
    }
    const start = i;
    while (i < main.length && main[i]!.group === s.group) i += 1;
    const groupExits = transitions.filter((t) => t.from === s.group);
    items.push(
      <li key={s.group} class="flow-group">
        <p class="flow-group-title">{GROUP_LABELS[s.group] ?? stageLabel(s.group)}</p>
        {groupExits.length > 0 && (
          <ul class="flow-exits" aria-label="Jalan lain dari setiap tahap paraf">
            {groupExits.map((t) => (
              <li key={`${t.to}-${t.action}`}>{exitText(t)}</li>
            ))}
          </ul>
        )}
        <ol class="flow-line">{main.slice(start, i).map((g, j) => step(g, mainLine[start + j + 1] ?? null))}</ol>
      </li>,
    );
  }

  return (
    <figure class="flow" aria-label="Diagram alur kerja">
      <ol class="flow-line" aria-label="Alur utama">
        {items}
      </ol>
      {side.length > 0 && (
        <>
          <p class="flow-side-title">Di luar alur utama</p>
          <ul class="flow-side" aria-label="Tahap di luar alur utama">
            {side.map((s) => step(s, null))}
          </ul>
        </>
      )}
    </figure>
  );
}
