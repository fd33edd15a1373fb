import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The governments, other than their own, whose documents (by kind) each person acted on (as actor or as the
 * principal acted for): the read scope lets them read those documents ever after (canRead's history
 * clause), and a list must look there even when no present role or delegation would. Kept by the
 * statements that append history (`actedElsewhereSql` in documents/document-writes.ts); filled here from
 * the history so far.
 */
export class ActedGovernments1764022000000 implements MigrationInterface {
  name = 'ActedGovernments1764022000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE acted_governments (
        username text NOT NULL,
        kind text NOT NULL,
        government_id uuid NOT NULL REFERENCES governments (id),
        PRIMARY KEY (username, kind, government_id)
      )`);
    await q.query(`
      INSERT INTO acted_governments (username, kind, government_id)
      SELECT u.username, d.kind, d.government_id
        FROM (SELECT document_id, actor AS username FROM history_entries
              UNION SELECT document_id, on_behalf_of FROM history_entries WHERE on_behalf_of IS NOT NULL) h
        JOIN documents d ON d.id = h.document_id
        JOIN users u ON u.username = h.username
       WHERE u.government_id <> d.government_id
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE acted_governments`);
  }
}
