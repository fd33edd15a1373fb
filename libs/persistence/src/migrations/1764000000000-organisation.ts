import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisation1764000000000 implements MigrationInterface {
  name = 'Organisation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE governments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name text NOT NULL,
        -- the region as it appears in regulation titles: "Kalimantan Timur", "Paser"
        region_name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'REGENCY', 'CITY')),
        parent_id uuid REFERENCES governments(id),
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'PROVINCE') = (parent_id IS NULL))
      )`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        government_id uuid NOT NULL REFERENCES governments(id),
        code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,60}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_units_government_code UNIQUE (government_id, code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        nip text,
        email text,
        password_hash text NOT NULL,
        government_id uuid NOT NULL REFERENCES governments(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_users_government ON users (government_id)`);
    await q.query(`CREATE INDEX ix_users_unit ON users (unit_id)`);
    await q.query(`CREATE INDEX ix_users_roles ON users USING gin (roles)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE governments`);
  }
}
