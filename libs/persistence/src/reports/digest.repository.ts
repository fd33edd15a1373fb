import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LocalDate } from '#workflow';

export interface DigestGovernment {
  id: string;
  code: string;
  name: string;
  level: string;
  timeZone: string;
}

/** An active ADMIN of a government. */
export interface DigestAdministrator {
  userId: string;
  username: string;
  name: string;
  roles: string[];
}

/** Someone who receives the digest: a Sekda (SECRETARY) or a Kepala OPD (UNIT_HEAD). */
export interface DigestRecipient {
  userId: string;
  username: string;
  name: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  roles: string[];
}

/** The weekly digest's bookkeeping: which government's week has gone out, and to whom it goes. */
@Injectable()
export class DigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async governments(): Promise<DigestGovernment[]> {
    return this.dataSource.query(`SELECT id, code, name, level, time_zone AS "timeZone" FROM governments ORDER BY code`);
  }

  async government(code: string): Promise<DigestGovernment | null> {
    const rows: DigestGovernment[] = await this.dataSource.query(`SELECT id, code, name, level, time_zone AS "timeZone" FROM governments WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** The weeks (Mondays) among `weeks` whose digest each government has sent, as `governmentId|week`. */
  async sentWeeks(weeks: readonly LocalDate[]): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await this.dataSource.query(
      `SELECT government_id || '|' || to_char(week, 'YYYY-MM-DD') AS key FROM weekly_digests WHERE week = ANY($1::date[])`,
      [weeks],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Records the week as sent, in the transaction that stores its notifications; false when it already was. */
  async markSent(manager: EntityManager, governmentId: string, week: LocalDate, recipients: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO weekly_digests (government_id, week, recipients) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [governmentId, week, recipients],
    );
    return rows.length === 1;
  }

  /** The active Sekda and Kepala OPD of the government. */
  async recipients(governmentId: string): Promise<DigestRecipient[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.username, u.name, un.id AS "unitId", un.code AS "unitCode", un.name AS "unitName", u.roles
         FROM users u JOIN units un ON un.id = u.unit_id
        WHERE u.government_id = $1 AND u.active AND u.roles && ARRAY['SECRETARY', 'UNIT_HEAD']::text[]
        ORDER BY u.username`,
      [governmentId],
    );
  }

  /** The active ADMINs of the government. */
  async administrators(governmentId: string): Promise<DigestAdministrator[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.username, u.name, u.roles FROM users u WHERE u.government_id = $1 AND u.active AND 'ADMIN' = ANY(u.roles) ORDER BY u.username`,
      [governmentId],
    );
  }
}
