import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user.js';
import { toUserView, type AuthenticatedUserView } from './login.use-case.js';

export interface MeView extends AuthenticatedUserView {
  nip: string | null;
  delegations: unknown[];
}

@Injectable()
export class MeQuery {
  async execute(user: AuthenticatedUser): Promise<MeView> {
    return { ...toUserView(user), nip: user.nip, delegations: [] };
  }
}
