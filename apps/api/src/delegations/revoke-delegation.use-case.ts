import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enqueueDelegationChange } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden, notFound } from '../common/errors/app.exception.js';
import { findDelegation, revokeDelegation } from '#persistence';
import { toDelegationView, type DelegationView } from './delegation.view.js';

/**
 * DELETE /api/delegations/:id: the principal, or an ADMIN of the government, ends a delegation now
 * (also one that has not started yet). Revoking a revoked or ended delegation changes nothing and
 * answers 200 with it as it is: the first revocation (time and who), or the end, stands. The first revocation also asks
 * the worker, in its transaction, to tell the principal and the delegate (DELEGATION_REVOKED).
 */
@Injectable()
export class RevokeDelegationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, id: string): Promise<DelegationView> {
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const record = await findDelegation(tx, id, { lock: true });
      if (!record || record.governmentId !== user.governmentId) throw notFound('Delegation');
      if (record.principalId !== user.id && !user.roles.includes('ADMIN')) {
        throw forbidden(`Only ${record.principal} (the principal) or an ADMIN of ${record.governmentCode} revokes this delegation`);
      }
      // an ended window grants nothing any more: revoking it would only tell two people of a change that is none
      if (record.revokedAt === null && new Date(record.endsAt).getTime() > now.getTime()) {
        await revokeDelegation(tx, record.id, now, user.id);
        await enqueueDelegationChange(tx, record.id, 'REVOKED');
      }
      return toDelegationView((await findDelegation(tx, record.id))!, now);
    });
  }
}
