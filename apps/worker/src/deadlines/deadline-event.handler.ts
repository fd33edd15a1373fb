import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { DeadlineRepository, type DeadlineRecord } from '#persistence';
import { JobName, type DeadlineEventPayload } from '#queue';
import { endsAtCloseOfOffice, escalationTargetsFor, stageActorsFor, type WorkflowRegistry } from '#workflow';
import { isEarly, waitUntil } from '../jobs/early-job.util.js';
import type { JobContext } from '../jobs/job-handler.types.js';
import { WorkerJobProducer } from '../jobs/job-producer.provider.js';
import { OnJob } from '../jobs/on-job.decorator.js';
import { deadlineDedupKey } from '../notifications/dedup-keys.js';
import { DocumentContextLoader, type DocumentContext } from '../notifications/document-context.js';
import { escalationText, overdueText, reminderText } from '../notifications/notification-texts.js';
import { NotificationWriter, type NotificationDraft } from '../notifications/notification.writer.js';
import { RecipientsResolver } from '../notifications/recipients.resolver.js';
import { actionsOfRole, actorTargets } from '../notifications/stage-audience.js';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';
import { eventKey, findEvent, nextUnfiredEvent, type DeadlineEvent } from './deadline-events.util.js';
import { deadlineEventJob, queuedNow } from './deadline-jobs.util.js';

type Outcome =
  | { kind: 'skipped'; reason: string }
  | { kind: 'early'; at: Date }
  | { kind: 'fired'; fresh: boolean; dedupKeys: string[]; deadline: DeadlineRecord; next: DeadlineEvent | null };

/**
 * REMINDER, OVERDUE and ESCALATION n of a stage deadline. Under the deadline's row lock: does nothing
 * when the deadline is no longer PENDING, was recomputed (other generation) or the document left the
 * stage; records the event as fired (once, whatever the retries) and stores the notifications in the
 * same transaction; then queues their e-mails and the deadline's next event.
 */
@Injectable()
export class DeadlineEventHandler {
  private readonly logger = new Logger(DeadlineEventHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly documents: DocumentContextLoader,
    private readonly recipients: RecipientsResolver,
    private readonly writer: NotificationWriter,
    private readonly producer: WorkerJobProducer,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.DeadlineEvent)
  async handle(data: DeadlineEventPayload, context: JobContext): Promise<string> {
    const now = new Date();
    const outcome = await this.dataSource.transaction((tx) => this.fire(tx, data, now));
    if (outcome.kind === 'early') return waitUntil(context, outcome.at);
    if (outcome.kind === 'skipped') {
      this.logger.debug(`${data.event} ${data.sequence} of deadline ${data.deadlineId}: nothing to do (${outcome.reason})`);
      return outcome.reason;
    }
    await this.writer.requestEmails(outcome.dedupKeys);
    // the next event, when it is near; a later one is queued by the reconciler's pass that finds it within the horizon
    if (outcome.next && queuedNow(outcome.next.at, now, this.config.reconcileIntervalMs)) await this.producer.add([deadlineEventJob(outcome.deadline, outcome.next)]);
    return outcome.fresh ? `sent to ${outcome.dedupKeys.length}` : 'had fired already';
  }

  private async fire(tx: EntityManager, data: DeadlineEventPayload, now: Date): Promise<Outcome> {
    const deadline = await this.deadlines.find(tx, data.deadlineId, { lock: true });
    if (!deadline || deadline.status !== 'PENDING') return { kind: 'skipped', reason: 'deadline closed' };
    if (deadline.generation !== data.generation) return { kind: 'skipped', reason: `deadline recomputed (generation ${deadline.generation})` };
    const doc = await this.documents.load(tx, deadline.documentId);
    if (!doc || doc.final || doc.state !== deadline.stage) return { kind: 'skipped', reason: 'document left the stage' };
    const event = findEvent(deadline, data.event, data.sequence);
    if (!event) return { kind: 'skipped', reason: 'the deadline has no such event' };
    if (isEarly(event.at, now)) return { kind: 'early', at: event.at };

    const fresh = await this.deadlines.markFired(tx, deadline.id, event.event, event.sequence, deadline.generation);
    let dedupKeys: string[] = [];
    if (fresh) {
      const drafts = await this.compose(tx, doc, deadline, event, now);
      await this.writer.insert(tx, drafts);
      dedupKeys = drafts.map((d) => d.dedupKey);
    }
    deadline.fired.add(eventKey(event));
    return { kind: 'fired', fresh, dedupKeys, deadline, next: nextUnfiredEvent(deadline, deadline.fired) };
  }

  private async compose(tx: EntityManager, doc: DocumentContext, deadline: DeadlineRecord, event: DeadlineEvent, now: Date): Promise<NotificationDraft[]> {
    const definition = this.registry.require(doc.kind, doc.machineVersion);
    const actors = stageActorsFor(definition, deadline.stage);
    const stageDeadline = { dueAt: deadline.dueAt, explanation: deadline.explanation, endsAtCloseOfOffice: endsAtCloseOfOffice(deadline.policy) };
    const draft = (userId: string, username: string, text: { title: string; message: string }): NotificationDraft => ({
      userId,
      type: event.event,
      documentKind: doc.kind,
      documentId: doc.id,
      ...text,
      dedupKey: deadlineDedupKey(deadline.id, event.event, event.sequence, username),
    });

    if (event.event === 'ESCALATION') {
      const targets = escalationTargetsFor(definition, deadline.stage);
      // a unit's head is who its escalations reach: the stored head (units.head_user_id) when set, else whoever holds UNIT_HEAD there
      const people = await this.recipients.resolve(
        tx,
        doc,
        targets.map((t) => ({ role: t.role, scope: t.scope, excludeCreator: false, preferUnitHead: t.role === 'UNIT_HEAD' })),
        now,
      );
      return people.map((p) => {
        const forRole = targets.find((t) => t.role === p.role)?.forRole ?? targets[0].forRole;
        return draft(p.userId, p.username, escalationText(doc, deadline.stage, stageDeadline, event.sequence, forRole, actionsOfRole(actors, forRole), p));
      });
    }
    const people = await this.recipients.resolve(tx, doc, actorTargets(actors, deadline.participantUnitId), now);
    const textOf = event.event === 'REMINDER' ? reminderText : overdueText;
    return people.map((p) => draft(p.userId, p.username, textOf(doc, deadline.stage, stageDeadline, actionsOfRole(actors, p.role), p)));
  }
}
