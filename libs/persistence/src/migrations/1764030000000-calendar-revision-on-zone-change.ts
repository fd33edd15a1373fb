import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GOVERNMENTS_ZONE_TRIGGER_V1 } from './1764028000000-calendar-revision.js';

/**
 * A government's time zone moves the calendar revision only when it changes. The statement trigger of
 * 1764028000000 fired on every UPDATE naming the column, and the API's edit of a government names it whatever
 * it changes: a new name, or an edit of nothing, made every process read its calendars again, and changed the
 * database for a request that changed nothing.
 */
export class CalendarRevisionOnZoneChange1764030000000 implements MigrationInterface {
  name = 'CalendarRevisionOnZoneChange1764030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_governments_calendar_revision ON governments`);
    await q.query(`
      CREATE TRIGGER trg_governments_calendar_revision AFTER UPDATE OF time_zone ON governments
        FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION bump_calendar_revision()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_governments_calendar_revision ON governments`);
    await q.query(GOVERNMENTS_ZONE_TRIGGER_V1);
  }
}
