import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact list totals without counting a million rows: a trigger appends +1/-1 rows to
 * `document_count_deltas` whenever a document appears or moves (state, unit, year), and the worker
 * folds them into `document_counts` every few seconds (`compact_document_counts()`). A total is the
 * sum over both, so it is exact at any moment. Appending instead of updating one counter row keeps
 * concurrent transitions from queueing on a hot row.
 */
export class DocumentCounts1764000007000 implements MigrationInterface {
  name = 'DocumentCounts1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_counts (
        kind text NOT NULL,
        government_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        state text NOT NULL,
        year int NOT NULL, -- 0: none (a regulation not promulgated yet)
        count bigint NOT NULL,
        PRIMARY KEY (kind, government_id, state, unit_id, year)
      )`);
    await q.query(`
      CREATE TABLE document_count_deltas (
        kind text NOT NULL,
        government_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        state text NOT NULL,
        year int NOT NULL,
        delta int NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_document_count_deltas ON document_count_deltas (kind, government_id)`);
    await q.query(`
      CREATE FUNCTION documents_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`CREATE TRIGGER trg_documents_count_delta AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_count_delta()`);
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
    await q.query(`
      INSERT INTO document_counts (kind, government_id, unit_id, state, year, count)
      SELECT kind, government_id, unit_id, state, coalesce(year, 0), count(*) FROM documents GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_documents_count_delta ON documents`);
    await q.query(`DROP FUNCTION compact_document_counts()`);
    await q.query(`DROP FUNCTION documents_count_delta()`);
    await q.query(`DROP TABLE document_count_deltas`);
    await q.query(`DROP TABLE document_counts`);
  }
}
