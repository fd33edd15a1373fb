import { Injectable } from '@nestjs/common';
import { DeadlineRescheduler, insertHoliday, lockCalendarExclusive } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppException } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import type { Static } from 'typebox';
import type { CreateHolidayBody } from './holiday.schemas.js';
import { assertMayManageHolidays } from './holiday-permissions.js';
import type { HolidayView } from './holiday-view.js';

export interface HolidayChangeResult extends HolidayView {
  /** pending working-day deadlines whose due date, reminder, escalations or explanation changed */
  rescheduledDeadlines: number;
}

/**
 * POST /api/holidays: permission (403) before the duplicate check (409), so a caller who may not
 * manage a calendar learns nothing about it. In one transaction, under the calendar lock: the row,
 * then every pending working-day deadline it moves (new times, generation + 1, an outbox row each).
 */
@Injectable()
export class AddHolidayUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly rescheduler: DeadlineRescheduler,
  ) {}

  async execute(user: AuthenticatedUser, dto: Static<typeof CreateHolidayBody>, idempotencyKey?: string): Promise<StoredResponse> {
    assertMayManageHolidays(user, dto.governmentCode);
    const governmentId = dto.governmentCode === null ? null : user.governmentId;
    const name = dto.name.trim();
    return this.idempotency.inTransaction(user.id, idempotencyKey, { holiday: dto }, 201, async (tx): Promise<HolidayChangeResult> => {
      await lockCalendarExclusive(tx);
      const row = await insertHoliday(tx, { date: dto.date, name, governmentId, createdBy: user.id });
      if (!row) {
        const scope = dto.governmentCode === null ? 'a national holiday' : `a holiday of ${dto.governmentCode}`;
        throw new AppException(ErrorCode.CONFLICT, `There is already ${scope} on ${dto.date}`);
      }
      const report = await this.rescheduler.afterHolidayChange(tx, { date: dto.date, governmentId }, new Date());
      return { id: row.id, date: dto.date, name, governmentCode: dto.governmentCode, rescheduledDeadlines: report.rescheduled };
    });
  }
}
