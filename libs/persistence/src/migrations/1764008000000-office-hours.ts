import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A government's own office hours, one row per weekday (0 = Sunday, as `weekdayOf`): `opens` and
 * `closes` on its zone's wall clock, or both null when the office is closed that day. A government
 * with no rows keeps the national ASN hours; one with rows has all seven (written together).
 */
export class OfficeHours1764008000000 implements MigrationInterface {
  name = 'OfficeHours1764008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE office_hours (
        government_id uuid NOT NULL REFERENCES governments(id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        opens time,
        closes time,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        PRIMARY KEY (government_id, weekday),
        CONSTRAINT office_hours_open_or_closed CHECK ((opens IS NULL) = (closes IS NULL)),
        CONSTRAINT office_hours_opens_before_closes CHECK (opens < closes)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE office_hours`);
  }
}
