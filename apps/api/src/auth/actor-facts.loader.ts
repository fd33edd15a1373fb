import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActorFacts, DelegationGrant, Role } from '#workflow';
import type { AuthenticatedUser } from './authenticated-user.js';

interface DelegationRow {
  id: string;
  role: Role;
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
  principalUsername: string;
  principalGovernment: string;
  principalUnit: string;
}

/** The caller as the policy sees them: own roles plus the delegations they hold now (or will soon). */
@Injectable()
export class ActorFactsLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(user: AuthenticatedUser, now: Date, manager: EntityManager = this.dataSource.manager): Promise<ActorFacts> {
    const rows: DelegationRow[] = await manager.query(
      `SELECT dg.id, dg.role, dg.starts_at AS "startsAt", dg.ends_at AS "endsAt", dg.revoked_at AS "revokedAt",
              pu.username AS "principalUsername", pg.code AS "principalGovernment", pn.code AS "principalUnit"
         FROM delegations dg
         JOIN users pu ON pu.id = dg.principal_id
         JOIN governments pg ON pg.id = pu.government_id
         JOIN units pn ON pn.id = pu.unit_id
        WHERE dg.delegate_id = $1 AND dg.revoked_at IS NULL AND dg.starts_at <= $2 AND dg.ends_at > $2
          AND dg.role = ANY(pu.roles) AND pu.active`,
      [user.id, now],
    );
    const delegations: DelegationGrant[] = rows.map((r) => ({
      id: r.id,
      role: r.role,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      revokedAt: r.revokedAt,
      principal: { username: r.principalUsername, governmentCode: r.principalGovernment, unitCode: r.principalUnit },
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
