import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report-summary triggers a transition fires cost 3 ms of PostgreSQL CPU per transition (issue 16,
 * `npm run bench:cost`, bench/RESULTS.md section 1a), mostly planning: a LANGUAGE sql function called
 * from a trigger is planned again on every call, while PL/pgSQL keeps its statements' plans for the
 * session. Same results, same signatures:
 * - `quick_win_reports_on_time` (twice per Quick Win transition, 0.65 ms a call): PL/pgSQL, and
 *   returns 0 before any query when the document has no progress reports.
 * - `working_seconds_between` (each stage left, 0.44 ms a call): PL/pgSQL with the same query.
 * - `stage_time_bucket`: PL/pgSQL (its argument is a function call, which the planner does not
 *   inline a SQL function over).
 */
export class CheaperTransitionTriggers1764014000000 implements MigrationInterface {
  name = 'CheaperTransitionTriggers1764014000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION quick_win_reports_on_time(doc uuid, facts jsonb) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
      DECLARE on_time bigint;
      BEGIN
        IF coalesce(jsonb_typeof(facts -> 'progressReports'), '') <> 'array' OR jsonb_array_length(facts -> 'progressReports') = 0 THEN RETURN 0; END IF;
        SELECT count(*) INTO on_time FROM deadlines dl
         WHERE dl.document_id = doc AND dl.stage = 'implementation' AND dl.status = 'DONE' AND dl.closed_at <= dl.due_at
           AND dl.closed_at IN (SELECT (r ->> 'reportedAt')::timestamptz FROM jsonb_array_elements(facts -> 'progressReports') r WHERE r ? 'reportedAt');
        RETURN on_time;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION working_seconds_between(t0 timestamptz, t1 timestamptz, tz text, gov uuid) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
      DECLARE seconds bigint;
      BEGIN
        IF t1 <= t0 THEN RETURN 0; END IF;
        SELECT coalesce(floor(sum(extract(epoch FROM
                 least(t1, (day + 1)::timestamp AT TIME ZONE tz) - greatest(t0, day::timestamp AT TIME ZONE tz))))::bigint, 0)
          INTO seconds
          FROM (SELECT g::date AS day FROM generate_series((t0 AT TIME ZONE tz)::date, (t1 AT TIME ZONE tz)::date, interval '1 day') g) days
         WHERE extract(isodow FROM day) < 6
           AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = days.day AND (h.government_id IS NULL OR h.government_id = gov));
        RETURN seconds;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION stage_time_bucket(seconds bigint) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE s bigint := greatest(seconds, 0);
      BEGIN
        RETURN (s - s % CASE WHEN s < 7200 THEN 900 WHEN s < 28800 THEN 1800 WHEN s < 172800 THEN 3600
                             WHEN s < 864000 THEN 14400 WHEN s < 4838400 THEN 86400 ELSE 604800 END)::int;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION stage_time_bucket(seconds bigint) RETURNS int LANGUAGE sql IMMUTABLE AS $$
        SELECT (s - s % CASE WHEN s < 7200 THEN 900 WHEN s < 28800 THEN 1800 WHEN s < 172800 THEN 3600
                             WHEN s < 864000 THEN 14400 WHEN s < 4838400 THEN 86400 ELSE 604800 END)::int
          FROM (SELECT greatest(seconds, 0) AS s) x
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION working_seconds_between(t0 timestamptz, t1 timestamptz, tz text, gov uuid) RETURNS bigint
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(floor(sum(extract(epoch FROM
                 least(t1, (day + 1)::timestamp AT TIME ZONE tz) - greatest(t0, day::timestamp AT TIME ZONE tz))))::bigint, 0)
          FROM (SELECT g::date AS day FROM generate_series((t0 AT TIME ZONE tz)::date, (t1 AT TIME ZONE tz)::date, interval '1 day') g) days
         WHERE t1 > t0 AND extract(isodow FROM day) < 6
           AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = days.day AND (h.government_id IS NULL OR h.government_id = gov))
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION quick_win_reports_on_time(doc uuid, facts jsonb) RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN coalesce(jsonb_typeof(facts -> 'progressReports'), '') <> 'array' OR jsonb_array_length(facts -> 'progressReports') = 0 THEN 0 ELSE
          (SELECT count(*) FROM deadlines dl
            WHERE dl.document_id = doc AND dl.stage = 'implementation' AND dl.status = 'DONE' AND dl.closed_at <= dl.due_at
              AND dl.closed_at IN (SELECT (r ->> 'reportedAt')::timestamptz FROM jsonb_array_elements(facts -> 'progressReports') r WHERE r ? 'reportedAt'))
        END
      $$`);
  }
}
