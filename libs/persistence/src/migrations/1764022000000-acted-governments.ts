import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The governments, other than their own, whose documents (by kind) each person acted on (as actor or as the
 * principal acted for): the read scope lets them read those documents ever after (canRead's history
 * clause), and a list must look there even when no present role or delegation would. Kept by the
 * statements that append history (`ACTED_ELSEWHERE_SQL`); filled here from the history so far.
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
      SELECT DISTINCT u.username, d.kind, d.government_id
        FROM history_entries h
        JOIN documents d ON d.id = h.document_id
        JOIN users u ON u.username IN (h.actor, h.on_behalf_of)
       WHERE u.government_id <> d.government_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE acted_governments`);
  }
}
