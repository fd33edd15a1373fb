import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { enqueueDelegationChange } from '#persistence';
import { delegationRefusal, type Role } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppException, forbidden, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import type { CreateDelegationDto } from './delegation.dto.js';
import {
  findDelegation,
  holdsByDelegation,
  overlappingDelegations,
  toDelegationView,
  type DelegationView,
} from './delegation.store.js';

interface Party {
  id: string;
  username: string;
  governmentId: string;
  roles: Role[];
  active: boolean;
}

/** PostgreSQL's exclusion_violation: ex_delegations_no_overlap caught a concurrent overlapping insert. */
const EXCLUSION_VIOLATION = '23P01';

/**
 * A principal lets a delegate act in one of the principal's own roles for a time window (Plt/Plh);
 * an ADMIN may do it for a principal of their government. Every broken rule is a 400 naming it;
 * the overlap rule is also an exclusion constraint, so concurrent requests cannot both pass. In the
 * same transaction the worker is asked to tell the principal and the delegate (DELEGATION_GRANTED).
 */
@Injectable()
export class CreateDelegationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, dto: CreateDelegationDto): Promise<DelegationView> {
    const now = new Date();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const onBehalf = dto.principal !== undefined && dto.principal !== user.username;
    if (onBehalf && !user.roles.includes('ADMIN')) {
      throw forbidden('Only an ADMIN delegates a role on behalf of someone else; leave out principal to delegate your own role');
    }
    const principalName = onBehalf ? dto.principal! : user.username;
    const refusal = delegationRefusal({ recordedBy: user.username, principal: principalName, delegate: dto.delegate, startsAt, endsAt, now });
    if (refusal) throw new AppException(ErrorCode[refusal.code], refusal.reason);

    try {
      return await this.dataSource.transaction(async (tx) => {
        const principal = onBehalf ? await this.party(tx, dto.principal!) : await this.party(tx, user.username);
        if (!principal || principal.governmentId !== user.governmentId || !principal.active) {
          throw validationFailed(`principal: there is no active user ${dto.principal} in ${user.governmentCode}`);
        }
        const delegate = await this.party(tx, dto.delegate);
        if (!delegate || delegate.governmentId !== user.governmentId || !delegate.active) {
          throw validationFailed(`delegate: there is no active user ${dto.delegate} in ${user.governmentCode}; a delegate must belong to the principal's government`);
        }
        if (!principal.roles.includes(dto.role)) {
          throw validationFailed(
            (await holdsByDelegation(tx, principal.id, dto.role, now))
              ? `${principal.username} holds ${dto.role} only by delegation, and a delegate cannot delegate it again`
              : `${principal.username} does not hold the role ${dto.role}`,
          );
        }
        const [overlap] = await overlappingDelegations(tx, principal.id, dto.role, startsAt, endsAt);
        if (overlap) throw overlapError(principal.username, dto.role, overlap);

        const [{ id }] = await tx.query(
          `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [principal.id, delegate.id, dto.role, dto.kind, dto.reason.trim(), startsAt, endsAt, user.id, now],
        );
        await enqueueDelegationChange(tx, id, 'GRANTED');
        return toDelegationView((await findDelegation(tx, id))!, now);
      });
    } catch (error) {
      if (pgCodeOf(error) === EXCLUSION_VIOLATION) {
        throw validationFailed(`The window overlaps another delegation of ${dto.role} by the same principal (created at the same time)`);
      }
      throw error;
    }
  }

  private async party(tx: EntityManager, username: string): Promise<Party | null> {
    const rows: Party[] = await tx.query(
      `SELECT id, username, government_id AS "governmentId", roles, active FROM users WHERE username = $1`,
      [username],
    );
    return rows[0] ?? null;
  }
}

function overlapError(principal: string, role: Role, other: { id: string; delegate: string; startsAt: Date; endsAt: Date }) {
  return validationFailed(
    `${principal} already delegates ${role} to ${other.delegate} from ${new Date(other.startsAt).toISOString()} to ${new Date(other.endsAt).toISOString()}; ` +
      'revoke that delegation or choose a window that does not overlap it',
    { conflictsWith: other.id },
  );
}

function pgCodeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
