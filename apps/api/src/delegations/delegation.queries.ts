import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Static } from 'typebox';
import type { ListDelegationsQuery } from './delegation.schemas.js';
import { listDelegations } from '#persistence';
import { toDelegationView } from './delegation.view.js';

@Injectable()
export class DelegationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** An ADMIN sees every delegation of their government; anyone else those they gave or received. Newest first. */
  async list(user: AuthenticatedUser, query: Static<typeof ListDelegationsQuery>) {
    const now = new Date();
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const isAdmin = user.roles.includes('ADMIN');
    const { rows, total } = await listDelegations(this.dataSource.manager, {
      governmentId: isAdmin ? user.governmentId : undefined,
      userId: isAdmin ? undefined : user.id,
      active: query.active,
      now,
      offset: (page - 1) * limit,
      limit,
    });
    return { items: rows.map((r) => toDelegationView(r, now)), total, page, limit };
  }
}
