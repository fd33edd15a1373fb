import type { History } from '../api/views';
import { actionLabel, dateTime, stageLabel } from '../i18n/words';

const EXTRA_ACTIONS: Record<string, string> = { CREATE: 'Dibuat', EDIT: 'Diubah' };

export function HistoryTimeline({ history, timeZone }: { history: History; timeZone?: string }) {
  return (
    <>
      {history.chainValid ? (
        <p class="mark ok" data-testid="chain">Rantai riwayat utuh.</p>
      ) : (
        <p class="alert" role="alert" data-testid="chain">
          Rantai riwayat rusak mulai entri ke-{history.firstInvalidSeq ?? '?'}.
        </p>
      )}
      <ol class="timeline">
        {history.entries.map((e) => (
          <li key={e.seq} class={history.firstInvalidSeq && e.seq >= history.firstInvalidSeq ? 'broken' : undefined}>
            <strong>{EXTRA_ACTIONS[e.action] ?? actionLabel(e.action)}</strong> oleh {e.actorName ?? e.actor}
            {e.onBehalfOf && <> atas nama {e.onBehalfOfName ?? e.onBehalfOf}</>}
            <span class="muted">
              {' '}
              · {dateTime(e.at, timeZone)}
              {e.fromState && e.fromState !== e.toState && ` · ${stageLabel(e.fromState)} → ${stageLabel(e.toState)}`}
            </span>
            {e.comment && <blockquote>{e.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </>
  );
}
