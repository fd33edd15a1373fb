import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { calendarInputsByGovernment, DigestRepository } from '#persistence';
import { JobName, type JobToAdd } from '#queue';
import { addDaysToLocalDate, digestToSchedule, isoWeekStartOf, WorkingDayCalendar } from '#workflow';

/**
 * The digest job each government should have in Redis at `now`: this week's until PostgreSQL says it
 * went out, then next week's, delayed to Monday 07:00 local (or the next working day, by the government's
 * holidays and office hours; every government's calendar in one query). The
 * reconciler adds what Redis lacks, so a lost job is made again and one job exists per government
 * and week (deterministic ids) however many workers run.
 */
@Injectable()
export class DigestSchedule {
  constructor(
    private readonly dataSource: DataSource,
    private readonly digests: DigestRepository,
  ) {}

  async wanted(now: Date): Promise<JobToAdd[]> {
    const governments = await this.digests.governments();
    if (governments.length === 0) return [];
    const mondays = [...new Set(governments.map((g) => isoWeekStartOf(now, g.timeZone)))].sort();
    const [sent, calendars] = await Promise.all([
      this.digests.sentWeeks(mondays),
      calendarInputsByGovernment(
        this.dataSource.manager,
        governments.map((g) => g.id),
        { from: addDaysToLocalDate(mondays[0]!, -1), to: addDaysToLocalDate(mondays[mondays.length - 1]!, 30) },
      ),
    ]);
    return governments.map((g): JobToAdd => {
      const monday = isoWeekStartOf(now, g.timeZone);
      const { week, at } = digestToSchedule(new WorkingDayCalendar({ timeZone: g.timeZone, ...calendars.get(g.id)! }), now, sent.has(`${g.id}|${monday}`));
      return { item: { name: JobName.WeeklyDigest, data: { governmentCode: g.code, week } }, at };
    });
  }
}
