import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findDelegationNotice, findOutboxRow } from '#persistence';
import { delegationNotificationOf, JobName, outboxMessageOf, OutboxMessageType, sameDelegationNotification, type DelegationNotificationPayload } from '#queue';
import { OnJob } from '../jobs/on-job.decorator.js';
import { outboxDedupKey } from './dedup-keys.js';
import { delegationGrantedToDelegate, delegationGrantedToPrincipal, delegationRevokedToDelegate, delegationRevokedToPrincipal } from './delegation-texts.js';
import { NotificationWriter, type NotificationDraft } from './notification.writer.js';

/**
 * A delegation was recorded or revoked (an outbox DELEGATION_CHANGED row): its principal and its
 * delegate are told, in the app and by e-mail, so nobody acts through a delegation unseen. The job
 * only names the outbox row: a job that does not match its row is dropped and logged, and the text
 * comes from the delegation as PostgreSQL holds it (a revocation only once it is revoked there).
 */
@Injectable()
export class DelegationNotificationHandler {
  private readonly logger = new Logger(DelegationNotificationHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: NotificationWriter,
  ) {}

  @OnJob(JobName.DelegationNotification)
  async handle(job: DelegationNotificationPayload): Promise<string> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const row = await findOutboxRow(tx, job.outboxId);
      const message = row ? outboxMessageOf(row) : null;
      if (message?.type !== OutboxMessageType.DelegationChanged || !sameDelegationNotification(delegationNotificationOf(message), job)) return 'mismatch' as const;
      const notice = await findDelegationNotice(tx, job.delegationId);
      if (!notice || (job.event === 'REVOKED') !== (notice.revokedAt !== null)) return 'mismatch' as const;
      const texts =
        job.event === 'GRANTED'
          ? [[notice.principal, delegationGrantedToPrincipal(notice)], [notice.delegate, delegationGrantedToDelegate(notice)]] as const
          : [[notice.principal, delegationRevokedToPrincipal(notice)], [notice.delegate, delegationRevokedToDelegate(notice)]] as const;
      const drafts: NotificationDraft[] = texts
        .filter(([person]) => person.active)
        .map(([person, text]) => ({
          userId: person.userId,
          type: job.event === 'GRANTED' ? 'DELEGATION_GRANTED' : 'DELEGATION_REVOKED',
          documentKind: null,
          documentId: null,
          ...text,
          dedupKey: outboxDedupKey(job.outboxId, person.username),
        }));
      await this.writer.insert(tx, drafts);
      return drafts.map((d) => d.dedupKey);
    });
    if (outcome === 'mismatch') {
      this.logger.warn(`Dropped delegation-notification job for outbox row ${job.outboxId}: it does not match the outbox or the delegation`);
      return 'dropped: does not match the outbox';
    }
    await this.writer.requestEmails(outcome);
    return `sent to ${outcome.length}`;
  }
}
