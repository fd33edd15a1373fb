import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { SELECT_HOLIDAY, toHolidayView, type HolidayView } from './holiday-view.js';

/** GET /api/holidays: the national holidays and the caller's government's own, by date; `?year=`. */
@Injectable()
export class ListHolidaysQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, year?: number): Promise<{ items: HolidayView[] }> {
    const rows: HolidayView[] = await this.dataSource.query(
      `${SELECT_HOLIDAY}
        WHERE (h.government_id IS NULL OR h.government_id = $1)
          AND ($2::int IS NULL OR h.date BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31))
        ORDER BY h.date, h.government_id NULLS FIRST, h.name`,
      [user.governmentId, year ?? null],
    );
    return { items: rows.map(toHolidayView) };
  }
}
