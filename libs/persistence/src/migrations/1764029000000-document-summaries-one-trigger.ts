import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One Quick Win's row of `quick_win_deltas`, `sign` 1 or -1, from the documents row `r` (as 1764007001000 wrote it). */
const QUICK_WIN_ROLLUP = (r: string, sign: string) => `${r}.government_id, ${r}.unit_id, coalesce(${r}.year, 0), coalesce(${r}.content ->> 'category', ''), coalesce(${r}.content ->> 'area', ''), ${r}.state,
           ${sign},
           ${sign} * (CASE WHEN jsonb_typeof(${r}.content -> 'budget') = 'number' THEN (${r}.content ->> 'budget')::numeric ELSE 0 END),
           ${sign} * (CASE WHEN jsonb_typeof(${r}.facts -> 'progressReports') = 'array' THEN jsonb_array_length(${r}.facts -> 'progressReports') ELSE 0 END),
           ${sign} * quick_win_reports_on_time(${r}.id, ${r}.facts),
           ${sign} * (CASE WHEN ${r}.state = 'completed' AND extract(year FROM ${r}.updated_at AT TIME ZONE (SELECT time_zone FROM governments WHERE id = ${r}.government_id)) <= ${r}.year THEN 1 ELSE 0 END)`;

/** A document's key in `document_count_deltas` (1764018000000), of the documents row `r`. */
const COUNT_KEY = (r: string) =>
  `${r}.kind, ${r}.government_id, ${r}.unit_id, ${r}.state, coalesce(${r}.year, 0), ${r}.submitted_at IS NOT NULL, ${r}.facilitation_requested_at IS NOT NULL`;

/**
 * What a document's update changes in the report summaries, in one row trigger instead of three
 * (issue 16): the list totals' counter (`document_count_deltas`), the Quick Win roll-up
 * (`quick_win_deltas`) and the weekly throughput (`throughput_deltas`) each had their own trigger, so
 * every transition paid three trigger calls and four statements where one call and two do: the
 * counter's two rows (the key left, the key entered) in one upsert, the roll-up's two in one INSERT.
 * The rows written are the same. Measured with pgbench on the transition's shape whose document changes
 * state (bench/RESULTS.md, section 1a's reading of 2026-12-06 19:09-20:01). Inserts and deletes keep their triggers.
 */
export class DocumentSummariesOneTrigger1764029000000 implements MigrationInterface {
  name = 'DocumentSummariesOneTrigger1764029000000';

  async up(q: QueryRunner): Promise<void> {
    // generic plans: with the row's values bound, the roll-up's custom plan always looked cheaper (1764020000000)
    await q.query(`
      CREATE FUNCTION documents_update_summaries() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      DECLARE writer_slot int; event text := throughput_event(OLD.state, OLD.final, NEW.state, NEW.final); tz text;
      BEGIN
        -- the two keys differ (the condition compares the whole key), so the upsert never meets one row twice
        IF (${COUNT_KEY('OLD')}) IS DISTINCT FROM (${COUNT_KEY('NEW')}) THEN
          writer_slot := document_count_slot();
          INSERT INTO document_count_deltas AS c VALUES (${COUNT_KEY('OLD')}, writer_slot, -1), (${COUNT_KEY('NEW')}, writer_slot, 1)
          ON CONFLICT (kind, government_id, state, unit_id, year, submitted, facilitation, slot) DO UPDATE SET delta = c.delta + EXCLUDED.delta;
        END IF;
        IF (OLD.kind = 'quick-win' OR NEW.kind = 'quick-win')
           AND (OLD.government_id, OLD.unit_id, OLD.year, OLD.state, OLD.content, OLD.facts)
               IS DISTINCT FROM (NEW.government_id, NEW.unit_id, NEW.year, NEW.state, NEW.content, NEW.facts) THEN
          INSERT INTO quick_win_deltas
          SELECT ${QUICK_WIN_ROLLUP('(v.r)', 'v.sign')}
            FROM (VALUES (OLD, -1), (NEW, 1)) AS v(r, sign) WHERE (v.r).kind = 'quick-win';
        END IF;
        IF event IS NOT NULL THEN
          SELECT g.time_zone INTO tz FROM governments g WHERE g.id = NEW.government_id;
          INSERT INTO throughput_deltas VALUES (
            NEW.government_id, date_trunc('week', NEW.updated_at AT TIME ZONE tz)::date, NEW.kind, NEW.unit_id,
            CASE WHEN event = 'STARTED' THEN 1 ELSE 0 END, CASE WHEN event = 'FINISHED' THEN 1 ELSE 0 END);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER trg_documents_count_update ON documents`);
    await q.query(`DROP TRIGGER trg_documents_quick_win_update ON documents`);
    await q.query(`DROP TRIGGER trg_documents_throughput ON documents`);
    await q.query(`DROP FUNCTION documents_throughput_delta()`);
    await q.query(`CREATE TRIGGER trg_documents_update_summaries AFTER UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION documents_update_summaries()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_documents_update_summaries ON documents`);
    await q.query(`DROP FUNCTION documents_update_summaries()`);
    await q.query(`
      CREATE FUNCTION documents_throughput_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE event text := throughput_event(OLD.state, OLD.final, NEW.state, NEW.final); tz text;
      BEGIN
        IF event IS NULL THEN RETURN NULL; END IF;
        SELECT g.time_zone INTO tz FROM governments g WHERE g.id = NEW.government_id;
        INSERT INTO throughput_deltas VALUES (
          NEW.government_id, date_trunc('week', NEW.updated_at AT TIME ZONE tz)::date, NEW.kind, NEW.unit_id,
          CASE WHEN event = 'STARTED' THEN 1 ELSE 0 END, CASE WHEN event = 'FINISHED' THEN 1 ELSE 0 END);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_documents_throughput AFTER UPDATE OF state, final ON documents FOR EACH ROW
      WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.final IS DISTINCT FROM NEW.final)
      EXECUTE FUNCTION documents_throughput_delta()`);
    await q.query(`
      CREATE TRIGGER trg_documents_quick_win_update AFTER UPDATE ON documents FOR EACH ROW
      WHEN ((OLD.kind = 'quick-win' OR NEW.kind = 'quick-win')
        AND (OLD.government_id, OLD.unit_id, OLD.year, OLD.state, OLD.content, OLD.facts) IS DISTINCT FROM (NEW.government_id, NEW.unit_id, NEW.year, NEW.state, NEW.content, NEW.facts))
      EXECUTE FUNCTION documents_quick_win_delta()`);
    await q.query(`
      CREATE TRIGGER trg_documents_count_update AFTER UPDATE ON documents FOR EACH ROW
        WHEN ((OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, OLD.year, OLD.submitted_at IS NULL, OLD.facilitation_requested_at IS NULL)
              IS DISTINCT FROM (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, NEW.year, NEW.submitted_at IS NULL, NEW.facilitation_requested_at IS NULL))
        EXECUTE FUNCTION documents_count_delta()`);
  }
}
