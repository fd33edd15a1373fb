import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findTransitionNotificationContext, type TransitionNotificationContext } from '#persistence';
import { JobName, outboxMessageOf, OutboxMessageType, sameTransitionNotification, transitionNotificationOf, type TransitionNotificationPayload } from '#queue';
import { stageActorsFor, type WorkflowRegistry } from '#workflow';
import { OnJob } from '../jobs/on-job.decorator.js';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';
import { outboxDedupKey } from './dedup-keys.js';
import { approvedText, assignedText, cancelledText, publishedText, rejectedText, returnedText, type NotificationText } from './notification-texts.js';
import { NotificationWriter, type NotificationDraft } from './notification.writer.js';
import { RecipientsResolver, type Recipient } from './recipients.resolver.js';
import { actionsOfRole, actorTargets } from './stage-audience.js';

/**
 * A transition's NOTIFY outbox row: ASSIGNED to everyone who may act in the stage entered (delegates
 * included); RETURNED, APPROVED, REJECTED and PUBLISHED to the document's creator. One row per
 * (outbox row, recipient), whatever the retries. The job only names the outbox row: a job whose row
 * does not exist, is not a NOTIFY, or says something else than the job is dropped and logged, and
 * what is written comes from the row.
 */
@Injectable()
export class TransitionNotificationHandler {
  private readonly logger = new Logger(TransitionNotificationHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientsResolver,
    private readonly writer: NotificationWriter,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  @OnJob(JobName.TransitionNotification)
  async handle(job: TransitionNotificationPayload): Promise<string> {
    // One round trip reads the outbox row and, from the row (never from the job), all the text needs;
    // no transaction: the notifications are one INSERT, and each read stands on its own.
    const manager = this.dataSource.manager;
    const context = await findTransitionNotificationContext(manager, job.outboxId);
    const message = context.row ? outboxMessageOf(context.row) : null;
    const data = message?.type === OutboxMessageType.Notify ? transitionNotificationOf(message) : null;
    if (!data || !sameTransitionNotification(data, job)) {
      this.logger.warn(`Dropped transition-notification job for outbox row ${job.outboxId}: it does not match the outbox`);
      return 'dropped: does not match the outbox';
    }
    const dedupKeys = await this.store(manager, data, context, new Date());
    if (dedupKeys === null) return 'document gone';
    await this.writer.requestEmails(dedupKeys);
    return `sent to ${dedupKeys.length}`;
  }

  private async store(manager: EntityManager, data: TransitionNotificationPayload, context: TransitionNotificationContext, now: Date): Promise<string[] | null> {
    const { document: doc, creator, stageDeadline: deadline } = context;
    if (!doc) return null;
    const definition = this.registry.require(doc.kind, doc.machineVersion);
    const actors = data.stage ? stageActorsFor(definition, data.stage) : [];
    const actorName = context.actorName ?? data.actor;
    const participantUnitId = data.participant ? context.participantUnitId : null;
    const people: Recipient[] =
      data.to === 'creator'
        ? creator?.active
          ? [{ userId: creator.userId, username: creator.username, name: creator.name, email: creator.email, role: creator.roles[0] ?? 'DRAFTER', principalUsername: null, principalName: null, delegationKind: null }]
          : []
        : await this.recipients.resolve(manager, doc, actorTargets(actors, participantUnitId), now);
    const textFor = (p: Recipient): NotificationText => {
      switch (data.notification) {
        case 'ASSIGNED':
          return assignedText(doc, data.stage ?? doc.state, deadline, actionsOfRole(actors, p.role), p);
        case 'RETURNED':
          return returnedText(doc, data.stage ?? doc.state, deadline, actionsOfRole(actors, 'DRAFTER'), actorName, data.comment);
        case 'APPROVED':
          return approvedText(doc, data.stage, deadline, actorName);
        case 'REJECTED':
          return rejectedText(doc, actorName, data.comment);
        case 'PUBLISHED':
          return publishedText(doc, actorName);
        case 'CANCELLED':
          return cancelledText(doc, data.stage ?? doc.state, data.action, p);
      }
    };
    const drafts: NotificationDraft[] = people.map((p) => ({
      userId: p.userId,
      type: data.notification,
      documentKind: doc.kind,
      documentId: doc.id,
      ...textFor(p),
      dedupKey: outboxDedupKey(data.outboxId, p.username),
    }));
    await this.writer.insert(manager, drafts);
    return drafts.map((d) => d.dedupKey);
  }
}
