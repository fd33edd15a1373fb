import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Folding takes this transaction-level advisory lock, so two folders never wait on each other's rows. */
const FOLD_LOCK = 7_640_090;
/** Every this many delta rows, the transaction that writes one folds what is there. */
const FOLD_EVERY = 256;

/**
 * List totals no longer depend on the worker having folded the count deltas: every 256th delta row
 * folds them in the transaction that writes it, when no other folder is at work (a try-lock, so a
 * transition never waits for it). Unfolded rows stay a few hundred whatever happened to the worker,
 * and reading a total stays a few index reads. The worker's periodic fold takes the same lock.
 */
export class DocumentCountsFoldedInline1764009000000 implements MigrationInterface {
  name = 'DocumentCountsFoldedInline1764009000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE document_count_delta_seq`);
    await q.query(`
      CREATE OR REPLACE FUNCTION compact_document_counts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE folded bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${FOLD_LOCK});
        WITH moved AS (DELETE FROM document_count_deltas RETURNING *),
        summed AS (
          SELECT kind, government_id, unit_id, state, year, sum(delta) AS delta, count(*) AS n FROM moved GROUP BY 1, 2, 3, 4, 5
        ),
        upserted AS (
          INSERT INTO document_counts AS c (kind, government_id, unit_id, state, year, count)
          SELECT kind, government_id, unit_id, state, year, delta FROM summed
          ON CONFLICT (kind, government_id, state, unit_id, year) DO UPDATE SET count = c.count + EXCLUDED.count
        )
        SELECT coalesce(sum(n), 0)::bigint INTO folded FROM summed;
        RETURN folded;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION documents_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE written int := 0;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR (OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, OLD.year)
            IS DISTINCT FROM (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, NEW.year)) THEN
          INSERT INTO document_count_deltas VALUES (OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, coalesce(OLD.year, 0), -1);
          written := 1;
        ELSIF TG_OP = 'UPDATE' THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO document_count_deltas VALUES (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, coalesce(NEW.year, 0), 1);
          written := written + 1;
        END IF;
        IF nextval('document_count_delta_seq') % ${FOLD_EVERY} < written AND pg_try_advisory_xact_lock(${FOLD_LOCK}) THEN
          PERFORM compact_document_counts();
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION documents_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR (OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, OLD.year)
            IS DISTINCT FROM (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, NEW.year)) THEN
          INSERT INTO document_count_deltas VALUES (OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, coalesce(OLD.year, 0), -1);
        ELSIF TG_OP = 'UPDATE' THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO document_count_deltas VALUES (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, coalesce(NEW.year, 0), 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION compact_document_counts()`);
    await q.query(`
      CREATE FUNCTION compact_document_counts() RETURNS bigint LANGUAGE sql AS $$
        WITH moved AS (DELETE FROM document_count_deltas RETURNING *),
        summed AS (
          SELECT kind, government_id, unit_id, state, year, sum(delta) AS delta, count(*) AS n FROM moved GROUP BY 1, 2, 3, 4, 5
        ),
        folded AS (
          INSERT INTO document_counts AS c (kind, government_id, unit_id, state, year, count)
          SELECT kind, government_id, unit_id, state, year, delta FROM summed
          ON CONFLICT (kind, government_id, state, unit_id, year) DO UPDATE SET count = c.count + EXCLUDED.count
        )
        SELECT coalesce(sum(n), 0)::bigint FROM summed
      $$`);
    await q.query(`DROP SEQUENCE document_count_delta_seq`);
  }
}
