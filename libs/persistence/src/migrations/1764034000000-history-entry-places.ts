import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each history entry keeps the government and unit of its document (neither ever changes) and whether the document
 * had been sent to the province's facilitation by then (a mark never taken back), and the indexes of who acted
 * lead with them: a list's total counts the documents its caller reads only because they acted on
 * them, and none of those can lie in the caller's own unit or in a government it reads whole (those it counts
 * by key, nor a regulation its Biro Hukum facilitated for a regency), so the total looks up the caller's entries in
 * the other places alone, instead of every entry of a Sekda who approved 180,000 documents (readScopeCountFilter in libs/workflow, bench/RESULTS.md section 4).
 * The statements that append history write both columns; an entry written without them (an API process older
 * than this migration, still running during an upgrade) gets them from its document.
 */
export class HistoryEntryPlaces1764034000000 implements MigrationInterface {
  name = 'HistoryEntryPlaces1764034000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE history_entries ADD COLUMN government_id uuid, ADD COLUMN unit_id uuid, ADD COLUMN facilitated boolean NOT NULL DEFAULT false`);
    // the audit log is append-only for everyone else; the hash covers neither column
    await q.query(`ALTER TABLE history_entries DISABLE TRIGGER trg_history_entries_append_only`);
    await q.query(
      `UPDATE history_entries h SET government_id = d.government_id, unit_id = d.unit_id, facilitated = coalesce(d.facilitation_requested_at <= h.at, false)
         FROM documents d WHERE d.id = h.document_id`,
    );
    await q.query(`ALTER TABLE history_entries ENABLE TRIGGER trg_history_entries_append_only`);
    await q.query(`
      CREATE FUNCTION history_entry_place() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT d.government_id, d.unit_id, d.facilitation_requested_at IS NOT NULL INTO NEW.government_id, NEW.unit_id, NEW.facilitated
          FROM documents d WHERE d.id = NEW.document_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_history_entries_place BEFORE INSERT ON history_entries
        FOR EACH ROW WHEN (NEW.government_id IS NULL OR NEW.unit_id IS NULL) EXECUTE FUNCTION history_entry_place()`);
    await q.query(`ALTER TABLE history_entries ALTER COLUMN government_id SET NOT NULL, ALTER COLUMN unit_id SET NOT NULL`);
    await q.query(`DROP INDEX ix_history_entries_actor`);
    await q.query(`DROP INDEX ix_history_entries_on_behalf_of`);
    await q.query(`CREATE INDEX ix_history_entries_actor_place ON history_entries (actor, government_id, unit_id, facilitated, document_id)`);
    await q.query(
      `CREATE INDEX ix_history_entries_on_behalf_of_place ON history_entries (on_behalf_of, government_id, unit_id, facilitated, document_id) WHERE on_behalf_of IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_history_entries_on_behalf_of_place`);
    await q.query(`DROP INDEX ix_history_entries_actor_place`);
    await q.query(`CREATE INDEX ix_history_entries_actor ON history_entries (actor, document_id)`);
    await q.query(`CREATE INDEX ix_history_entries_on_behalf_of ON history_entries (on_behalf_of, document_id) WHERE on_behalf_of IS NOT NULL`);
    await q.query(`DROP TRIGGER trg_history_entries_place ON history_entries`);
    await q.query(`DROP FUNCTION history_entry_place()`);
    await q.query(`ALTER TABLE history_entries DROP COLUMN government_id, DROP COLUMN unit_id, DROP COLUMN facilitated`);
  }
}
