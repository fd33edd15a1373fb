export interface HolidayView {
  id: string;
  date: string;
  name: string;
  /** null: national */
  governmentCode: string | null;
}

/** Columns of a holiday row as HolidayView (plus the government id for permission checks). */
export const SELECT_HOLIDAY = `
  SELECT h.id, to_char(h.date, 'YYYY-MM-DD') AS date, h.name, h.government_id AS "governmentId", g.code AS "governmentCode"
    FROM holidays h
    LEFT JOIN governments g ON g.id = h.government_id`;

export function toHolidayView(row: HolidayView & { governmentId?: string | null }): HolidayView {
  return { id: row.id, date: row.date, name: row.name, governmentCode: row.governmentCode };
}
