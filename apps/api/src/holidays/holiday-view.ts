export interface HolidayView {
  id: string;
  date: string;
  name: string;
  /** null: national */
  governmentCode: string | null;
}

export function toHolidayView(row: HolidayView & { governmentId?: string | null }): HolidayView {
  return { id: row.id, date: row.date, name: row.name, governmentCode: row.governmentCode };
}
