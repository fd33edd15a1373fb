import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPACT_REPORT_SUMMARIES_V1, STAGE_TIME_BUCKET_V1 } from './1764007000000-report-summaries.js';

const ROLLUP_COLUMNS = `government_id uuid NOT NULL, unit_id uuid NOT NULL, year int NOT NULL, category text NOT NULL, area text NOT NULL, state text NOT NULL,
        count bigint NOT NULL, budget numeric NOT NULL, progress_reports bigint NOT NULL, progress_reports_on_time bigint NOT NULL, completed_in_year bigint NOT NULL`;

/** This migration's Quick Win roll-up trigger on a document's update (a later migration folds it into one; its down() puts this back). */
/** When a document's update changes its Quick Win roll-up. */
export const QUICK_WIN_ROLLUP_CHANGED = `(OLD.kind = 'quick-win' OR NEW.kind = 'quick-win')
        AND (OLD.government_id, OLD.unit_id, OLD.year, OLD.state, OLD.content, OLD.facts) IS DISTINCT FROM (NEW.government_id, NEW.unit_id, NEW.year, NEW.state, NEW.content, NEW.facts)`;
export const QUICK_WIN_UPDATE_TRIGGER_V1 = `
      CREATE TRIGGER trg_documents_quick_win_update AFTER UPDATE ON documents FOR EACH ROW
      WHEN (${QUICK_WIN_ROLLUP_CHANGED})
      EXECUTE FUNCTION documents_quick_win_delta()`;

/** `sign` x the Quick Win roll-up values of the document row `r` (OLD or NEW) of a trigger. */
export function rollupValues(r: 'OLD' | 'NEW', sign: '' | '-'): string {
  return `${r}.government_id, ${r}.unit_id, coalesce(${r}.year, 0), coalesce(${r}.content ->> 'category', ''), coalesce(${r}.content ->> 'area', ''), ${r}.state,
          ${sign}1,
          ${sign}(CASE WHEN jsonb_typeof(${r}.content -> 'budget') = 'number' THEN (${r}.content ->> 'budget')::numeric ELSE 0 END),
          ${sign}(CASE WHEN jsonb_typeof(${r}.facts -> 'progressReports') = 'array' THEN jsonb_array_length(${r}.facts -> 'progressReports') ELSE 0 END),
          ${sign}quick_win_reports_on_time(${r}.id, ${r}.facts),
          ${sign}(CASE WHEN ${r}.state = 'completed' AND extract(year FROM ${r}.updated_at AT TIME ZONE (SELECT time_zone FROM governments WHERE id = ${r}.government_id)) <= ${r}.year THEN 1 ELSE 0 END)`;
}

/**
 * Report summaries sized for a million documents (issue 15, bench/RESULTS.md section 6):
 * - a coarser stage-time grid (about 200 buckets up to a year; #workflow's STAGE_TIME_GRID);
 * - `stage_time_totals`: the stage times of a whole government (no unit), what most reports read;
 *   `stage_time_counts` keyed by unit first, for one unit's reports;
 * - `quick_win_counts`: the Quick Win roll-up per government, year, unit, category, area and state
 *   (count, budget, progress reports, those made before their period was due, completed within the
 *   year), kept by a trigger on documents.
 * All fed by delta rows and folded by `compact_report_summaries()` (the worker, every few seconds).
 */
export class ReportSummaryTotals1764007001000 implements MigrationInterface {
  name = 'ReportSummaryTotals1764007001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION stage_time_bucket(seconds bigint) RETURNS int LANGUAGE sql IMMUTABLE AS $$
        SELECT (s - s % CASE WHEN s < 7200 THEN 900 WHEN s < 28800 THEN 1800 WHEN s < 172800 THEN 3600
                             WHEN s < 864000 THEN 14400 WHEN s < 4838400 THEN 86400 ELSE 604800 END)::int
          FROM (SELECT greatest(seconds, 0) AS s) x
      $$`);
    await q.query(`ALTER TABLE stage_time_counts DROP CONSTRAINT stage_time_counts_pkey`);
    await q.query(`ALTER TABLE stage_time_counts ADD PRIMARY KEY (government_id, unit_id, month, kind, stage, bucket)`);
    await q.query(`
      CREATE TABLE stage_time_totals (
        government_id uuid NOT NULL REFERENCES governments(id),
        month date NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        bucket int NOT NULL,
        count bigint NOT NULL,
        within_sla bigint NOT NULL,
        PRIMARY KEY (government_id, month, kind, stage, bucket)
      )`);
    // the stage times so far, on the new grid
    await q.query(`TRUNCATE stage_time_counts, stage_time_deltas`);
    await q.query(`
      INSERT INTO stage_time_deltas
      SELECT dl.government_id, date_trunc('month', dl.closed_at AT TIME ZONE g.time_zone)::date, dl.kind, dl.stage, dl.unit_id,
             stage_time_bucket(working_seconds_between(dl.entered_at, dl.closed_at, g.time_zone, dl.government_id)), 1,
             CASE WHEN dl.closed_at <= dl.due_at THEN 1 ELSE 0 END
        FROM deadlines dl JOIN governments g ON g.id = dl.government_id
       WHERE dl.status = 'DONE' AND dl.closed_at IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION quick_win_reports_on_time(doc uuid, facts jsonb) RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN coalesce(jsonb_typeof(facts -> 'progressReports'), '') <> 'array' OR jsonb_array_length(facts -> 'progressReports') = 0 THEN 0 ELSE
          (SELECT count(*) FROM deadlines dl
            WHERE dl.document_id = doc AND dl.stage = 'implementation' AND dl.status = 'DONE' AND dl.closed_at <= dl.due_at
              AND dl.closed_at IN (SELECT (r ->> 'reportedAt')::timestamptz FROM jsonb_array_elements(facts -> 'progressReports') r WHERE r ? 'reportedAt'))
        END
      $$`);
    await q.query(`CREATE TABLE quick_win_counts (${ROLLUP_COLUMNS}, PRIMARY KEY (government_id, year, unit_id, category, area, state))`);
    await q.query(`CREATE TABLE quick_win_deltas (${ROLLUP_COLUMNS})`);
    await q.query(`CREATE INDEX ix_quick_win_deltas ON quick_win_deltas (government_id, year)`);
    await q.query(`
      CREATE FUNCTION documents_quick_win_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'quick-win' THEN
          INSERT INTO quick_win_deltas VALUES (${rollupValues('OLD', '-')});
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind = 'quick-win' THEN
          INSERT INTO quick_win_deltas VALUES (${rollupValues('NEW', '')});
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_documents_quick_win_insert_delete AFTER INSERT OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_quick_win_delta()`);
    await q.query(QUICK_WIN_UPDATE_TRIGGER_V1);
    await q.query(`
      INSERT INTO quick_win_deltas
      SELECT d.government_id, d.unit_id, coalesce(d.year, 0), coalesce(d.content ->> 'category', ''), coalesce(d.content ->> 'area', ''), d.state, 1,
             CASE WHEN jsonb_typeof(d.content -> 'budget') = 'number' THEN (d.content ->> 'budget')::numeric ELSE 0 END,
             CASE WHEN jsonb_typeof(d.facts -> 'progressReports') = 'array' THEN jsonb_array_length(d.facts -> 'progressReports') ELSE 0 END,
             quick_win_reports_on_time(d.id, d.facts),
             CASE WHEN d.state = 'completed' AND extract(year FROM d.updated_at AT TIME ZONE g.time_zone) <= d.year THEN 1 ELSE 0 END
        FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.kind = 'quick-win'`);

    await q.query(`
      CREATE OR REPLACE FUNCTION compact_report_summaries() RETURNS bigint LANGUAGE sql AS $$
        WITH st AS (DELETE FROM stage_time_deltas RETURNING *),
        st_unit AS (
          SELECT government_id, unit_id, month, kind, stage, bucket, sum(count) AS count, sum(within_sla) AS within_sla, count(*) AS n
            FROM st GROUP BY 1, 2, 3, 4, 5, 6
        ),
        st_fold AS (
          INSERT INTO stage_time_counts AS c (government_id, unit_id, month, kind, stage, bucket, count, within_sla)
          SELECT government_id, unit_id, month, kind, stage, bucket, count, within_sla FROM st_unit
          ON CONFLICT (government_id, unit_id, month, kind, stage, bucket)
          DO UPDATE SET count = c.count + EXCLUDED.count, within_sla = c.within_sla + EXCLUDED.within_sla
        ),
        st_total AS (
          INSERT INTO stage_time_totals AS c (government_id, month, kind, stage, bucket, count, within_sla)
          SELECT government_id, month, kind, stage, bucket, sum(count), sum(within_sla) FROM st_unit GROUP BY 1, 2, 3, 4, 5
          ON CONFLICT (government_id, month, kind, stage, bucket)
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
        ),
        qw AS (DELETE FROM quick_win_deltas RETURNING *),
        qw_sum AS (
          SELECT government_id, unit_id, year, category, area, state, sum(count) AS count, sum(budget) AS budget, sum(progress_reports) AS progress_reports,
                 sum(progress_reports_on_time) AS progress_reports_on_time, sum(completed_in_year) AS completed_in_year, count(*) AS n
            FROM qw GROUP BY 1, 2, 3, 4, 5, 6
        ),
        qw_fold AS (
          INSERT INTO quick_win_counts AS c
          SELECT government_id, unit_id, year, category, area, state, count, budget, progress_reports, progress_reports_on_time, completed_in_year FROM qw_sum
          ON CONFLICT (government_id, year, unit_id, category, area, state)
          DO UPDATE SET count = c.count + EXCLUDED.count, budget = c.budget + EXCLUDED.budget, progress_reports = c.progress_reports + EXCLUDED.progress_reports,
                        progress_reports_on_time = c.progress_reports_on_time + EXCLUDED.progress_reports_on_time,
                        completed_in_year = c.completed_in_year + EXCLUDED.completed_in_year
        )
        SELECT (SELECT coalesce(sum(n), 0) FROM st_unit)::bigint + (SELECT coalesce(sum(n), 0) FROM tp_sum)::bigint + (SELECT coalesce(sum(n), 0) FROM qw_sum)::bigint
      $$`);
    await q.query(`SELECT compact_report_summaries()`);
    await q.query(`DROP INDEX ix_deadlines_implementation`);
    await q.query(`CREATE INDEX ix_deadlines_implementation_done ON deadlines (document_id) WHERE stage = 'implementation' AND status = 'DONE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // fold what is pending with this migration's function before its tables go
    await q.query(`SELECT compact_report_summaries()`);
    await q.query(`DROP INDEX ix_deadlines_implementation_done`);
    await q.query(`CREATE INDEX ix_deadlines_implementation ON deadlines (document_id) WHERE stage = 'implementation'`);
    await q.query(`DROP TRIGGER trg_documents_quick_win_update ON documents`);
    await q.query(`DROP TRIGGER trg_documents_quick_win_insert_delete ON documents`);
    await q.query(`DROP FUNCTION documents_quick_win_delta()`);
    await q.query(`DROP TABLE quick_win_deltas`);
    await q.query(`DROP TABLE quick_win_counts`);
    await q.query(`DROP FUNCTION quick_win_reports_on_time(uuid, jsonb)`);
    // the previous fold (no stage_time_totals, no quick_win_*) and the previous, finer grid
    await q.query(`CREATE OR REPLACE FUNCTION ${COMPACT_REPORT_SUMMARIES_V1}`);
    await q.query(`CREATE OR REPLACE FUNCTION ${STAGE_TIME_BUCKET_V1}`);
    await q.query(`DROP TABLE stage_time_totals`);
    await q.query(`ALTER TABLE stage_time_counts DROP CONSTRAINT stage_time_counts_pkey`);
    await q.query(`ALTER TABLE stage_time_counts ADD PRIMARY KEY (government_id, month, kind, stage, unit_id, bucket)`);
    // the stage times so far, on the previous grid
    await q.query(`TRUNCATE stage_time_counts, stage_time_deltas`);
    await q.query(`
      INSERT INTO stage_time_deltas
      SELECT dl.government_id, date_trunc('month', dl.closed_at AT TIME ZONE g.time_zone)::date, dl.kind, dl.stage, dl.unit_id,
             stage_time_bucket(working_seconds_between(dl.entered_at, dl.closed_at, g.time_zone, dl.government_id)), 1,
             CASE WHEN dl.closed_at <= dl.due_at THEN 1 ELSE 0 END
        FROM deadlines dl JOIN governments g ON g.id = dl.government_id
       WHERE dl.status = 'DONE' AND dl.closed_at IS NOT NULL`);
    await q.query(`SELECT compact_report_summaries()`);
  }
}
