import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { calendarInputsByGovernment, DigestRepository, missingNationalHolidayYearsOn, ReportsRepository, type DigestGovernment, type DigestRecipient } from '#persistence';
import { JobName, type WeeklyDigestPayload } from '#queue';
import {
  addDaysToLocalDate,
  digestTimeOf,
  entersNationalHolidays,
  managesNationalHolidays,
  slaStatusBounds,
  toLocalDateTime,
  weekdayOf,
  WorkingDayCalendar,
  workloadOf,
  type GovernmentLevel,
  type LocalDate,
  type ReportPerson,
  type Role,
  type WorkflowRegistry,
} from '#workflow';
import { isEarly, waitUntil } from '../jobs/early-job.util.js';
import type { JobContext } from '../jobs/job-handler.types.js';
import { OnJob } from '../jobs/on-job.decorator.js';
import { holidaysMissingDedupKey, weeklyDigestDedupKey } from '../notifications/dedup-keys.js';
import { NotificationWriter, type NotificationDraft } from '../notifications/notification.writer.js';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';
import { holidaysMissingText, weeklyDigestText } from './digest-text.js';

/**
 * The weekly digest of one government: to its Sekda (the whole government) and each Kepala OPD (their
 * unit), in-app and by e-mail: what is overdue, what waits on them, last week's throughput. Checked
 * against PostgreSQL: the government must exist, the week be a Monday whose digest time has come
 * (an early job waits), and the week not sent yet; the week is recorded in the transaction that
 * stores the notifications, whose keys are unique per person and week. With it, a province's ADMINs
 * are told when a year that should have its national holidays by that Monday has none.
 */
@Injectable()
export class WeeklyDigestHandler {
  private readonly logger = new Logger(WeeklyDigestHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly digests: DigestRepository,
    private readonly reports: ReportsRepository,
    private readonly writer: NotificationWriter,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  @OnJob(JobName.WeeklyDigest)
  async handle(data: WeeklyDigestPayload, context: JobContext): Promise<string> {
    const now = new Date();
    const government = await this.digests.government(data.governmentCode);
    if (!government) return this.drop(data, 'no such government');
    if (weekdayOf(data.week) !== 1) return this.drop(data, 'week is not a Monday');
    const today = toLocalDateTime(now, government.timeZone).date;
    const from = addDaysToLocalDate(data.week < today ? data.week : today, -1);
    const window = { from, to: addDaysToLocalDate(today > data.week ? today : data.week, 60) };
    const inputs = (await calendarInputsByGovernment(this.dataSource.manager, [government.id], window)).get(government.id)!;
    const calendar = new WorkingDayCalendar({ timeZone: government.timeZone, ...inputs });
    const at = digestTimeOf(calendar, data.week);
    if (isEarly(at, now)) return waitUntil(context, at);
    if ((await this.digests.sentWeeks([data.week])).has(`${government.id}|${data.week}`)) return 'sent already';

    const drafts = [...(await this.compose(government, data.week, calendar, now)), ...(await this.holidaysMissingNotices(government, data.week))];
    const stored = await this.dataSource.transaction(async (tx) => {
      if (!(await this.digests.markSent(tx, government.id, data.week, drafts.length))) return false;
      await this.writer.insert(tx, drafts);
      return true;
    });
    if (!stored) return 'sent already';
    await this.writer.requestEmails(drafts.map((d) => d.dedupKey));
    return `sent to ${drafts.length}`;
  }

  private async compose(government: DigestGovernment, digestWeek: string, calendar: WorkingDayCalendar, now: Date): Promise<NotificationDraft[]> {
    const bounds = slaStatusBounds(calendar, now);
    const place = { governmentIds: [government.id], unitIds: null, kind: null };
    const lastWeek = addDaysToLocalDate(digestWeek, -7);
    const [recipients, open, people, weekly, structure] = await Promise.all([
      this.digests.recipients(government.id),
      this.reports.openStages(place, bounds.now, bounds.dueSoonUntil),
      this.reports.people(government.id, now),
      this.reports.throughputByUnit(place, { from: lastWeek, to: lastWeek }),
      this.reports.governmentWithChildren(government.code),
    ]);
    const unitCode = new Map(structure?.government.units.map((u) => [u.id, u.code]) ?? []);
    const persons: ReportPerson[] = people.map((p) => ({ ...p, roles: p.roles as Role[], delegations: p.delegations.map((d) => ({ ...d, role: d.role as Role, revokedAt: null })) }));
    const counts = open.map((r) => ({ kind: r.kind, stage: r.stage, unitId: r.unitId, unitCode: unitCode.get(r.unitId) ?? r.unitId, open: r.onTime + r.dueSoon + r.overdue, overdue: r.overdue }));
    const workload = workloadOf(this.registry, government.code, persons, counts, now);
    const sum = <T>(rows: readonly T[], pick: (t: T) => number) => rows.reduce((n, t) => n + pick(t), 0);
    return recipients.map((r: DigestRecipient): NotificationDraft => {
      const wholeGovernment = r.roles.includes('SECRETARY');
      const inScope = (unitId: string) => wholeGovernment || unitId === r.unitId;
      const mine = workload.filter((w) => w.username === r.username);
      const scoped = counts.filter((c) => inScope(c.unitId));
      const lastWeekRows = weekly.filter((w) => inScope(w.unitId));
      const text = weeklyDigestText({
        name: r.name,
        scopeName: wholeGovernment ? government.name : r.unitName,
        open: sum(scoped, (c) => c.open),
        overdue: sum(scoped, (c) => c.overdue),
        waitingOnYou: sum(mine, (w) => w.open),
        waitingOnYouOverdue: sum(mine, (w) => w.overdue),
        lastWeek,
        started: sum(lastWeekRows, (w) => w.started),
        finished: sum(lastWeekRows, (w) => w.finished),
        at: now,
        timeZone: government.timeZone,
      });
      return { userId: r.userId, type: 'WEEKLY_DIGEST', documentKind: null, documentId: null, ...text, dedupKey: weeklyDigestDedupKey(government.code, digestWeek, r.username) };
    });
  }

  /** To each ADMIN who enters the national holidays, the years expected by the digest's Monday that have none. */
  private async holidaysMissingNotices(government: DigestGovernment, week: LocalDate): Promise<NotificationDraft[]> {
    const governmentLevel = government.level as GovernmentLevel;
    if (!entersNationalHolidays(governmentLevel)) return []; // a regency's or city's ADMINs are not asked every week
    const admins = (await this.digests.administrators(government.id)).filter((a) => managesNationalHolidays({ roles: a.roles, governmentLevel }));
    if (admins.length === 0) return [];
    const missing = await missingNationalHolidayYearsOn(this.dataSource.manager, week);
    if (missing.length === 0) return [];
    return admins.map((a): NotificationDraft => ({
      userId: a.userId,
      type: 'HOLIDAYS_MISSING',
      documentKind: null,
      documentId: null,
      ...holidaysMissingText(a.name, missing),
      dedupKey: holidaysMissingDedupKey(government.code, week, a.username),
    }));
  }

  private drop(data: WeeklyDigestPayload, why: string): string {
    this.logger.warn(`Weekly digest job ${data.governmentCode} ${data.week} dropped: ${why}`);
    return `dropped: ${why}`;
  }
}
