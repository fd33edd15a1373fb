import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeadlinePlanner, deadlineInsertParams, insertDeadlineSql, queryPrepared, type PlannedDeadline } from '#persistence';
import { OutboxMessageType, type OutboxMessage } from '#queue';
import type { PersistedWorkflowSnapshot, ReadScopeMarks, WorkflowEffect } from '#workflow';
import type { DocumentRecord } from './document-record.js';
import { HISTORY_COLUMNS, placeholders, sealHistory } from './history-appender.js';
import type { DocumentFactsJson } from './kinds/document-kind.types.js';
import { ParticipantEffectsWriter } from './participant-effects.writer.js';
import { RegulationNumbering } from './regulation-numbering.js';

export interface TransitionToWrite {
  record: DocumentRecord;
  action: string;
  fromState: string | null;
  toState: string;
  final: boolean;
  snapshot: PersistedWorkflowSnapshot;
  /** The read-scope marks after the transition (`readScopeMarksAfter`); omitted, they stay as they were. */
  marks?: ReadScopeMarks;
  effects: readonly WorkflowEffect[];
  facts: DocumentFactsJson;
  actor: string;
  onBehalfOf: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

/** The document as it is after the transition, without reading it back. */
export type WrittenDocument = DocumentRecord;

/**
 * Turns a pure transition into rows, inside the caller's transaction, in two round trips: one that
 * closes the deadlines of the stages left and reads what the next deadline depends on, and one
 * statement that writes the next link of the audit chain, the instance snapshot, the document, the
 * new deadline and the outbox messages the worker relays. The caller holds the document's row lock
 * and the calendar lock; both updates are still guarded by the version read under the lock.
 */
@Injectable()
export class TransitionWriter {
  constructor(
    private readonly deadlines: DeadlinePlanner,
    private readonly numbering: RegulationNumbering,
    private readonly participants: ParticipantEffectsWriter,
  ) {}

  async write(manager: EntityManager, t: TransitionToWrite): Promise<WrittenDocument> {
    const { record } = t;
    const marks = t.marks ?? { submitted: record.submitted, facilitationRequested: record.facilitationRequested };
    const subject = { documentId: record.id, kind: record.kind, governmentId: record.governmentId, unitId: record.unitId, timeZone: record.timeZone };
    const leave = t.effects.flatMap((e) => (e.type === 'stage-left' ? [e.stage] : []));
    const enter = t.effects.flatMap((e) => (e.type === 'stage-entered' || e.type === 'participants-opened' ? [e.stage] : []));
    if (enter.length > 1) throw new Error(`a transition enters one stage at most, not ${enter.join(', ')}`);
    const { closed, planned: stagePlan } =
      leave.length > 0 || enter.length > 0
        ? await this.deadlines.prepare(manager, subject, { leave, enter: enter[0] ?? null }, t.at)
        : { closed: new Map<string, string>(), planned: null as PlannedDeadline | null };
    // a stage answered in parallel gets one deadline per participant instead of the document's one
    const opensParticipants = t.effects.some((e) => e.type === 'participants-opened');
    const planned = opensParticipants ? null : stagePlan;

    let facts = t.facts;
    const outbox: OutboxMessage[] = [];
    for (const effect of t.effects) {
      switch (effect.type) {
        case 'stage-left':
          outbox.push({ type: OutboxMessageType.StageLeft, payload: { stage: effect.stage, deadlineId: closed.get(effect.stage) ?? null } });
          break;
        case 'stage-entered':
          outbox.push({ type: OutboxMessageType.StageEntered, payload: { stage: effect.stage, deadlineId: planned?.id ?? null } });
          break;
        case 'notify':
          outbox.push({
            type: OutboxMessageType.Notify,
            payload: { notification: effect.notification, to: effect.to, stage: effect.stage, action: t.action, actor: t.actor, comment: t.comment },
          });
          break;
        case 'assign-numbers':
          facts = { ...facts, ...(await this.numbering.assign(manager, { ...record, title: String(record.content.title) }, t.at)) };
          break;
        default:
          outbox.push(...(await this.participants.write(manager, subject, record, effect, stagePlan, t)));
      }
    }

    const link = sealHistory(record.id, { seq: record.lastSeq, hash: record.lastHash }, {
      action: t.action,
      fromState: t.fromState,
      toState: t.toState,
      actor: t.actor,
      onBehalfOf: t.onBehalfOf,
      comment: t.comment,
      data: t.data,
      contentVersion: record.contentVersion,
      contentHash: record.contentHash,
      at: t.at,
    });
    const params: unknown[] = [
      ...link.params, // $1..$14
      JSON.stringify(t.snapshot), // $15
      t.toState, // $16
      t.final, // $17
      JSON.stringify(facts), // $18
      record.version, // $19
      record.lastSeq, // $20
      JSON.stringify(outbox), // $21
      marks.submitted, // $22
      marks.facilitationRequested, // $23
    ];
    const deadlineCte = planned ? `, opened AS (${insertDeadlineSql(params.length + 1)})` : '';
    if (planned) params.push(...deadlineInsertParams(subject, planned));
    const [written] = await queryPrepared<{ instances: number; documents: number }>(
      manager,
      `WITH hist AS (INSERT INTO history_entries ${HISTORY_COLUMNS} VALUES ${placeholders(1, 14)}),
       inst AS (
         UPDATE workflow_instances SET snapshot = $15, state = $16, version = version + 1, last_seq = $2, last_hash = $14, updated_at = $12
          WHERE document_id = $1 AND last_seq = $20 RETURNING 1
       ),
       doc AS (
         -- a regulation is listed (?year=) under the year it was promulgated in
         UPDATE documents SET state = $16, final = $17, facts = $18, year = COALESCE(($18::jsonb ->> 'year')::int, year),
                version = version + 1, updated_at = $12,
                submitted_at = CASE WHEN $22::boolean THEN coalesce(submitted_at, $12) ELSE submitted_at END,
                facilitation_requested_at = CASE WHEN $23::boolean THEN coalesce(facilitation_requested_at, $12) ELSE facilitation_requested_at END
          WHERE id = $1 AND version = $19 RETURNING 1
       ),
       box AS (
         INSERT INTO outbox (document_id, type, payload)
         SELECT $1, m.type, m.payload FROM jsonb_to_recordset($21::jsonb) AS m(type text, payload jsonb)
       )${deadlineCte}
       SELECT (SELECT count(*) FROM inst)::int AS instances, (SELECT count(*) FROM doc)::int AS documents`,
      params,
    );
    if (written.instances !== 1 || written.documents !== 1) {
      throw new Error(`document ${record.id} changed under its row lock`);
    }
    return {
      ...record,
      state: t.toState,
      final: t.final,
      facts,
      version: record.version + 1,
      updatedAt: t.at,
      snapshot: t.snapshot,
      lastSeq: link.seq,
      lastHash: link.hash,
      history: [...record.history, { action: t.action, fromState: t.fromState, actor: t.actor, onBehalfOf: t.onBehalfOf }],
      ...marks,
      deadline: stagePlan
        ? { stage: stagePlan.stage, dueAt: stagePlan.schedule.dueAt, explanation: stagePlan.schedule.explanation }
        : record.deadline && leave.includes(record.deadline.stage)
          ? null
          : record.deadline,
    };
  }
}
