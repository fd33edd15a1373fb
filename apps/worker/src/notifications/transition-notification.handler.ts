import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { JobName, type TransitionNotificationPayload } from '#queue';
import { stageActorsFor, type WorkflowRegistry } from '#workflow';
import { OnJob } from '../jobs/on-job.decorator.js';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';
import { outboxDedupKey } from './dedup-keys.js';
import { DocumentContextLoader } from './document-context.js';
import { approvedText, assignedText, publishedText, rejectedText, returnedText, type NotificationText } from './notification-texts.js';
import { NotificationWriter, type NotificationDraft } from './notification.writer.js';
import { RecipientsResolver, type Recipient } from './recipients.resolver.js';
import { actionsOfRole, actorTargets } from './stage-audience.js';

/**
 * A transition's NOTIFY outbox row: ASSIGNED to everyone who may act in the stage entered (delegates
 * included); RETURNED, APPROVED, REJECTED and PUBLISHED to the document's creator. One row per
 * (outbox row, recipient), whatever the retries.
 */
@Injectable()
export class TransitionNotificationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentContextLoader,
    private readonly recipients: RecipientsResolver,
    private readonly writer: NotificationWriter,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  @OnJob(JobName.TransitionNotification)
  async handle(data: TransitionNotificationPayload): Promise<string> {
    const dedupKeys = await this.dataSource.transaction((tx) => this.store(tx, data, new Date()));
    if (dedupKeys === null) return 'document gone';
    await this.writer.requestEmails(dedupKeys);
    return `sent to ${dedupKeys.length}`;
  }

  private async store(tx: EntityManager, data: TransitionNotificationPayload, now: Date): Promise<string[] | null> {
    const doc = await this.documents.load(tx, data.documentId);
    if (!doc) return null;
    const definition = this.registry.require(doc.kind, doc.machineVersion);
    const actors = data.stage ? stageActorsFor(definition, data.stage) : [];
    const deadline = data.stage ? await this.documents.stageDeadline(tx, doc.id, data.stage) : null;
    const actorName = await this.documents.displayName(tx, data.actor);

    const people: Recipient[] =
      data.to === 'creator' ? await this.recipients.creator(tx, doc) : await this.recipients.resolve(tx, doc, actorTargets(actors), now);
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
    await this.writer.insert(tx, drafts);
    return drafts.map((d) => d.dedupKey);
  }
}
