import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineRescheduler, lockCalendarExclusive, OfficeHoursRepository } from '#persistence';
import { validateOfficeHours, type OfficeHours } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { validationFailed } from '../common/errors/app.exception.js';
import { findUnstorableString } from '../common/validation/validate-dto.util.js';
import { GetOfficeHoursQuery } from './get-office-hours.query.js';
import { assertMayEditOfficeHours } from './office-hours-permissions.js';
import type { OfficeHoursView } from './office-hours-view.js';

export interface OfficeHoursChangeResult extends OfficeHoursView {
  /** pending working-day deadlines of the government whose due time, reminder, escalations or explanation changed */
  rescheduledDeadlines: number;
}

/**
 * PUT /api/governments/:code/office-hours: checks in api.md's order (a government the caller cannot
 * see 404, a malformed body 400 naming every field, not its ADMIN nor its province's 403). In one
 * transaction, under the calendar lock: the new week, then every pending working-day deadline of that
 * government recomputed (new times, generation + 1, an outbox row each), as a holiday change does.
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
      const now = new Date();
      await this.officeHours.replace(tx, government.id, days, user.id, now);
      const report = await this.rescheduler.afterOfficeHoursChange(tx, government.id, now);
      return { ...(await this.query.execute(user, code, tx)), rescheduledDeadlines: report.rescheduled };
    });
  }
}

/** `{days: {...}}` (all seven weekdays) or `{days: null}`; 400 listing every problem otherwise. */
function parseBody(body: unknown): OfficeHours | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationFailed('body must be a JSON object {"days": {...}}', { fields: ['body'] });
  const unstorable = findUnstorableString(body);
  if (unstorable !== null) throw validationFailed(`${unstorable} contains a NUL character or a broken Unicode surrogate`, { fields: [unstorable] });
  const { days, ...rest } = body as Record<string, unknown>;
  const problems = Object.keys(rest).map((field) => `${field}: is not a field of office hours (days)`);
  if (days === undefined) problems.push('days: is required: monday ... sunday, or null for the national ASN hours');
  else if (days !== null) {
    problems.push(...validateOfficeHours(days).map((issue) => `${issue.field === 'days' ? 'days' : `days.${issue.field}`}: ${issue.message}`));
  }
  if (problems.length > 0) throw validationFailed(problems.join('; '), { fields: problems });
  return (days as OfficeHours | null) ?? null;
}
