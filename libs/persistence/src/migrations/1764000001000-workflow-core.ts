import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowCore1764000001000 implements MigrationInterface {
  name = 'WorkflowCore1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('quick-win', 'regulation')),
        government_id uuid NOT NULL REFERENCES governments(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        created_by uuid NOT NULL REFERENCES users(id),
        title text NOT NULL,
        year int,
        content jsonb NOT NULL,
        content_version int NOT NULL DEFAULT 1,
        content_hash text NOT NULL,
        -- facts written by actions (progress reports, evaluation, harmonisation, numbers...)
        facts jsonb NOT NULL DEFAULT '{}',
        state text NOT NULL,
        final boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_documents_list ON documents (kind, government_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_documents_open_by_state ON documents (government_id, state, unit_id) WHERE NOT final`);

    await q.query(`
      CREATE TABLE workflow_instances (
        document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        kind text NOT NULL,
        machine_version int NOT NULL,
        snapshot jsonb NOT NULL,
        state text NOT NULL,
        version int NOT NULL DEFAULT 1,
        last_seq int NOT NULL DEFAULT 0,
        last_hash text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE content_versions (
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version int NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, version)
      )`);

    await q.query(`
      CREATE TABLE history_entries (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents(id),
        seq int NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor text NOT NULL,
        on_behalf_of text,
        comment text,
        data jsonb,
        content_version int NOT NULL,
        content_hash text NOT NULL,
        at timestamptz NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        CONSTRAINT uq_history_document_seq UNIQUE (document_id, seq)
      )`);
    // The audit trail is append-only: no update, no delete, whoever asks.
    await q.query(`
      CREATE FUNCTION history_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'history_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_history_entries_append_only BEFORE UPDATE OR DELETE ON history_entries
      FOR EACH ROW EXECUTE FUNCTION history_entries_append_only()`);
    await q.query(`
      CREATE TRIGGER trg_history_entries_no_truncate BEFORE TRUNCATE ON history_entries
      FOR EACH STATEMENT EXECUTE FUNCTION history_entries_append_only()`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents(id),
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox (id) WHERE processed_at IS NULL`);

    await q.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        stage text NOT NULL,
        entered_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        remind_at timestamptz,
        escalation_times timestamptz[] NOT NULL DEFAULT '{}',
        policy jsonb NOT NULL,
        explanation text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'CANCELLED')),
        generation int NOT NULL DEFAULT 1,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_deadlines_one_pending ON deadlines (document_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX ix_deadlines_pending_due ON deadlines (due_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_FLIGHT', 'DONE')),
        response_status int,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_expires ON idempotency_keys (expires_at)`);

    // Regulation numbers: one row per (government, series, year), incremented inside the promulgating
    // transaction, so a rollback consumes nothing and concurrent promulgations queue on the row lock.
    await q.query(`
      CREATE TABLE number_counters (
        government_id uuid NOT NULL REFERENCES governments(id),
        series text NOT NULL,
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (government_id, series, year)
      )`);

    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        principal_id uuid NOT NULL REFERENCES users(id),
        delegate_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PLT', 'PLH')),
        reason text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (principal_id <> delegate_id)
      )`);
    await q.query(`CREATE INDEX ix_delegations_delegate ON delegations (delegate_id, ends_at) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX ix_delegations_principal ON delegations (principal_id, ends_at) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['delegations', 'number_counters', 'idempotency_keys', 'deadlines', 'outbox', 'history_entries', 'content_versions', 'workflow_instances', 'documents']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION history_entries_append_only()`);
  }
}
