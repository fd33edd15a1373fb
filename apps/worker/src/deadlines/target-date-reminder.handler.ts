import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordTargetDateReminder } from '#persistence';
import { JobName, type TargetDateReminderPayload } from '#queue';
import { isEnactedRegulationState, stageActorsFor, targetDateReminders, type WorkflowRegistry } from '#workflow';
import { isEarly, waitUntil } from '../jobs/early-job.util.js';
import type { JobContext } from '../jobs/job-handler.types.js';
import { OnJob } from '../jobs/on-job.decorator.js';
import { targetDateDedupKey } from '../notifications/dedup-keys.js';
import { DocumentContextLoader } from '../notifications/document-context.js';
import { targetDateText } from '../notifications/notification-texts.js';
import { NotificationWriter, type NotificationDraft } from '../notifications/notification.writer.js';
import { RecipientsResolver } from '../notifications/recipients.resolver.js';
import { actionsOfRole, actorTargets } from '../notifications/stage-audience.js';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';

/**
 * A regulation's targetDate is 30, 7 or 1 days away: a REMINDER to whoever must act in its current
 * stage (delegates included) and to its drafter. Does nothing once the regulation is enacted (signed),
 * final, or its targetDate changed; fires once per (regulation, targetDate, days before). A job for a reminder the
 * regulation does not have is dropped and logged; one that comes before its time waits for it.
 */
@Injectable()
export class TargetDateReminderHandler {
  private readonly logger = new Logger(TargetDateReminderHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentContextLoader,
    private readonly recipients: RecipientsResolver,
    private readonly writer: NotificationWriter,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  @OnJob(JobName.TargetDateReminder)
  async handle(data: TargetDateReminderPayload, context: JobContext): Promise<string> {
    const now = new Date();
    const result = await this.dataSource.transaction((tx) => this.fire(tx, data, now));
    if (result instanceof Date) return waitUntil(context, result);
    if (typeof result === 'string') {
      if (result.startsWith('dropped')) this.logger.warn(`Target-date reminder job for ${data.documentId}: ${result}`);
      return result;
    }
    await this.writer.requestEmails(result);
    return `sent to ${result.length}`;
  }

  private async fire(tx: EntityManager, data: TargetDateReminderPayload, now: Date): Promise<string | string[] | Date> {
    const doc = await this.documents.load(tx, data.documentId);
    if (!doc || doc.kind !== 'regulation' || doc.final) return 'regulation gone or final';
    if (isEnactedRegulationState(doc.state)) return 'regulation enacted: its targetDate is met';
    if (doc.content.targetDate !== data.targetDate) return 'targetDate changed';
    const reminder = targetDateReminders(data.targetDate, doc.timeZone, new Date(0)).find((r) => r.daysBefore === data.daysBefore);
    if (!reminder) return `dropped: a targetDate has no reminder ${data.daysBefore} days before`;
    if (isEarly(reminder.at, now)) return reminder.at;
    if (!(await recordTargetDateReminder(tx, doc.id, data.targetDate, data.daysBefore))) return 'had fired already';

    const actors = stageActorsFor(this.registry.require(doc.kind, doc.machineVersion), doc.state);
    const people = await this.recipients.resolve(tx, doc, actorTargets(actors), now);
    if (!people.some((p) => p.userId === doc.creatorId)) people.push(...(await this.recipients.creator(tx, doc)));
    const deadline = await this.documents.stageDeadline(tx, doc.id, doc.state);
    const drafts: NotificationDraft[] = people.map((p) => ({
      userId: p.userId,
      type: 'REMINDER',
      documentKind: doc.kind,
      documentId: doc.id,
      ...targetDateText(
        doc,
        data.targetDate,
        data.daysBefore,
        doc.state,
        deadline,
        actionsOfRole(actors, p.role),
        p,
      ),
      dedupKey: targetDateDedupKey(doc.id, data.targetDate, data.daysBefore, p.username),
    }));
    await this.writer.insert(tx, drafts);
    return drafts.map((d) => d.dedupKey);
  }
}
