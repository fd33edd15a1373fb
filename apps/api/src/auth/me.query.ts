import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { activeReceivedDelegations } from '#persistence';
import { toDelegationView, type DelegationView } from '../delegations/delegation.view.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { toUserView, type AuthenticatedUserView } from './login.use-case.js';

export interface MeView extends AuthenticatedUserView {
  nip: string | null;
  /** The caller's government's zone, in which the web app shows and reads times. */
  timeZone: string;
  /** The delegations the caller holds now (received, in force), exactly those the policy counts. */
  delegations: DelegationView[];
}

@Injectable()
export class MeQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser): Promise<MeView> {
    const now = new Date();
    const delegations = await activeReceivedDelegations(this.dataSource.manager, user.id, now);
    return { ...toUserView(user), nip: user.nip, timeZone: user.timeZone, delegations: delegations.map((d) => toDelegationView(d, now)) };
  }
}
