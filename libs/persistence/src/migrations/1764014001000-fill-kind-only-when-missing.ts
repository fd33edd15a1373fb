import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transition's deadline insert names the document's kind; the trigger that fills it in for other
 * inserts now fires only when it is missing, instead of being called (and returning at once) for
 * every deadline (issue 16: one PL/pgSQL call per transition less).
 */
export class FillKindOnlyWhenMissing1764014001000 implements MigrationInterface {
  name = 'FillKindOnlyWhenMissing1764014001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_deadlines_fill_kind ON deadlines`);
    await q.query(`CREATE TRIGGER trg_deadlines_fill_kind BEFORE INSERT ON deadlines FOR EACH ROW WHEN (NEW.kind IS NULL) EXECUTE FUNCTION deadlines_fill_kind()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_deadlines_fill_kind ON deadlines`);
    await q.query(`CREATE TRIGGER trg_deadlines_fill_kind BEFORE INSERT ON deadlines FOR EACH ROW EXECUTE FUNCTION deadlines_fill_kind()`);
  }
}
