import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listHolidaysVisibleTo, nationalHolidayYears } from '#persistence';
import { missingNationalHolidayYears, toLocalDateTime } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { toHolidayView, type HolidayView } from './holiday-view.js';

/**
 * GET /api/holidays: the national holidays and the caller's government's own, by date; `?year=`. With
 * them, the years that should have national holidays by now (in the caller's zone) and have none.
 */
@Injectable()
export class ListHolidaysQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, year?: number): Promise<{ items: HolidayView[]; missingNationalYears: number[] }> {
    const manager = this.dataSource.manager;
    const [rows, coverage] = await Promise.all([listHolidaysVisibleTo(manager, user.governmentId, year ?? null), nationalHolidayYears(manager, user.governmentId)]);
    const today = toLocalDateTime(new Date(), coverage.timeZone).date;
    return { items: rows.map(toHolidayView), missingNationalYears: missingNationalHolidayYears(today, coverage.years) };
  }
}
