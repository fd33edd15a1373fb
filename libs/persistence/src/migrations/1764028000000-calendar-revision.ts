import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The time zone's trigger as this migration made it (1764030000000 replaces it, and restores it on the way down). */
export const GOVERNMENTS_ZONE_TRIGGER_V1 = `
      CREATE TRIGGER trg_governments_calendar_revision AFTER UPDATE OF time_zone ON governments
        FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_revision()`;

/**
 * A value that changes whenever a working-day calendar's inputs do (holidays, office hours, a government's time
 * zone), so that a process
 * may keep the calendars it read and ask only whether the value moved (`WorkingCalendarCache`). Statement
 * triggers change it, whoever writes: the API, a seed, an import or a person at psql. Random rather than
 * counted, so that a database restored from a backup never repeats a value a running process saw with other holidays.
 */
export class CalendarRevision1764028000000 implements MigrationInterface {
  name = 'CalendarRevision1764028000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_revision (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        revision uuid NOT NULL DEFAULT gen_random_uuid()
      )`);
    await q.query(`INSERT INTO calendar_revision DEFAULT VALUES`);
    await q.query(`
      CREATE FUNCTION bump_calendar_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE calendar_revision SET revision = gen_random_uuid();
        RETURN NULL;
      END $$`);
    for (const table of ['holidays', 'office_hours']) {
      await q.query(`
        CREATE TRIGGER trg_${table}_calendar_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_revision()`);
    }
    await q.query(GOVERNMENTS_ZONE_TRIGGER_V1);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['holidays', 'office_hours', 'governments']) await q.query(`DROP TRIGGER trg_${table}_calendar_revision ON ${table}`);
    await q.query(`DROP FUNCTION bump_calendar_revision()`);
    await q.query(`DROP TABLE calendar_revision`);
  }
}
