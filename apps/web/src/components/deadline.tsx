import { dateTime } from '../i18n/words';

/**
 * The due time with its marks (`dueSoon` as the API judges it: within 2 working days of the document's
 * government); the explanation shows on hover and on keyboard focus.
 */
export function DeadlineText({
  dueAt,
  overdue,
  dueSoon,
  explanation,
  timeZone,
  id,
}: {
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  explanation?: string | null;
  timeZone?: string;
  id: string;
}) {
  if (!dueAt) return <span class="muted">Tanpa batas waktu</span>;
  const tipId = `tip-${id}`;
  return (
    <span class="deadline">
      <span tabIndex={explanation ? 0 : undefined} class={explanation ? 'has-tip' : undefined} aria-describedby={explanation ? tipId : undefined}>
        {dateTime(dueAt, timeZone)}
      </span>
      {overdue && <span class="mark overdue">Terlambat</span>}
      {dueSoon && !overdue && <span class="mark soon">Segera jatuh tempo</span>}
      {explanation && (
        <span role="tooltip" id={tipId} class="tip">
          {explanation}
        </span>
      )}
    </span>
  );
}
