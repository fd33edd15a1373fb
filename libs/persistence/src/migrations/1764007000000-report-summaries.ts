import type { MigrationInterface, QueryRunner } from 'typeorm';

/** This migration's stage-time grid (a later migration makes it coarser; its down() puts this back). */
export const STAGE_TIME_BUCKET_V1 = `stage_time_bucket(seconds bigint) RETURNS int LANGUAGE sql IMMUTABLE AS $$
        SELECT (CASE WHEN s < 86400 THEN s - s % 900 WHEN s < 20 * 86400 THEN s - s % 3600 ELSE s - s % 86400 END)::int
          FROM (SELECT greatest(seconds, 0) AS s) x
      $$`;

/** This migration's weekly-throughput trigger on documents (a later migration folds it into one; its down() puts this back). */
/** The throughput row of a document's `event` (STARTED or FINISHED), PL/pgSQL with the variables `event` and `tz` (text). */
export const THROUGHPUT_DELTA_ROW = `
        SELECT g.time_zone INTO tz FROM governments g WHERE g.id = NEW.government_id;
        INSERT INTO throughput_deltas VALUES (
          NEW.government_id, date_trunc('week', NEW.updated_at AT TIME ZONE tz)::date, NEW.kind, NEW.unit_id,
          CASE WHEN event = 'STARTED' THEN 1 ELSE 0 END, CASE WHEN event = 'FINISHED' THEN 1 ELSE 0 END);`;
export const DOCUMENTS_THROUGHPUT_DELTA_V1 = `
      CREATE FUNCTION documents_throughput_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE event text := throughput_event(OLD.state, OLD.final, NEW.state, NEW.final); tz text;
      BEGIN
        IF event IS NULL THEN RETURN NULL; END IF;${THROUGHPUT_DELTA_ROW}
        RETURN NULL;
      END $$`;
export const DOCUMENTS_THROUGHPUT_TRIGGER_V1 = `
      CREATE TRIGGER trg_documents_throughput AFTER UPDATE OF state, final ON documents FOR EACH ROW
      WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.final IS DISTINCT FROM NEW.final)
      EXECUTE FUNCTION documents_throughput_delta()`;

/** This migration's fold of the deltas (a later migration extends it; its down() puts this back). */
export const COMPACT_REPORT_SUMMARIES_V1 = `compact_report_summaries() RETURNS bigint LANGUAGE sql AS $$
        WITH st AS (DELETE FROM stage_time_deltas RETURNING *),
        st_sum AS (
          SELECT government_id, month, kind, stage, unit_id, bucket, sum(count) AS count, sum(within_sla) AS within_sla, count(*) AS n
            FROM st GROUP BY 1, 2, 3, 4, 5, 6
        ),
        st_fold AS (
          INSERT INTO stage_time_counts AS c SELECT government_id, month, kind, stage, unit_id, bucket, count, within_sla FROM st_sum
          ON CONFLICT (government_id, month, kind, stage, unit_id, bucket)
          DO UPDATE SET count = c.count + EXCLUDED.count, within_sla = c.within_sla + EXCLUDED.within_sla
        ),
        tp AS (DELETE FROM throughput_deltas RETURNING *),
        tp_sum AS (
          SELECT government_id, week, kind, unit_id, sum(started) AS started, sum(finished) AS finished, count(*) AS n FROM tp GROUP BY 1, 2, 3, 4
        ),
        tp_fold AS (
          INSERT INTO throughput_counts AS c SELECT government_id, week, kind, unit_id, started, finished FROM tp_sum
          ON CONFLICT (government_id, week, kind, unit_id)
          DO UPDATE SET started = c.started + EXCLUDED.started, finished = c.finished + EXCLUDED.finished
        )
        SELECT (SELECT coalesce(sum(n), 0) FROM st_sum)::bigint + (SELECT coalesce(sum(n), 0) FROM tp_sum)::bigint
      $$`;

/**
 * Summaries behind the reports (issue 15), kept up to date by triggers so a report reads a few
 * hundred rows whatever the number of documents:
 * - `stage_time_counts`: stages left, per government, unit, kind, stage, month (in the government's
 *   zone) and working duration rounded to `stage_time_bucket`, with how many were left within their
 *   deadline. Working time is `working_seconds_between`, the SQL twin of #workflow's
 *   `workingMillisBetween` (holidays as they stood when the stage was left).
 * - `throughput_counts`: documents started and finished per ISO week (Monday, government's zone).
 * Like the document counts, triggers append deltas (no hot row for concurrent transitions) and the
 * worker folds them (`compact_report_summaries()`); a report reads both.
 */
export class ReportSummaries1764007000000 implements MigrationInterface {
  name = 'ReportSummaries1764007000000';

  async up(q: QueryRunner): Promise<void> {
    // A deadline carries its document's kind (filled on insert), so open stages are counted per kind
    // off one index without reading the documents.
    await q.query(`ALTER TABLE deadlines ADD COLUMN kind text`);
    await q.query(`UPDATE deadlines dl SET kind = d.kind FROM documents d WHERE d.id = dl.document_id`);
    await q.query(`ALTER TABLE deadlines ALTER COLUMN kind SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION deadlines_fill_kind() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind IS NULL THEN SELECT d.kind INTO NEW.kind FROM documents d WHERE d.id = NEW.document_id; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trg_deadlines_fill_kind BEFORE INSERT ON deadlines FOR EACH ROW EXECUTE FUNCTION deadlines_fill_kind()`);
    await q.query(`CREATE INDEX ix_deadlines_open_report ON deadlines (government_id, kind, stage, unit_id, due_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE FUNCTION working_seconds_between(t0 timestamptz, t1 timestamptz, tz text, gov uuid) RETURNS bigint
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(floor(sum(extract(epoch FROM
                 least(t1, (day + 1)::timestamp AT TIME ZONE tz) - greatest(t0, day::timestamp AT TIME ZONE tz))))::bigint, 0)
          FROM (SELECT g::date AS day FROM generate_series((t0 AT TIME ZONE tz)::date, (t1 AT TIME ZONE tz)::date, interval '1 day') g) days
         WHERE t1 > t0 AND extract(isodow FROM day) < 6
           AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = days.day AND (h.government_id IS NULL OR h.government_id = gov))
      $$`);
    await q.query(`CREATE FUNCTION ${STAGE_TIME_BUCKET_V1}`);
    await q.query(`
      CREATE FUNCTION throughput_event(from_state text, from_final boolean, to_state text, to_final boolean) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN from_state = to_state AND from_final = to_final THEN NULL
          WHEN from_state = 'draft' AND NOT to_final THEN 'STARTED'
          WHEN NOT from_final AND to_final AND from_state <> 'draft' THEN 'FINISHED'
        END
      $$`);

    await q.query(`
      CREATE TABLE stage_time_counts (
        government_id uuid NOT NULL REFERENCES governments(id),
        month date NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        bucket int NOT NULL, -- working seconds, rounded down by stage_time_bucket
        count bigint NOT NULL,
        within_sla bigint NOT NULL,
        PRIMARY KEY (government_id, month, kind, stage, unit_id, bucket)
      )`);
    await q.query(`
      CREATE TABLE stage_time_deltas (
        government_id uuid NOT NULL, month date NOT NULL, kind text NOT NULL, stage text NOT NULL,
        unit_id uuid NOT NULL, bucket int NOT NULL, count int NOT NULL, within_sla int NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_stage_time_deltas ON stage_time_deltas (government_id, month)`);
    await q.query(`
      CREATE TABLE throughput_counts (
        government_id uuid NOT NULL REFERENCES governments(id),
        week date NOT NULL, -- the Monday
        kind text NOT NULL,
        unit_id uuid NOT NULL REFERENCES units(id),
        started bigint NOT NULL,
        finished bigint NOT NULL,
        PRIMARY KEY (government_id, week, kind, unit_id)
      )`);
    await q.query(`
      CREATE TABLE throughput_deltas (
        government_id uuid NOT NULL, week date NOT NULL, kind text NOT NULL, unit_id uuid NOT NULL, started int NOT NULL, finished int NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_throughput_deltas ON throughput_deltas (government_id, week)`);

    await q.query(`
      CREATE FUNCTION deadlines_stage_time_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE tz text;
      BEGIN
        SELECT g.time_zone INTO tz FROM governments g WHERE g.id = NEW.government_id;
        INSERT INTO stage_time_deltas VALUES (
          NEW.government_id, date_trunc('month', NEW.closed_at AT TIME ZONE tz)::date, NEW.kind, NEW.stage, NEW.unit_id,
          stage_time_bucket(working_seconds_between(NEW.entered_at, NEW.closed_at, tz, NEW.government_id)), 1,
          CASE WHEN NEW.closed_at <= NEW.due_at THEN 1 ELSE 0 END);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_deadlines_stage_time AFTER UPDATE OF status ON deadlines FOR EACH ROW
      WHEN (OLD.status = 'PENDING' AND NEW.status = 'DONE' AND NEW.closed_at IS NOT NULL)
      EXECUTE FUNCTION deadlines_stage_time_delta()`);
    await q.query(DOCUMENTS_THROUGHPUT_DELTA_V1);
    await q.query(DOCUMENTS_THROUGHPUT_TRIGGER_V1);

    await q.query(`CREATE FUNCTION ${COMPACT_REPORT_SUMMARIES_V1}`);

    // what happened before this migration
    await q.query(`
      INSERT INTO stage_time_deltas
      SELECT dl.government_id, date_trunc('month', dl.closed_at AT TIME ZONE g.time_zone)::date, d.kind, dl.stage, dl.unit_id,
             stage_time_bucket(working_seconds_between(dl.entered_at, dl.closed_at, g.time_zone, dl.government_id)), 1,
             CASE WHEN dl.closed_at <= dl.due_at THEN 1 ELSE 0 END
        FROM deadlines dl JOIN documents d ON d.id = dl.document_id JOIN governments g ON g.id = dl.government_id
       WHERE dl.status = 'DONE' AND dl.closed_at IS NOT NULL`);
    await q.query(`
      INSERT INTO throughput_deltas
      SELECT d.government_id, date_trunc('week', h.at AT TIME ZONE g.time_zone)::date, d.kind, d.unit_id,
             CASE WHEN h.from_state = 'draft' AND h.to_state <> 'withdrawn' THEN 1 ELSE 0 END,
             CASE WHEN h.from_state <> 'draft' AND h.to_state IN ('completed', 'rejected', 'withdrawn', 'published') THEN 1 ELSE 0 END
        FROM history_entries h JOIN documents d ON d.id = h.document_id JOIN governments g ON g.id = d.government_id
       WHERE (h.from_state = 'draft' AND h.to_state <> 'withdrawn')
          OR (h.from_state <> 'draft' AND h.from_state <> h.to_state AND h.to_state IN ('completed', 'rejected', 'withdrawn', 'published'))`);
    await q.query(`SELECT compact_report_summaries()`);

    // progress reports on time (quick-wins report): the implementation periods of a document
    await q.query(`CREATE INDEX ix_deadlines_implementation ON deadlines (document_id) WHERE stage = 'implementation'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_implementation`);
    await q.query(`DROP INDEX ix_deadlines_open_report`);
    await q.query(`DROP TRIGGER trg_deadlines_fill_kind ON deadlines`);
    await q.query(`DROP FUNCTION deadlines_fill_kind()`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN kind`);
    await q.query(`DROP TRIGGER trg_documents_throughput ON documents`);
    await q.query(`DROP TRIGGER trg_deadlines_stage_time ON deadlines`);
    await q.query(`DROP FUNCTION compact_report_summaries()`);
    await q.query(`DROP FUNCTION documents_throughput_delta()`);
    await q.query(`DROP FUNCTION deadlines_stage_time_delta()`);
    for (const table of ['throughput_deltas', 'throughput_counts', 'stage_time_deltas', 'stage_time_counts']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION throughput_event(text, boolean, text, boolean)`);
    await q.query(`DROP FUNCTION stage_time_bucket(bigint)`);
    await q.query(`DROP FUNCTION working_seconds_between(timestamptz, timestamptz, text, uuid)`);
  }
}
