import type { EntityManager } from 'typeorm';
import { NATIONAL_HOLIDAYS, REGIONAL_HOLIDAYS, type SeedHoliday } from './holiday-data.js';

/**
 * Seeds the holidays of holiday-data.ts, one year and scope (national, or one government) at a time,
 * and only while that year and scope has no holiday at all: a second run inserts nothing, and a
 * holiday an admin removed does not come back at the next start. Concurrent runs insert each row
 * once (unique per date and scope). Returns the number of rows inserted.
 */
export async function seedHolidays(manager: EntityManager): Promise<number> {
  let inserted = 0;
  for (const [year, holidays] of Object.entries(NATIONAL_HOLIDAYS)) {
    inserted += await seedHolidayYear(manager, null, Number(year), holidays);
  }
  for (const [code, years] of Object.entries(REGIONAL_HOLIDAYS)) {
    const [government] = await manager.query(`SELECT id FROM governments WHERE code = $1`, [code]);
    if (!government) continue;
    for (const [year, holidays] of Object.entries(years)) {
      inserted += await seedHolidayYear(manager, government.id as string, Number(year), holidays);
    }
  }
  return inserted;
}

/** `holidays` of one `year` and scope (`governmentId`, null: national), only while that year and scope has none; returns the rows inserted. */
export async function seedHolidayYear(manager: EntityManager, governmentId: string | null, year: number, holidays: readonly SeedHoliday[]): Promise<number> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO holidays (date, name, government_id)
     SELECT h.date::date, h.name, $2::uuid
       FROM jsonb_to_recordset($1::jsonb) AS h(date text, name text)
      WHERE NOT EXISTS (
              SELECT 1 FROM holidays x
               WHERE x.government_id IS NOT DISTINCT FROM $2::uuid
                 AND x.date BETWEEN make_date($3, 1, 1) AND make_date($3, 12, 31))
     ON CONFLICT DO NOTHING
     RETURNING 1`,
    [JSON.stringify(holidays.map(({ date, name }) => ({ date, name }))), governmentId, year],
  );
  return rows.length;
}
