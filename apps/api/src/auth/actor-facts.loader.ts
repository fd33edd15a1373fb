import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findHeldDelegations, type HeldDelegationRecord } from '#persistence';
import type { ActorFacts, DelegationGrant, Role } from '#workflow';
import type { AuthenticatedUser } from './authenticated-user.js';

/** The caller as the policy sees them: own roles plus the delegations they hold now (or will soon). */
@Injectable()
export class ActorFactsLoader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Uses the delegations the guard loaded with the user for this request (no query); loads them when
   * the user came another way. The policy still checks every window against `now`.
   */
  async load(user: AuthenticatedUser, now: Date, manager: EntityManager = this.dataSource.manager): Promise<ActorFacts> {
    const held: HeldDelegationRecord[] = user.delegations ?? (await findHeldDelegations(manager, user.id, now));
    const delegations: DelegationGrant[] = held.map((d) => ({
      id: d.id,
      role: d.role as Role,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      revokedAt: null,
      principal: d.principal,
    }));
    return {
      username: user.username,
      governmentCode: user.governmentCode,
      unitCode: user.unitCode,
      roles: user.roles as Role[],
      delegations,
    };
  }
}
