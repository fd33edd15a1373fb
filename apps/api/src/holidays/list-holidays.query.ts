import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findGovernmentByCode, listHolidaysVisibleTo, missingNationalHolidayYearsOn } from '#persistence';
import { toLocalDateTime } from '#workflow';
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
    const [rows, missingNationalYears] = await Promise.all([listHolidaysVisibleTo(manager, user.governmentId, year ?? null), this.missingYears(manager, user)]);
    return { items: rows.map(toHolidayView), missingNationalYears };
  }

  private async missingYears(manager: EntityManager, user: AuthenticatedUser): Promise<number[]> {
    const government = await findGovernmentByCode(manager, user.governmentCode);
    if (!government) return [];
    return missingNationalHolidayYearsOn(manager, toLocalDateTime(new Date(), government.timeZone).date);
  }
}
