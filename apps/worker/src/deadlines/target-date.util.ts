import { startOfLocalDay, targetDateReminders } from '#workflow';

export interface TargetDateSubject {
  targetDate: string;
  timeZone: string;
  createdAt: Date;
  /** days_before of the reminders that have fired for this targetDate. */
  fired: ReadonlySet<number>;
}

export interface DueTargetReminder {
  daysBefore: number;
  at: Date;
}

/**
 * The targetDate reminders (30, 7, 1 days before, 08:00 local) to have a job for now: those not
 * fired whose time is between now and `horizon`, and, when some are overdue (the worker was down),
 * only the latest one of those, if the regulation existed at its time and the target date has not
 * come: nobody wants a "30 days left" notice 10 days before the date.
 */
export function targetRemindersToSchedule(subject: TargetDateSubject, now: Date, horizon: Date): DueTargetReminder[] {
  if (now.getTime() >= startOfLocalDay(subject.targetDate, subject.timeZone).getTime()) return [];
  const all = targetDateReminders(subject.targetDate, subject.timeZone, new Date(0));
  const past = all.filter((r) => r.at.getTime() <= now.getTime());
  const latestPast = past.at(-1);
  const out: DueTargetReminder[] = [];
  for (const reminder of all) {
    if (subject.fired.has(reminder.daysBefore)) continue;
    if (reminder.at.getTime() > now.getTime()) {
      if (reminder.at.getTime() <= horizon.getTime()) out.push(reminder);
    } else if (reminder === latestPast && reminder.at.getTime() >= subject.createdAt.getTime()) {
      out.push(reminder);
    }
  }
  return out;
}
