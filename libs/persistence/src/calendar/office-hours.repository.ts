import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_OFFICE_HOURS, WEEKDAY_NAMES, type OfficeHours } from '#workflow';

/** One stored weekday: `opens`/`closes` as `HH:MM` (`24:00` possible for closes), null when closed. */
export interface OfficeHoursRow {
  weekday: number;
  opens: string | null;
  closes: string | null;
}

/** A government's calendar settings as the office-hours endpoint shows them. */
export interface GovernmentOfficeHours {
  governmentId: string;
  governmentCode: string;
  /** The province of a regency or city; null for a province. */
  parentGovernmentId: string | null;
  timeZone: string;
  officeHours: OfficeHours;
  /** true: no hours of its own, the national ASN hours apply */
  isDefault: boolean;
  updatedAt: Date | null;
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
  /** The government with that code and its office hours, or null when there is none. */
  async ofGovernmentCode(manager: EntityManager, code: string): Promise<GovernmentOfficeHours | null> {
    const [row]: Array<Omit<GovernmentOfficeHours, 'officeHours' | 'isDefault'> & { rows: OfficeHoursRow[] }> = await manager.query(
      `SELECT g.id AS "governmentId", g.code AS "governmentCode", g.parent_id AS "parentGovernmentId", g.time_zone AS "timeZone",
              ${officeHoursJsonSql('g.id')} AS rows,
              (SELECT max(oh.updated_at) FROM office_hours oh WHERE oh.government_id = g.id) AS "updatedAt",
              (SELECT u.username FROM office_hours oh JOIN users u ON u.id = oh.updated_by
                WHERE oh.government_id = g.id ORDER BY oh.updated_at DESC LIMIT 1) AS "updatedBy"
         FROM governments g WHERE g.code = $1`,
      [code],
    );
    if (!row) return null;
    const { rows, ...government } = row;
    return { ...government, officeHours: toOfficeHours(rows), isDefault: rows.length === 0 };
  }

  /** Each government's office hours by id (the national ASN hours for those with none), in one query. */
  async byGovernment(manager: EntityManager, governmentIds: readonly string[]): Promise<Map<string, OfficeHours>> {
    const rows: Array<OfficeHoursRow & { governmentId: string }> = await manager.query(
      `SELECT government_id AS "governmentId", weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes
         FROM office_hours WHERE government_id = ANY($1::uuid[])`,
      [governmentIds],
    );
    return new Map(governmentIds.map((id) => [id, toOfficeHours(rows.filter((row) => row.governmentId === id))]));
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
