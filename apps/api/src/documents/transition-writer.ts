import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeadlinePlanner } from '#persistence';
import type { PersistedWorkflowSnapshot, WorkflowEffect } from '#workflow';
import type { DocumentRecord } from './document-record.js';
import { appendHistory } from './history-appender.js';
import type { DocumentFactsJson } from './kinds/document-kind.types.js';
import { RegulationNumbering } from './regulation-numbering.js';

export interface TransitionToWrite {
  record: DocumentRecord;
  action: string;
  fromState: string | null;
  toState: string;
  final: boolean;
  snapshot: PersistedWorkflowSnapshot;
  effects: readonly WorkflowEffect[];
  facts: DocumentFactsJson;
  actor: string;
  onBehalfOf: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

export interface OutboxMessage {
  type: 'STAGE_ENTERED' | 'STAGE_LEFT' | 'NOTIFY';
  payload: Record<string, unknown>;
}

/**
 * Turns a pure transition into rows, inside the caller's transaction: the instance snapshot, the
 * document, the next link of the audit chain, the stage deadlines and the outbox messages the worker
 * relays. Both updates are guarded by the version read under the row lock.
 */
@Injectable()
export class TransitionWriter {
  constructor(
    private readonly deadlines: DeadlinePlanner,
    private readonly numbering: RegulationNumbering,
  ) {}

  async write(manager: EntityManager, t: TransitionToWrite): Promise<void> {
    const { record } = t;
    const subject = { documentId: record.id, kind: record.kind, governmentId: record.governmentId, timeZone: record.timeZone };
    const outbox: OutboxMessage[] = [];
    let facts = t.facts;
    for (const effect of t.effects) {
      switch (effect.type) {
        case 'stage-left': {
          const deadlineId = await this.deadlines.close(manager, record.id, effect.stage, t.at);
          outbox.push({ type: 'STAGE_LEFT', payload: { stage: effect.stage, deadlineId } });
          break;
        }
        case 'stage-entered': {
          const deadlineId = await this.deadlines.open(manager, subject, effect.stage, t.at);
          outbox.push({ type: 'STAGE_ENTERED', payload: { stage: effect.stage, deadlineId } });
          break;
        }
        case 'notify':
          outbox.push({
            type: 'NOTIFY',
            payload: { notification: effect.notification, to: effect.to, stage: effect.stage, action: t.action, actor: t.actor, comment: t.comment },
          });
          break;
        case 'assign-numbers':
          facts = {
            ...facts,
            ...(await this.numbering.assign(manager, { ...record, title: String(record.content.title) }, t.at)),
          };
          break;
      }
    }

    const link = await appendHistory(manager, record.id, { seq: record.lastSeq, hash: record.lastHash }, {
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
    const [, instanceUpdated] = await manager.query(
      `UPDATE workflow_instances SET snapshot = $2, state = $3, version = version + 1, last_seq = $4, last_hash = $5, updated_at = $6
        WHERE document_id = $1 AND last_seq = $7`,
      [record.id, JSON.stringify(t.snapshot), t.toState, link.seq, link.hash, t.at, record.lastSeq],
    );
    const [, documentUpdated] = await manager.query(
      // a regulation is listed (?year=) under the year it was promulgated in
      `UPDATE documents SET state = $2, final = $3, facts = $4, year = COALESCE(($4::jsonb ->> 'year')::int, year), version = version + 1, updated_at = $5
        WHERE id = $1 AND version = $6`,
      [record.id, t.toState, t.final, JSON.stringify(facts), t.at, record.version],
    );
    if (instanceUpdated !== 1 || documentUpdated !== 1) {
      throw new Error(`document ${record.id} changed under its row lock`);
    }
    if (outbox.length > 0) {
      await manager.query(
        `INSERT INTO outbox (document_id, type, payload)
         SELECT $1, m.type, m.payload FROM jsonb_to_recordset($2::jsonb) AS m(type text, payload jsonb)`,
        [record.id, JSON.stringify(outbox)],
      );
    }
  }
}
