import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared-query.util.js';
import type { DeadlineEventKind } from '#queue';
import type { SlaPolicy } from '#workflow';

/** A stage deadline with its times as the event schedule reads them, and the events fired. */
export interface DeadlineRecord {
  remindAt: Date | null;
  dueAt: Date;
  escalationTimes: readonly Date[];
  /** `policy.maxEscalations`; the stored times already hold that many, this guards older rows. */
  maxEscalations: number | null;
  id: string;
  documentId: string;
  stage: string;
  status: 'PENDING' | 'DONE' | 'CANCELLED';
  generation: number;
  explanation: string;
  policy: SlaPolicy;
  /** In a stage answered in parallel, the participating unit this deadline waits for; else null. */
  participantUnitId: string | null;
  /** Fired events as "EVENT.sequence". */
  fired: Set<string>;
}

export interface DeadlineRow {
  id: string;
  documentId: string;
  stage: string;
  status: DeadlineRecord['status'];
  generation: number;
  remindAt: Date | null;
  dueAt: Date;
  escalationTimes: Date[] | null;
  policy: SlaPolicy;
  explanation: string;
  participantUnitId: string | null;
  fired: string[] | null;
}

/** The columns of a `DeadlineRow`, over `deadlines d`, with the events already fired. */
const DEADLINE_COLUMNS = `
  d.id, d.document_id AS "documentId", d.stage, d.status, d.generation, d.remind_at AS "remindAt", d.due_at AS "dueAt",
  d.escalation_times AS "escalationTimes", d.policy, d.explanation, d.participant_unit_id AS "participantUnitId",
  ARRAY(SELECT e.event || '.' || e.sequence FROM deadline_events e WHERE e.deadline_id = d.id) AS fired`;

const SELECT_DEADLINE = `SELECT ${DEADLINE_COLUMNS} FROM deadlines d`;

export function toDeadlineRecord(row: DeadlineRow): DeadlineRecord {
  return {
    ...row,
    escalationTimes: (row.escalationTimes ?? []).map((t) => new Date(t)),
    maxEscalations: typeof row.policy?.maxEscalations === 'number' ? row.policy.maxEscalations : null,
    fired: new Set(row.fired ?? []),
  };
}

/** Reads deadline rows with the events that have fired, and records a firing. */
@Injectable()
export class DeadlineRepository {
  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<DeadlineRecord | null> {
    const rows: DeadlineRow[] = await manager.query(`${SELECT_DEADLINE} WHERE d.id = $1${options.lock ? ' FOR UPDATE OF d' : ''}`, [id]);
    return rows[0] ? toDeadlineRecord(rows[0]) : null;
  }

  async findMany(manager: EntityManager, ids: readonly string[]): Promise<Map<string, DeadlineRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await queryPrepared<DeadlineRow>(manager, `${SELECT_DEADLINE} WHERE d.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toDeadlineRecord(row)]));
  }

  /** True when this call recorded the event; false when it had fired already. */
  async markFired(manager: EntityManager, id: string, event: DeadlineEventKind, sequence: number, generation: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO deadline_events (deadline_id, event, sequence, generation) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [id, event, sequence, generation],
    );
    return rows.length === 1;
  }
}

/** A page of PENDING deadlines whose first event is at or before `horizon`, after `cursor` (keyset). */
export async function pendingDeadlinesPage(
  manager: EntityManager,
  horizon: Date,
  cursor: { at: string; id: string },
  limit: number,
): Promise<Array<DeadlineRecord & { cursorAt: string }>> {
  const rows: Array<DeadlineRow & { cursorAt: string }> = await manager.query(
    `SELECT ${DEADLINE_COLUMNS}, COALESCE(d.remind_at, d.due_at)::text AS "cursorAt"
       FROM deadlines d
      WHERE d.status = 'PENDING' AND COALESCE(d.remind_at, d.due_at) <= $1
        AND (COALESCE(d.remind_at, d.due_at), d.id) > ($2::timestamptz, $3::uuid)
      ORDER BY COALESCE(d.remind_at, d.due_at), d.id
      LIMIT $4`,
    [horizon, cursor.at, cursor.id, limit],
  );
  return rows.map((row) => ({ ...toDeadlineRecord(row), cursorAt: row.cursorAt }));
}

/** The deadline a stage got when the document last entered it (the pending one if any). */
export async function latestStageDeadline(
  manager: EntityManager,
  documentId: string,
  stage: string,
): Promise<{ dueAt: Date; explanation: string } | null> {
  const rows: Array<{ dueAt: Date; explanation: string }> = await manager.query(
    `SELECT due_at AS "dueAt", explanation FROM deadlines
      WHERE document_id = $1 AND stage = $2
      ORDER BY (status = 'PENDING') DESC, entered_at DESC, created_at DESC LIMIT 1`,
    [documentId, stage],
  );
  return rows[0] ?? null;
}
