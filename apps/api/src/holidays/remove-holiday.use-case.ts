import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineRescheduler, lockCalendarExclusive } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { notFound } from '../common/errors/app.exception.js';
import type { HolidayChangeResult } from './add-holiday.use-case.js';
import { assertMayManageHolidays } from './holiday-permissions.js';
import { SELECT_HOLIDAY, toHolidayView, type HolidayView } from './holiday-view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    if (!UUID.test(id)) throw notFound('Holiday');
    return this.dataSource.transaction(async (tx) => {
      await lockCalendarExclusive(tx);
      const [row]: Array<HolidayView & { governmentId: string | null }> = await tx.query(
        `${SELECT_HOLIDAY} WHERE h.id = $1 AND (h.government_id IS NULL OR h.government_id = $2) FOR UPDATE OF h`,
        [id, user.governmentId],
      );
      if (!row) throw notFound('Holiday');
      assertMayManageHolidays(user, row.governmentCode);
      await tx.query(`DELETE FROM holidays WHERE id = $1`, [id]);
      const report = await this.rescheduler.afterHolidayChange(tx, { date: row.date, governmentId: row.governmentId }, new Date());
      return { ...toHolidayView(row), rescheduledDeadlines: report.rescheduled };
    });
  }
}
