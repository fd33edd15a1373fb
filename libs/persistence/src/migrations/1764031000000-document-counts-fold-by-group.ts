import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPACT_DOCUMENT_COUNTS_V1, FOLD_LOCK, FOLD_TAKEN_SLOTS, SLOT_LOCK_CLASS, SLOTS } from './1764018000000-document-counts-in-slots.js';

/**
 * The worker folds the writers' counter slots a few at a time, each group in a transaction of its own
 * (`compact_document_count_slots`). `compact_document_counts()` took every slot no writer held and kept them
 * until its transaction ended, after the report summaries' and open-stage counts' folds of the same statement:
 * a transition changing a list total then found no free slot and waited for the whole fold, every 2 seconds
 * (15-870 ms under bench:approval's load, PostgreSQL's statement log of 2026-12-07). A group holds a quarter
 * of the slots for the time of its own fold; writers take one of the others. `compact_document_counts()` stays,
 * folding every free slot in one transaction, for whoever wants that at once.
 */
export class DocumentCountsFoldByGroup1764031000000 implements MigrationInterface {
  name = 'DocumentCountsFoldByGroup1764031000000';

  async up(q: QueryRunner): Promise<void> {
    // the given slots that no writer holds now, moved into the folded counts; returns how many counter rows it moved
    await q.query(`
      CREATE FUNCTION compact_document_count_slots(slots int[]) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE taken int[]; folded bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${FOLD_LOCK});
        taken := ARRAY(SELECT s FROM unnest(slots) s WHERE s BETWEEN 1 AND ${SLOTS} AND pg_try_advisory_xact_lock(${SLOT_LOCK_CLASS}, s));
        ${FOLD_TAKEN_SLOTS}
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION compact_document_counts() RETURNS bigint LANGUAGE sql AS $$
        SELECT compact_document_count_slots(ARRAY(SELECT generate_series(1, ${SLOTS})))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION compact_document_counts()`);
    await q.query(COMPACT_DOCUMENT_COUNTS_V1);
    await q.query(`DROP FUNCTION compact_document_count_slots(int[])`);
  }
}
