import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { closeParticipantDeadlines, findUnitsByCode, openParticipantDeadlines, type DeadlineSubject, type PlannedDeadline } from '#persistence';
import type { WorkflowEffect } from '#workflow';
import type { DocumentRecord } from './document-record.js';
import { OutboxMessageType, type OutboxMessage } from '#queue';
import type { TransitionToWrite } from './transition-writer.js';

type ParticipantEffect = Extract<WorkflowEffect, { type: 'participants-opened' | 'participant-answered' | 'participants-released' }>;

/**
 * The rows of a stage answered in parallel (paraf koordinasi by the OPDs concerned): a deadline and an
 * ASSIGNED notification per participant when it opens, that participant's deadline closed (DONE) when
 * they answer, and the deadlines of participants still pending CANCELLED, with a CANCELLED notice,
 * when the round closes. Each closed deadline gets a STAGE_LEFT, so the relay removes its jobs.
 */
@Injectable()
export class ParticipantEffectsWriter {
  async write(
    manager: EntityManager,
    subject: DeadlineSubject,
    record: DocumentRecord,
    effect: WorkflowEffect,
    planned: PlannedDeadline | null,
    t: TransitionToWrite,
  ): Promise<OutboxMessage[]> {
    const e = effect as ParticipantEffect;
    const notify = (notification: 'ASSIGNED' | 'CANCELLED', participant: string): OutboxMessage => ({
      type: OutboxMessageType.Notify,
      payload: { notification, to: 'stage-actors', stage: e.stage, action: t.action, actor: t.actor, onBehalfOf: t.onBehalfOf, comment: t.comment, participant },
    });
    switch (e.type) {
      case 'participants-opened': {
        if (planned === null || planned.stage !== e.stage) throw new Error(`no deadline was planned for ${e.stage}`);
        const units = await findUnitsByCode(manager, record.governmentId, e.participants);
        const opened = await openParticipantDeadlines(manager, subject, planned, units, t.offeredRoles);
        return opened.flatMap((d) => [
          { type: OutboxMessageType.StageEntered, payload: { stage: e.stage, deadlineId: d.id, participant: d.unitCode } },
          notify('ASSIGNED', d.unitCode),
        ]);
      }
      case 'participant-answered': {
        const closed = await closeParticipantDeadlines(manager, record.id, e.stage, [e.participant], 'DONE', t.at);
        return closed.map((d): OutboxMessage => ({ type: OutboxMessageType.StageLeft, payload: { stage: e.stage, deadlineId: d.id, participant: d.unitCode } }));
      }
      case 'participants-released': {
        const closed = await closeParticipantDeadlines(manager, record.id, e.stage, e.participants, 'CANCELLED', t.at);
        return closed.flatMap((d) => [
          { type: OutboxMessageType.StageLeft, payload: { stage: e.stage, deadlineId: d.id, participant: d.unitCode } },
          notify('CANCELLED', d.unitCode),
        ]);
      }
      default:
        return [];
    }
  }
}
