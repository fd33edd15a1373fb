import { dateTime } from '../i18n/words';

const DUE_SOON_MS = 24 * 3600_000;

/** The due time with its marks; the explanation shows on hover and on keyboard focus. */
export function DeadlineText({ dueAt, overdue, explanation, timeZone, id }: { dueAt: string | null; overdue: boolean; explanation?: string | null; timeZone?: string; id: string }) {
  if (!dueAt) return <span class="muted">Tanpa batas waktu</span>;
  const soon = !overdue && new Date(dueAt).getTime() - Date.now() < DUE_SOON_MS;
  const tipId = `tip-${id}`;
  return (
    <span class="deadline">
      <span tabIndex={explanation ? 0 : undefined} class={explanation ? 'has-tip' : undefined} aria-describedby={explanation ? tipId : undefined}>
        {dateTime(dueAt, timeZone)}
      </span>
      {overdue && <span class="mark overdue">Terlambat</span>}
      {soon && <span class="mark soon">Segera jatuh tempo</span>}
      {explanation && (
        <span role="tooltip" id={tipId} class="tip">
          {explanation}
        </span>
      )}
    </span>
  );
}
