import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_OFFICE_HOURS, WEEKDAY_NAMES, type OfficeHours } from '#workflow';

/** One stored weekday: `opens`/`closes` as `HH:MM` (`24:00` possible for closes), null when closed. */
export interface OfficeHoursRow {
  weekday: number;
  opens: string | null;
  closes: string | null;
}

/** A government's own office hours as stored, or the national ASN hours when it has none. */
export interface StoredOfficeHours {
  officeHours: OfficeHours;
  /** true: no hours of its own, the national ASN hours apply */
  isDefault: boolean;
  updatedAt: Date | null;
  /** username */
  updatedBy: string | null;
}

/** The office_hours rows of a government as a JSON array, for a statement that reads them along with other things. */
export function officeHoursJsonSql(governmentIdParam: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('weekday', oh.weekday, 'opens', to_char(oh.opens, 'HH24:MI'), 'closes', to_char(oh.closes, 'HH24:MI'))), '[]')
             FROM office_hours oh WHERE oh.government_id = ${governmentIdParam})`;
}

/** Stored rows as a week: the national ASN hours when there are none. */
export function toOfficeHours(rows: readonly OfficeHoursRow[]): OfficeHours {
  if (rows.length === 0) return DEFAULT_OFFICE_HOURS;
  const byWeekday = new Map(rows.map((row) => [row.weekday, row]));
  return Object.fromEntries(
    WEEKDAY_NAMES.map((name, weekday) => {
      const row = byWeekday.get(weekday);
      return [name, row?.opens && row.closes ? { opens: row.opens, closes: row.closes } : null];
    }),
  ) as OfficeHours;
}

/** Owner of `office_hours`: reads and replaces a government's week. */
@Injectable()
export class OfficeHoursRepository {
  /** The government's office hours, with who last changed them. */
  async ofGovernment(manager: EntityManager, governmentId: string): Promise<StoredOfficeHours> {
    const rows: Array<OfficeHoursRow & { updatedAt: Date; updatedBy: string | null }> = await manager.query(
      `SELECT oh.weekday, to_char(oh.opens, 'HH24:MI') AS opens, to_char(oh.closes, 'HH24:MI') AS closes,
              oh.updated_at AS "updatedAt", u.username AS "updatedBy"
         FROM office_hours oh LEFT JOIN users u ON u.id = oh.updated_by
        WHERE oh.government_id = $1 ORDER BY oh.weekday`,
      [governmentId],
    );
    return {
      officeHours: toOfficeHours(rows),
      isDefault: rows.length === 0,
      updatedAt: rows[0]?.updatedAt ?? null,
      updatedBy: rows[0]?.updatedBy ?? null,
    };
  }

  /** Replaces the government's week with `hours` (all seven days), or with nothing (national hours) when null. */
  async replace(manager: EntityManager, governmentId: string, hours: OfficeHours | null, updatedBy: string, at: Date): Promise<void> {
    await manager.query(`DELETE FROM office_hours WHERE government_id = $1`, [governmentId]);
    if (hours === null) return;
    const days = WEEKDAY_NAMES.map((name, weekday) => ({ weekday, opens: hours[name]?.opens ?? null, closes: hours[name]?.closes ?? null }));
    await manager.query(
      `INSERT INTO office_hours (government_id, weekday, opens, closes, updated_by, updated_at)
       SELECT $1, d.weekday, d.opens::time, d.closes::time, $2, $3
         FROM jsonb_to_recordset($4::jsonb) AS d(weekday smallint, opens text, closes text)`,
      [governmentId, updatedBy, at, JSON.stringify(days)],
    );
  }
}
