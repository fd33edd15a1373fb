import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';
import type { UnitRecord } from '../organisation/unit.repository.js';
import type { DeadlineSubject, PlannedDeadline } from './deadline-planner.js';

/** A participant's deadline in a stage answered in parallel. */
export interface ParticipantDeadline {
  id: string;
  unitCode: string;
}

/**
 * One deadline per participant, all on the stage's schedule: each is placed in the participant's
 * unit (its head's inbox reads it there) and has its own reminders and escalations; each keeps the roles the
 * document's workflow offers an action as the stage opens (`rolesOfferedTask`).
 */
export async function openParticipantDeadlines(
  manager: EntityManager,
  subject: DeadlineSubject,
  planned: PlannedDeadline,
  units: readonly UnitRecord[],
  offeredRoles: readonly Role[],
): Promise<ParticipantDeadline[]> {
  if (units.length === 0) return [];
  const rows = units.map((unit) => ({ id: randomUUID(), unitId: unit.id, unitCode: unit.code }));
  await manager.query(
    `INSERT INTO deadlines (id, document_id, government_id, unit_id, participant_unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation, offered_roles)
     SELECT r.id, $1, $2, r.unit_id, r.unit_id, $3, $4, $5, $6, $7::timestamptz[], $8::jsonb, $9, $11::text[]
       FROM jsonb_to_recordset($10::jsonb) AS r(id uuid, unit_id uuid)`,
    [
      subject.documentId,
      subject.governmentId,
      planned.stage,
      planned.enteredAt,
      planned.schedule.dueAt,
      planned.schedule.remindAt,
      planned.schedule.escalations,
      JSON.stringify(planned.policy),
      planned.schedule.explanation,
      JSON.stringify(rows.map((r) => ({ id: r.id, unit_id: r.unitId }))),
      offeredRoles,
    ],
  );
  return rows.map(({ id, unitCode }) => ({ id, unitCode }));
}

/**
 * Closes the pending deadlines of these participants in `stage`: DONE for an answer, CANCELLED for
 * participants released when the round closed. Returns the deadlines closed.
 */
export async function closeParticipantDeadlines(
  manager: EntityManager,
  documentId: string,
  stage: string,
  unitCodes: readonly string[],
  status: 'DONE' | 'CANCELLED',
  at: Date,
): Promise<ParticipantDeadline[]> {
  if (unitCodes.length === 0) return [];
  return queryPrepared<ParticipantDeadline>(
    manager,
    `UPDATE deadlines dl SET status = $4, closed_at = $5
       FROM units u
      WHERE dl.document_id = $1 AND dl.stage = $2 AND dl.status = 'PENDING'
        AND u.id = dl.participant_unit_id AND u.code = ANY($3::text[])
     RETURNING dl.id, u.code AS "unitCode"`,
    [documentId, stage, [...unitCodes], status, at],
  );
}
