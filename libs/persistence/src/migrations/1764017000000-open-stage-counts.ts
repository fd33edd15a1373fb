import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The open deadlines counted per place and due day (UTC), from the deadlines themselves. */
const OPEN_STAGE_COUNTS_FROM_DEADLINES = `
  SELECT government_id, kind, stage, unit_id, (due_at AT TIME ZONE 'UTC')::date, count(*)
    FROM deadlines WHERE status = 'PENDING' GROUP BY 1, 2, 3, 4, 5`;

/**
 * Open stages per due day (issue 15, bench/RESULTS.md section 6): `open-by-sla` and `workload`
 * counted every open deadline of a government on each request (110,000 at a million documents,
 * twice for a province). `open_stage_counts` keeps how many deadlines are open per government,
 * kind, stage, unit and due day (the UTC date of `due_at`); a trigger on deadlines appends +1/-1
 * rows to `open_stage_deltas` when a deadline opens, closes, is cancelled or moves (a holiday or an
 * SLA change reschedules `due_at`), and `compact_open_stage_counts()` folds them (the worker, with
 * the other summaries), dropping days that reached zero. A report reads the days wholly before
 * `now`, between, and after `dueSoonUntil` from the counts and their unfolded deltas, and counts the
 * two days that hold the bounds deadline by deadline off `ix_deadlines_pending_government_due`,
 * which also gives the most overdue of a government in order.
 */
export class OpenStageCounts1764017000000 implements MigrationInterface {
  name = 'OpenStageCounts1764017000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE open_stage_counts (
        government_id uuid NOT NULL REFERENCES governments(id),
        kind text NOT NULL,
        stage text NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        due_date date NOT NULL, -- (due_at AT TIME ZONE 'UTC')::date
        count bigint NOT NULL,
        PRIMARY KEY (government_id, kind, stage, unit_id, due_date)
      )`);
    await q.query(`
      CREATE TABLE open_stage_deltas (
        government_id uuid NOT NULL, kind text NOT NULL, stage text NOT NULL, unit_id uuid NOT NULL, due_date date NOT NULL, count int NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_open_stage_deltas ON open_stage_deltas (government_id)`);
    await q.query(`
      CREATE FUNCTION deadlines_open_stage_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'PENDING' THEN
          INSERT INTO open_stage_deltas VALUES (OLD.government_id, OLD.kind, OLD.stage, OLD.unit_id, (OLD.due_at AT TIME ZONE 'UTC')::date, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'PENDING' THEN
          INSERT INTO open_stage_deltas VALUES (NEW.government_id, NEW.kind, NEW.stage, NEW.unit_id, (NEW.due_at AT TIME ZONE 'UTC')::date, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_deadlines_open_stage_insert_delete AFTER INSERT OR DELETE ON deadlines FOR EACH ROW EXECUTE FUNCTION deadlines_open_stage_delta()`);
    await q.query(`
      CREATE TRIGGER trg_deadlines_open_stage_update AFTER UPDATE ON deadlines FOR EACH ROW
      WHEN ((OLD.status = 'PENDING' OR NEW.status = 'PENDING')
        AND (OLD.status, OLD.due_at, OLD.government_id, OLD.kind, OLD.stage, OLD.unit_id) IS DISTINCT FROM (NEW.status, NEW.due_at, NEW.government_id, NEW.kind, NEW.stage, NEW.unit_id))
      EXECUTE FUNCTION deadlines_open_stage_delta()`);
    await q.query(`
      CREATE FUNCTION compact_open_stage_counts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE folded bigint; g uuid[]; k text[]; s text[]; u uuid[]; d date[];
      BEGIN
        WITH moved AS (DELETE FROM open_stage_deltas RETURNING *),
        summed AS (
          SELECT government_id, kind, stage, unit_id, due_date, sum(count) AS count, count(*) AS n FROM moved GROUP BY 1, 2, 3, 4, 5
        ),
        upserted AS (
          INSERT INTO open_stage_counts AS c SELECT government_id, kind, stage, unit_id, due_date, count FROM summed
          ON CONFLICT (government_id, kind, stage, unit_id, due_date) DO UPDATE SET count = c.count + EXCLUDED.count
          RETURNING c.government_id, c.kind, c.stage, c.unit_id, c.due_date, c.count
        )
        SELECT (SELECT coalesce(sum(n), 0) FROM summed), array_agg(government_id), array_agg(kind), array_agg(stage), array_agg(unit_id), array_agg(due_date)
          INTO folded, g, k, s, u, d FROM upserted WHERE count = 0;
        -- days whose deadlines all closed or moved are dropped, so the table holds open days only
        DELETE FROM open_stage_counts c USING unnest(g, k, s, u, d) AS z(government_id, kind, stage, unit_id, due_date)
         WHERE c.count = 0 AND (c.government_id, c.kind, c.stage, c.unit_id, c.due_date) = (z.government_id, z.kind, z.stage, z.unit_id, z.due_date);
        RETURN folded;
      END $$`);
    // every count again from the deadlines (this migration, and a bulk load with triggers off)
    await q.query(`
      CREATE FUNCTION rebuild_open_stage_counts() RETURNS bigint LANGUAGE sql AS $$
        DELETE FROM open_stage_deltas;
        DELETE FROM open_stage_counts;
        INSERT INTO open_stage_counts ${OPEN_STAGE_COUNTS_FROM_DEADLINES};
        SELECT count(*) FROM open_stage_counts;
      $$`);
    await q.query(`SELECT rebuild_open_stage_counts()`);
    await q.query(`CREATE INDEX ix_deadlines_pending_government_due ON deadlines (government_id, due_at) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_pending_government_due`);
    await q.query(`DROP TRIGGER trg_deadlines_open_stage_update ON deadlines`);
    await q.query(`DROP TRIGGER trg_deadlines_open_stage_insert_delete ON deadlines`);
    await q.query(`DROP FUNCTION rebuild_open_stage_counts()`);
    await q.query(`DROP FUNCTION compact_open_stage_counts()`);
    await q.query(`DROP FUNCTION deadlines_open_stage_delta()`);
    await q.query(`DROP TABLE open_stage_deltas`);
    await q.query(`DROP TABLE open_stage_counts`);
  }
}
