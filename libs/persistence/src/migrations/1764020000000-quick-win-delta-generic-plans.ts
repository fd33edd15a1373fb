import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Quick Win report trigger's two INSERTs were planned again on every call: with the row's values
 * bound, PostgreSQL folds the CASE that reads the government's time zone away, so the custom plan
 * always looked cheaper than the generic one it would otherwise keep (pg_stat_statements: one plan
 * per call, 0.16 ms of every transition). The generic plan is the same work without the planning.
 */
export class QuickWinDeltaGenericPlans1764020000000 implements MigrationInterface {
  name = 'QuickWinDeltaGenericPlans1764020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION documents_quick_win_delta() SET plan_cache_mode = force_generic_plan`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION documents_quick_win_delta() RESET plan_cache_mode`);
  }
}
