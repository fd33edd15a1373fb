import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineRescheduler, lockCalendarExclusive, OfficeHoursRepository, type StoredOfficeHours } from '#persistence';
import { sameOfficeHours, validateOfficeHours, type OfficeHours } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validationFailed } from '../common/errors/app.exception.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { GetOfficeHoursQuery } from './get-office-hours.query.js';
import { assertMayEditOfficeHours } from './office-hours-permissions.js';
import type { OfficeHoursView } from './office-hours-view.js';
import { UpdateOfficeHoursBody } from './office-hours.schemas.js';

export interface OfficeHoursChangeResult extends OfficeHoursView {
  /** pending working-day deadlines of the government whose due time, reminder, escalations or explanation changed */
  rescheduledDeadlines: number;
}

/**
 * PUT /api/governments/:code/office-hours: checks in api.md's order (a government the caller cannot
 * see 404, a malformed body 400 naming every field, not its ADMIN nor its province's 403). In one
 * transaction, under the calendar lock: the new week, then every pending working-day deadline of that
 * government recomputed (new times, generation + 1, an outbox row each), as a holiday change does.
 * The week already held changes nothing: not its updated stamps, not a deadline.
 */
@Injectable()
export class UpdateOfficeHoursUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly officeHours: OfficeHoursRepository,
    private readonly rescheduler: DeadlineRescheduler,
    private readonly query: GetOfficeHoursQuery,
  ) {}

  async execute(user: AuthenticatedUser, code: string, body: unknown): Promise<OfficeHoursChangeResult> {
    const government = await this.query.visibleGovernment(this.dataSource.manager, user, code);
    const days = parseBody(body);
    assertMayEditOfficeHours(user, government);
    return this.dataSource.transaction(async (tx) => {
      await lockCalendarExclusive(tx);
      if (isHeld(await this.officeHours.ofGovernment(tx, government.id), days)) {
        return { ...(await this.query.execute(user, code, tx)), rescheduledDeadlines: 0 };
      }
      const now = new Date();
      await this.officeHours.replace(tx, government.id, days, user.id, now);
      const report = await this.rescheduler.afterOfficeHoursChange(tx, government.id, now);
      return { ...(await this.query.execute(user, code, tx)), rescheduledDeadlines: report.rescheduled };
    });
  }
}

/** Whether `days` is what the government holds: the national hours it falls back on (null), or the same week of its own. */
function isHeld(stored: StoredOfficeHours, days: OfficeHours | null): boolean {
  return days === null ? stored.isDefault : !stored.isDefault && sameOfficeHours(stored.officeHours, days);
}

/** `{days: {...}}` (all seven weekdays) or `{days: null}`: the schema's shape, then the week's own rules (validateOfficeHours); 400 otherwise. */
function parseBody(body: unknown): OfficeHours | null {
  const { days } = parseWith(UpdateOfficeHoursBody, body);
  if (days === null) return null;
  const problems = validateOfficeHours(days).map((issue) => `${issue.field === 'days' ? 'days' : `days.${issue.field}`} ${issue.message}`);
  if (problems.length > 0) throw validationFailed(problems.join('; '), { fields: problems });
  return days as unknown as OfficeHours;
}
