import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listHolidaysVisibleTo } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { toHolidayView, type HolidayView } from './holiday-view.js';

/** GET /api/holidays: the national holidays and the caller's government's own, by date; `?year=`. */
@Injectable()
export class ListHolidaysQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, year?: number): Promise<{ items: HolidayView[] }> {
    const rows = await listHolidaysVisibleTo(this.dataSource.manager, user.governmentId, year ?? null);
    return { items: rows.map(toHolidayView) };
  }
}
