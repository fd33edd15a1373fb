import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA overrides per government, kind and stage (a stage without a row uses the domain default of
 * `#workflow`'s DEFAULT_SLA), and the holiday calendar: national (government_id NULL) and each
 * government's own days off, cuti bersama included.
 */
export class SlaAndHolidays1764000003000 implements MigrationInterface {
  name = 'SlaAndHolidays1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policies (
        government_id uuid NOT NULL REFERENCES governments(id),
        kind text NOT NULL CHECK (kind IN ('quick-win', 'regulation')),
        stage text NOT NULL,
        -- ISO 8601 durations, validated by the API with #workflow's validateSlaPolicy
        duration text NOT NULL,
        business_days boolean NOT NULL,
        remind_before text NOT NULL,
        escalate_after text NOT NULL,
        escalate_every text NOT NULL,
        max_escalations int NOT NULL CHECK (max_escalations BETWEEN 0 AND 20),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (government_id, kind, stage)
      )`);

    await q.query(`
      CREATE TABLE holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        -- NULL: a national holiday (or cuti bersama), a day off for every government
        government_id uuid REFERENCES governments(id),
        -- NULL for seeded rows
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One holiday per date and scope. A plain UNIQUE (date, government_id) would let national rows
    // repeat (NULLs are distinct) and NULLS NOT DISTINCT needs PostgreSQL 15: two partial indexes.
    await q.query(`CREATE UNIQUE INDEX uq_holidays_national_date ON holidays (date) WHERE government_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_holidays_government_date ON holidays (government_id, date) WHERE government_id IS NOT NULL`);

    // Holiday recomputation pages through pending working-day deadlines by id.
    await q.query(`CREATE INDEX ix_deadlines_pending_id ON deadlines (id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_pending_id`);
    await q.query(`DROP TABLE holidays`);
    await q.query(`DROP TABLE sla_policies`);
  }
}
