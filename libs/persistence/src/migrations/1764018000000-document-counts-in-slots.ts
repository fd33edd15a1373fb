import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Writers take one of these slots (a transaction-level advisory lock in this class) for their count rows. */
export const SLOT_LOCK_CLASS = 7_640_180;
export const SLOTS = 32;
/** Folders take this lock first, so two folders never wait on each other (as before). */
export const FOLD_LOCK = 7_640_090;

/** This migration's list-total trigger on a document's update (a later migration folds it into one; its down() puts this back). */
export const DOCUMENT_COUNT_UPDATE_TRIGGER_V1 = `
      CREATE TRIGGER trg_documents_count_update AFTER UPDATE ON documents FOR EACH ROW
        WHEN ((OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, OLD.year, OLD.submitted_at IS NULL, OLD.facilitation_requested_at IS NULL)
              IS DISTINCT FROM (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, NEW.year, NEW.submitted_at IS NULL, NEW.facilitation_requested_at IS NULL))
        EXECUTE FUNCTION documents_count_delta()`;

/** PL/pgSQL: moves the counter rows of the slots in `taken` into the folded counts, `folded` their number, and returns it. */
export const FOLD_TAKEN_SLOTS = `WITH moved AS (DELETE FROM document_count_deltas WHERE slot = ANY(taken) RETURNING *),
        summed AS (
          SELECT kind, government_id, unit_id, state, year, submitted, facilitation, sum(delta) AS delta, count(*) AS n FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7
        ),
        upserted AS (
          INSERT INTO document_counts AS c (kind, government_id, unit_id, state, year, submitted, facilitation, count)
          SELECT kind, government_id, unit_id, state, year, submitted, facilitation, delta FROM summed
          ON CONFLICT (kind, government_id, state, unit_id, year, submitted, facilitation) DO UPDATE SET count = c.count + EXCLUDED.count
        )
        SELECT coalesce(sum(n), 0)::bigint INTO folded FROM summed;
        RETURN folded;`;

/** This migration's fold of every free slot in one transaction (1764031000000 folds a few slots per transaction; its down() puts this back). */
export const COMPACT_DOCUMENT_COUNTS_V1 = `
      CREATE FUNCTION compact_document_counts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE taken int[]; folded bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${FOLD_LOCK});
        taken := ARRAY(SELECT s FROM generate_series(1, ${SLOTS}) s WHERE pg_try_advisory_xact_lock(${SLOT_LOCK_CLASS}, s));
        ${FOLD_TAKEN_SLOTS}
      END $$`;

/**
 * List totals exact at any moment, cheap to read, whatever the worker has done (issue 16):
 * - The unfolded part of a count is no longer an appended row per change (a list total once read
 *   333,000 of them) but one counter row per key and slot, `document_count_deltas.delta`, updated in
 *   the writing transaction. A writer first takes a free slot (`pg_try_advisory_xact_lock`, from
 *   `pg_backend_pid() % 32` on), so no two transactions ever write the same counter row: no
 *   transition waits for another's counter, none deadlocks on one. A key has at most 33 rows (its
 *   folded count and 32 slots), however long the worker has not folded.
 * - The key also holds the read-scope marks (`submitted`, `facilitation`: libs/workflow read-policy),
 *   so a list total for any reader is a sum over keys (`readScopeCountFilter`), not a count of the
 *   rows it may read one by one.
 * - The worker's fold (`compact_document_counts()`) moves the slots it can take into
 *   `document_counts`; it only keeps reads short, totals do not depend on it.
 * Indexes on `history_entries` by actor give the documents someone acted on (the one part of the read
 * scope no key holds).
 */
export class DocumentCountsInSlots1764018000000 implements MigrationInterface {
  name = 'DocumentCountsInSlots1764018000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE documents IN SHARE MODE`);
    await q.query(`DROP TRIGGER trg_documents_count_delta ON documents`);
    await q.query(`DROP FUNCTION documents_count_delta()`);
    await q.query(`DROP FUNCTION compact_document_counts()`);
    await q.query(`DROP TABLE document_count_deltas`);
    await q.query(`DROP SEQUENCE document_count_delta_seq`);
    await q.query(`DROP TABLE document_counts`);
    await q.query(`
      CREATE TABLE document_counts (
        kind text NOT NULL,
        government_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        state text NOT NULL,
        year int NOT NULL, -- 0: none (a regulation not promulgated yet)
        submitted boolean NOT NULL,
        facilitation boolean NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (kind, government_id, state, unit_id, year, submitted, facilitation)
      )`);
    await q.query(`
      CREATE TABLE document_count_deltas (
        kind text NOT NULL,
        government_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        state text NOT NULL,
        year int NOT NULL,
        submitted boolean NOT NULL,
        facilitation boolean NOT NULL,
        slot smallint NOT NULL,
        delta bigint NOT NULL,
        PRIMARY KEY (kind, government_id, state, unit_id, year, submitted, facilitation, slot)
      ) WITH (fillfactor = 50)`);
    await q.query(`
      CREATE FUNCTION document_count_slot() RETURNS int LANGUAGE plpgsql AS $$
      DECLARE first int := pg_backend_pid() % ${SLOTS};
      BEGIN
        FOR i IN 0..${SLOTS - 1} LOOP
          IF pg_try_advisory_xact_lock(${SLOT_LOCK_CLASS}, (first + i) % ${SLOTS} + 1) THEN RETURN (first + i) % ${SLOTS} + 1; END IF;
        END LOOP;
        PERFORM pg_advisory_xact_lock(${SLOT_LOCK_CLASS}, first + 1); -- ${SLOTS} writers at once: wait for one
        RETURN first + 1;
      END $$`);
    await q.query(`
      CREATE FUNCTION documents_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s int := document_count_slot();
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO document_count_deltas AS c VALUES
            (OLD.kind, OLD.government_id, OLD.unit_id, OLD.state, coalesce(OLD.year, 0), OLD.submitted_at IS NOT NULL, OLD.facilitation_requested_at IS NOT NULL, s, -1)
          ON CONFLICT (kind, government_id, state, unit_id, year, submitted, facilitation, slot) DO UPDATE SET delta = c.delta - 1;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO document_count_deltas AS c VALUES
            (NEW.kind, NEW.government_id, NEW.unit_id, NEW.state, coalesce(NEW.year, 0), NEW.submitted_at IS NOT NULL, NEW.facilitation_requested_at IS NOT NULL, s, 1)
          ON CONFLICT (kind, government_id, state, unit_id, year, submitted, facilitation, slot) DO UPDATE SET delta = c.delta + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_documents_count_insert_delete AFTER INSERT OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_count_delta()`);
    await q.query(DOCUMENT_COUNT_UPDATE_TRIGGER_V1);
    // the slots no writer holds now, moved into the folded counts; returns how many counter rows it moved
    await q.query(COMPACT_DOCUMENT_COUNTS_V1);
    // every count again from the documents (after a bulk load with the trigger disabled, e.g. the benches)
    await q.query(`
      CREATE FUNCTION rebuild_document_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE documents IN SHARE MODE;
        PERFORM pg_advisory_xact_lock(${FOLD_LOCK});
        DELETE FROM document_count_deltas;
        DELETE FROM document_counts;
        INSERT INTO document_counts (kind, government_id, unit_id, state, year, submitted, facilitation, count)
        SELECT kind, government_id, unit_id, state, coalesce(year, 0), submitted_at IS NOT NULL, facilitation_requested_at IS NOT NULL, count(*)
          FROM documents GROUP BY 1, 2, 3, 4, 5, 6, 7;
      END $$`);
    await q.query(`SELECT rebuild_document_counts()`);
    await q.query(`CREATE INDEX ix_history_entries_actor ON history_entries (actor, document_id)`);
    await q.query(`CREATE INDEX ix_history_entries_on_behalf_of ON history_entries (on_behalf_of, document_id) WHERE on_behalf_of IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_history_entries_on_behalf_of`);
    await q.query(`DROP INDEX ix_history_entries_actor`);
    await q.query(`LOCK TABLE documents IN SHARE MODE`);
    await q.query(`DROP TRIGGER trg_documents_count_update ON documents`);
    await q.query(`DROP TRIGGER trg_documents_count_insert_delete ON documents`);
    await q.query(`DROP FUNCTION rebuild_document_counts()`);
    await q.query(`DROP FUNCTION compact_document_counts()`);
    await q.query(`DROP FUNCTION documents_count_delta()`);
    await q.query(`DROP FUNCTION document_count_slot()`);
    await q.query(`DROP TABLE document_count_deltas`);
    await q.query(`DROP TABLE document_counts`);
    await q.query(`
      CREATE TABLE document_counts (
        kind text NOT NULL, government_id uuid NOT NULL, unit_id uuid NOT NULL, state text NOT NULL, year int NOT NULL, count bigint NOT NULL,
        PRIMARY KEY (kind, government_id, state, unit_id, year)
      )`);
    await q.query(`
      CREATE TABLE document_count_deltas (
        kind text NOT NULL, government_id uuid NOT NULL, unit_id uuid NOT NULL, state text NOT NULL, year int NOT NULL, delta int NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_document_count_deltas ON document_count_deltas (kind, government_id)`);
    await q.query(`CREATE SEQUENCE document_count_delta_seq`);
    await q.query(`
      CREATE FUNCTION compact_document_counts() RETURNS bigint LANGUAGE plpgsql AS $$
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
      CREATE FUNCTION documents_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
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
        IF nextval('document_count_delta_seq') % 256 < written AND pg_try_advisory_xact_lock(${FOLD_LOCK}) THEN
          PERFORM compact_document_counts();
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_documents_count_delta AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_count_delta()`);
    await q.query(`
      INSERT INTO document_counts (kind, government_id, unit_id, state, year, count)
      SELECT kind, government_id, unit_id, state, coalesce(year, 0), count(*) FROM documents GROUP BY 1, 2, 3, 4, 5`);
  }
}
