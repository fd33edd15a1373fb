import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENTS_THROUGHPUT_DELTA_V1, DOCUMENTS_THROUGHPUT_TRIGGER_V1, THROUGHPUT_DELTA_ROW } from './1764007000000-report-summaries.js';
import { QUICK_WIN_ROLLUP_CHANGED, QUICK_WIN_UPDATE_TRIGGER_V1, rollupValues } from './1764007001000-report-summary-totals.js';
import { DOCUMENT_COUNT_UPDATE_TRIGGER_V1 } from './1764018000000-document-counts-in-slots.js';

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
        IF ${QUICK_WIN_ROLLUP_CHANGED} THEN
          INSERT INTO quick_win_deltas
          SELECT ${rollupValues('OLD', '-')} WHERE OLD.kind = 'quick-win'
          UNION ALL SELECT ${rollupValues('NEW', '')} WHERE NEW.kind = 'quick-win';
        END IF;
        IF event IS NOT NULL THEN${THROUGHPUT_DELTA_ROW}
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
    await q.query(DOCUMENTS_THROUGHPUT_DELTA_V1);
    await q.query(DOCUMENTS_THROUGHPUT_TRIGGER_V1);
    await q.query(QUICK_WIN_UPDATE_TRIGGER_V1);
    await q.query(DOCUMENT_COUNT_UPDATE_TRIGGER_V1);
  }
}
