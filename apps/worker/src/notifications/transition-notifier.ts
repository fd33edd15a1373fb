import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TransitionNotificationContext } from '#persistence';
import type { TransitionNotificationPayload } from '#queue';
import { stageActorsFor, type WorkflowRegistry } from '#workflow';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';
import { outboxDedupKey } from './dedup-keys.js';
import { approvedText, assignedText, cancelledText, publishedText, rejectedText, returnedText, type NotificationText } from './notification-texts.js';
import { NotificationWriter, type NotificationDraft } from './notification.writer.js';
import { RecipientsResolver, type Recipient, type RecipientTarget } from './recipients.resolver.js';
import { actionsOfRole, actorTargets } from './stage-audience.js';

/** A NOTIFY outbox row as the row says it, with what was read from PostgreSQL for it. */
export interface TransitionNotice {
  data: TransitionNotificationPayload;
  context: TransitionNotificationContext;
}

/**
 * A transition's NOTIFY outbox row as notifications: ASSIGNED to everyone who may act in the stage
 * entered (delegates included); RETURNED, APPROVED, REJECTED and PUBLISHED to the document's creator.
 * One row per (outbox row, recipient), whatever the retries (`outboxDedupKey`). Used by the outbox
 * relay for a whole batch (recipients in one query, notifications in one INSERT) and by the
 * transition-notification job for one row.
 */
@Injectable()
export class TransitionNotifier {
  constructor(
    private readonly recipients: RecipientsResolver,
    private readonly writer: NotificationWriter,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  /** Stores the notifications of these rows (a row whose document is gone has none); returns their dedup keys. */
  async write(manager: EntityManager, notices: readonly TransitionNotice[], now: Date): Promise<string[]> {
    const planned = notices.flatMap(({ data, context }) => {
      const doc = context.document;
      if (!doc) return [];
      const definition = this.registry.require(doc.kind, doc.machineVersion);
      const actors = data.stage ? stageActorsFor(definition, data.stage) : [];
      const participantUnitId = data.participant ? context.participantUnitId : null;
      const targets: RecipientTarget[] | null = data.to === 'creator' ? null : actorTargets(actors, participantUnitId);
      return [{ data, context, doc, actors, targets }];
    });
    const asked = planned.flatMap((p) => (p.targets ? [{ notice: p, doc: p.doc, targets: p.targets }] : []));
    const resolved = await this.recipients.resolveEach(manager, asked, now);
    const recipientsOf = new Map(asked.map((a, i) => [a.notice, resolved[i]]));
    const drafts: NotificationDraft[] = planned.flatMap((notice) => {
      const { data, context, doc, actors } = notice;
      const people: Recipient[] = recipientsOf.get(notice) ?? (context.creator ? [context.creator] : []);
      const deadline = context.stageDeadline;
      const actor = { name: context.actorName ?? data.actor, onBehalfOfName: data.onBehalfOf ? (context.onBehalfOfName ?? data.onBehalfOf) : null };
      const textFor = (p: Recipient): NotificationText => {
        switch (data.notification) {
          case 'ASSIGNED':
            return assignedText(doc, data.stage ?? doc.state, deadline, actionsOfRole(actors, p.role), p);
          case 'RETURNED':
            return returnedText(doc, data.stage ?? doc.state, deadline, actionsOfRole(actors, 'DRAFTER'), actor, data.comment);
          case 'APPROVED':
            return approvedText(doc, data.stage, deadline, actor);
          case 'REJECTED':
            return rejectedText(doc, actor, data.comment);
          case 'PUBLISHED':
            return publishedText(doc, actor);
          case 'CANCELLED':
            return cancelledText(doc, data.stage ?? doc.state, data.action, p);
        }
      };
      return people.map((p) => ({
        userId: p.userId,
        type: data.notification,
        documentKind: doc.kind,
        documentId: doc.id,
        ...textFor(p),
        dedupKey: outboxDedupKey(data.outboxId, p.username),
      }));
    });
    await this.writer.insert(manager, drafts);
    return drafts.map((d) => d.dedupKey);
  }
}
