import type { LocalDate } from '../calendar/local-date.util.js';

/**
 * A regulation's `targetDate` is the date by which it must be enacted; its reminders (30, 7 and 1 days
 * before) can only fire before it. A date set, or changed, to a day before today in the document's
 * government's zone is refused; today itself is taken. A date already stored is not judged again (an edit
 * that sends it unchanged, or not at all): a draft whose target has passed since stays editable.
 * Why `targetDate` may not be stored, or null. `zone` names the zone in the message (WIB, WITA, WIT).
 */
export function targetDateRefusal(input: { targetDate: LocalDate | undefined; stored: LocalDate | undefined; today: LocalDate; zone: string }): string | null {
  const { targetDate, stored, today, zone } = input;
  if (targetDate === undefined || targetDate === stored || targetDate >= today) return null;
  return `targetDate ${targetDate} is before today (${today} in ${zone}): a regulation cannot be enacted by a date that has passed`;
}
