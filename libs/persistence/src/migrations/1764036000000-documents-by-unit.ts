import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each unit's documents of a kind, newest first: the list page of a caller who reads a government only through its own
 * units (a drafter, an OPD head) takes them off this index instead of walking the government's documents for them,
 * which took seconds at a million documents where the unit held none (bench/RESULTS.md section 4).
 */
export class DocumentsByUnit1764036000000 implements MigrationInterface {
  name = 'DocumentsByUnit1764036000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_documents_list_unit ON documents (kind, government_id, unit_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_documents_list_unit`);
  }
}
