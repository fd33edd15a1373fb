import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeadlinePlanner, writeTransitionRows, type PlannedDeadline } from '#persistence';
import { OutboxMessageType, type OutboxMessage } from '#queue';
import type { PersistedWorkflowSnapshot, ReadScopeMarks, Role, SlaStatusBounds, WorkflowEffect } from '#workflow';
import type { DocumentRecord } from './document-record.js';
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
  /** The roles `snapshot` offers an action (`RestoredInstance.rolesOfferedTask` of the instance after the transition). */
  offeredRoles: readonly Role[];
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
export interface WrittenTransition {
  document: DocumentRecord;
  /** The "Segera jatuh tempo" bounds of its government at the transition's time, when it read its calendar (`PreparedStageChange`). */
  slaBounds: SlaStatusBounds | null;
}

/**
 * Turns a pure transition into rows, inside the caller's transaction, in two round trips: one that
 * closes the deadlines of the stages left and reads what the next deadline depends on, and one
 * statement (`writeTransitionRows`) that writes the next link of the audit chain, the instance
 * snapshot, the document, the new deadline and the outbox messages the worker relays. The caller holds the document's row lock
 * and the calendar lock; both updates are still guarded by the version read under the lock.
 */
@Injectable()
export class TransitionWriter {
  constructor(
    private readonly deadlines: DeadlinePlanner,
    private readonly numbering: RegulationNumbering,
    private readonly participants: ParticipantEffectsWriter,
  ) {}

  async write(manager: EntityManager, t: TransitionToWrite): Promise<WrittenTransition> {
    const { record } = t;
    const marks = t.marks ?? { submitted: record.submitted, facilitationRequested: record.facilitationRequested };
    const subject = { documentId: record.id, kind: record.kind, governmentId: record.governmentId, unitId: record.unitId, timeZone: record.timeZone };
    const leave = t.effects.flatMap((e) => (e.type === 'stage-left' ? [e.stage] : []));
    const enter = t.effects.flatMap((e) => (e.type === 'stage-entered' || e.type === 'participants-opened' ? [e.stage] : []));
    if (enter.length > 1) throw new Error(`a transition enters one stage at most, not ${enter.join(', ')}`);
    const { closed, planned: stagePlan, slaBounds } =
      leave.length > 0 || enter.length > 0
        ? await this.deadlines.prepare(manager, subject, { leave, enter: enter[0] ?? null }, t.at)
        : { closed: new Map<string, string>(), planned: null as PlannedDeadline | null, slaBounds: null };
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
            payload: { notification: effect.notification, to: effect.to, stage: effect.stage, action: t.action, actor: t.actor, onBehalfOf: t.onBehalfOf, comment: t.comment },
          });
          break;
        case 'assign-numbers':
          facts = { ...facts, ...(await this.numbering.assign(manager, { ...record, title: String(record.content.title) }, t.at)) };
          break;
        default:
          outbox.push(...(await this.participants.write(manager, subject, record, effect, stagePlan, t)));
      }
    }

    const link = await writeTransitionRows(manager, {
      documentId: record.id,
      kind: record.kind,
      governmentId: record.governmentId,
      unitId: record.unitId,
      previous: { seq: record.lastSeq, hash: record.lastHash },
      entry: {
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
      },
      snapshot: t.snapshot,
      offeredRoles: t.offeredRoles,
      toState: t.toState,
      final: t.final,
      facts,
      version: record.version,
      outbox,
      marks,
      deadline: planned ? { subject, planned } : null,
    });
    const document: DocumentRecord = {
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
    return { document, slaBounds };
  }
}
