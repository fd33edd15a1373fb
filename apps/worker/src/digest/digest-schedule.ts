import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DigestRepository, holidaysOfGovernment } from '#persistence';
import { JobName, type JobToAdd } from '#queue';
import { addDaysToLocalDate, digestToSchedule, isoWeekStartOf, WorkingDayCalendar } from '#workflow';

/**
 * The digest job each government should have in Redis at `now`: this week's until PostgreSQL says it
 * went out, then next week's, delayed to Monday 07:00 local (or the next working day). The
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
    const mondays = [...new Set(governments.map((g) => isoWeekStartOf(now, g.timeZone)))];
    const sent = await this.digests.sentWeeks(mondays);
    const jobs: JobToAdd[] = [];
    for (const g of governments) {
      const monday = isoWeekStartOf(now, g.timeZone);
      const holidays = await holidaysOfGovernment(this.dataSource.manager, g.id, { from: addDaysToLocalDate(monday, -1), to: addDaysToLocalDate(monday, 30) });
      const { week, at } = digestToSchedule(new WorkingDayCalendar({ timeZone: g.timeZone, holidays }), now, sent.has(`${g.id}|${monday}`));
      jobs.push({ item: { name: JobName.WeeklyDigest, data: { governmentCode: g.code, week } }, at });
    }
    return jobs;
  }
}
