import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared-query.util.js';
import { addDaysToLocalDate, holidayYearsExpected, missingNationalHolidayYears, parseIsoDuration, type Holiday, type LocalDate, type SlaPolicy } from '#workflow';

/** A holiday row as the API shows it. */
export interface HolidayRow {
  id: string;
  date: LocalDate;
  name: string;
  /** null: national */
  governmentId: string | null;
  governmentCode: string | null;
}

/** A date span, both ends inclusive. */
export interface DateWindow {
  from: LocalDate;
  to: LocalDate;
}

/** Room for a year of holidays on top of the SLA itself. */
const WINDOW_MARGIN_DAYS = 366;

/**
 * The holiday dates a deadline entered at `enteredAt` under `policy` can depend on: from the day
 * before the entry (UTC date minus one covers every zone's local date) to well past the last
 * escalation. The span grows with the SLA: its working days (due, then escalations) times 7/5 for
 * weekends, plus a year for the holidays inside it. So even a P200D stage sees every holiday it
 * skips, while a three-day stage reads about one year of rows.
 */
export function holidayWindow(enteredAt: Date, policy: SlaPolicy): DateWindow {
  const days = (iso: string): number => {
    const d = parseIsoDuration(iso);
    return d.weeks * 7 + d.days + (d.hours || d.minutes || d.seconds ? 1 : 0);
  };
  const span =
    days(policy.duration) + days(policy.escalateAfter) + days(policy.escalateEvery) * Math.max(0, policy.maxEscalations - 1);
  const from = addDaysToLocalDate(enteredAt.toISOString().slice(0, 10), -1);
  return { from, to: addDaysToLocalDate(from, Math.ceil((span * 7) / 5) + 2 + WINDOW_MARGIN_DAYS) };
}

/** The smallest window covering all of them. */
export function unionWindow(windows: readonly DateWindow[]): DateWindow | null {
  if (windows.length === 0) return null;
  return windows.reduce((a, b) => ({ from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to }));
}

/**
 * SQL: the national holidays and the government's own dated between two parameters, as a JSON array of
 * calendar input (`Holiday`) in date order, for statements that read a calendar along with other rows.
 */
export function holidaysJsonSql(governmentId: string, from: string, to: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('date', to_char(h.date, 'YYYY-MM-DD'), 'name', h.name) ORDER BY h.date, h.name), '[]')
             FROM holidays h WHERE (h.government_id IS NULL OR h.government_id = ${governmentId}) AND h.date BETWEEN ${from}::date AND ${to}::date)`;
}

/** National holidays and the government's own, dated inside `window`, in date order. */
export async function holidaysOfGovernment(manager: EntityManager, governmentId: string, window: DateWindow): Promise<Holiday[]> {
  const [row] = await queryPrepared<{ holidays: Holiday[] }>(manager, `SELECT ${holidaysJsonSql('$1::uuid', '$2', '$3')} AS holidays`, [governmentId, window.from, window.to]);
  return row.holidays;
}

const SELECT_HOLIDAY_ROW = `
  SELECT h.id, to_char(h.date, 'YYYY-MM-DD') AS date, h.name, h.government_id AS "governmentId", g.code AS "governmentCode"
    FROM holidays h
    LEFT JOIN governments g ON g.id = h.government_id`;

/** The national holidays and the government's own, by date (national first on a date); of one year when given. */
export async function listHolidaysVisibleTo(manager: EntityManager, governmentId: string, year: number | null): Promise<HolidayRow[]> {
  return manager.query(
    `${SELECT_HOLIDAY_ROW}
      WHERE (h.government_id IS NULL OR h.government_id = $1)
        AND ($2::int IS NULL OR h.date BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31))
      ORDER BY h.date, h.government_id NULLS FIRST, h.name`,
    [governmentId, year],
  );
}

/** The years expected to have national holidays on `today` (`holidayYearsExpected`) that have none. */
export async function missingNationalHolidayYearsOn(manager: EntityManager, today: LocalDate): Promise<number[]> {
  return missingNationalHolidayYears(today, await nationalHolidayYearsAmong(manager, holidayYearsExpected(today)));
}

/** Those of `years` with at least one national holiday. */
export async function nationalHolidayYearsAmong(manager: EntityManager, years: readonly number[]): Promise<number[]> {
  const rows: Array<{ year: number }> = await manager.query(
    `SELECT y AS year FROM unnest($1::int[]) AS y
      WHERE EXISTS (SELECT 1 FROM holidays h WHERE h.government_id IS NULL AND h.date BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31))
      ORDER BY y`,
    [years],
  );
  return rows.map((r) => r.year);
}

/** A national holiday or one of the government's own, locked for removal; null when it sees none with that id. */
export async function lockHolidayVisibleTo(manager: EntityManager, id: string, governmentId: string): Promise<HolidayRow | null> {
  const rows: HolidayRow[] = await manager.query(
    `${SELECT_HOLIDAY_ROW} WHERE h.id = $1 AND (h.government_id IS NULL OR h.government_id = $2) FOR UPDATE OF h`,
    [id, governmentId],
  );
  return rows[0] ?? null;
}

/** Inserts a holiday (governmentId null: national); null when that calendar already has one on the date. */
export async function insertHoliday(
  manager: EntityManager,
  holiday: { date: LocalDate; name: string; governmentId: string | null; createdBy: string },
): Promise<{ id: string } | null> {
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO holidays (date, name, government_id, created_by) VALUES ($1::date, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING id`,
    [holiday.date, holiday.name, holiday.governmentId, holiday.createdBy],
  );
  return row ?? null;
}

export async function deleteHoliday(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`DELETE FROM holidays WHERE id = $1`, [id]);
}
