import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { activeReceivedDelegations, findUserAccount } from '#persistence';
import { unauthenticated } from '../common/errors/app.exception.js';
import { toDelegationView, type DelegationView } from '../delegations/delegation.view.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { toUserView, type AuthenticatedUserView } from './login.use-case.js';

export interface MeView extends AuthenticatedUserView {
  nip: string | null;
  governmentName: string;
  unitName: string;
  /** false for a person who signs in only through SSO: there is no password to change. */
  hasPassword: boolean;
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
    const [delegations, account] = await Promise.all([activeReceivedDelegations(this.dataSource.manager, user.id, now), findUserAccount(this.dataSource.manager, user.username)]);
    if (!account) throw unauthenticated('This account no longer exists: sign in again');
    return {
      ...toUserView(user),
      nip: user.nip,
      governmentName: account.governmentName,
      unitName: account.unitName,
      hasPassword: account.hasPassword,
      timeZone: user.timeZone,
      delegations: delegations.map((d) => toDelegationView(d, now)),
    };
  }
}
