import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineRescheduler, deleteHoliday, lockCalendarExclusive, lockHolidayVisibleTo } from '#persistence';
import { isUuid } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { notFound } from '../common/errors/app.exception.js';
import type { HolidayChangeResult } from './add-holiday.use-case.js';
import { assertMayManageHolidays } from './holiday-permissions.js';
import { toHolidayView } from './holiday-view.js';

/**
 * DELETE /api/holidays/:id: a holiday the caller cannot see (another government's, or no such id)
 * is 404; one they may not manage 403. Removal and recomputation share one transaction, as adding.
 */
@Injectable()
export class RemoveHolidayUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rescheduler: DeadlineRescheduler,
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<HolidayChangeResult> {
    if (!isUuid(id)) throw notFound('Holiday');
    return this.dataSource.transaction(async (tx) => {
      await lockCalendarExclusive(tx);
      const row = await lockHolidayVisibleTo(tx, id, user.governmentId);
      if (!row) throw notFound('Holiday');
      assertMayManageHolidays(user, row.governmentCode);
      await deleteHoliday(tx, id);
      const report = await this.rescheduler.afterHolidayChange(tx, { date: row.date, governmentId: row.governmentId }, new Date());
      return { ...toHolidayView(row), rescheduledDeadlines: report.rescheduled };
    });
  }
}
