import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enqueueDelegationChange } from '#persistence';
import { delegationRefusal, isDelegableRole, type Role } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Static } from 'typebox';
import { AppException, forbidden, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import type { CreateDelegationBody } from './delegation.schemas.js';
import { findDelegation, findDelegationParty, holdsByDelegation, insertDelegation, overlappingDelegations } from '#persistence';
import { toDelegationView } from './delegation.view.js';
import { IdempotencyService, storedResponse, type StoredResponse } from '../common/idempotency/idempotency.service.js';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** With an `Idempotency-Key`, sending the same delegation again answers the first response (not an overlap with itself). */
  execute(user: AuthenticatedUser, dto: Static<typeof CreateDelegationBody>, idempotencyKey?: string): Promise<StoredResponse> {
    return this.idempotency.once(user.id, idempotencyKey, { delegation: dto }, (key) => this.run(user, dto, key));
  }

  private async run(user: AuthenticatedUser, dto: Static<typeof CreateDelegationBody>, idempotencyKey: string | undefined): Promise<StoredResponse> {
    if (idempotencyKey !== undefined) IdempotencyService.assertKey(idempotencyKey);
    const now = new Date();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const onBehalf = dto.principal !== undefined && dto.principal !== user.username;
    if (onBehalf && !user.roles.includes('ADMIN')) {
      throw forbidden('Only an ADMIN delegates a role on behalf of someone else; leave out principal to delegate your own role');
    }
    if (!isDelegableRole(dto.role)) {
      const message = `role: ${dto.role} is not delegated; while an ADMIN is away, another ADMIN of the government or the province's administers`;
      throw validationFailed(message, { fields: [message] });
    }
    const principalName = onBehalf ? dto.principal! : user.username;
    const refusal = delegationRefusal({ recordedBy: user.username, principal: principalName, delegate: dto.delegate, startsAt, endsAt, now });
    if (refusal) throw new AppException(ErrorCode[refusal.code], refusal.reason);

    try {
      return await this.dataSource.transaction(async (tx) => {
        const principal = onBehalf ? await findDelegationParty(tx, dto.principal!) : await findDelegationParty(tx, user.username);
        if (!principal || principal.governmentId !== user.governmentId || !principal.active) {
          throw validationFailed(`principal: there is no active user ${dto.principal} in ${user.governmentCode}`);
        }
        const delegate = await findDelegationParty(tx, dto.delegate);
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

        const id = await insertDelegation(tx, {
          principalId: principal.id,
          delegateId: delegate.id,
          role: dto.role,
          kind: dto.kind,
          reason: dto.reason.trim(),
          startsAt,
          endsAt,
          createdBy: user.id,
          createdAt: now,
        });
        await enqueueDelegationChange(tx, id, 'GRANTED');
        const response = storedResponse(201, toDelegationView((await findDelegation(tx, id))!, now));
        if (idempotencyKey !== undefined) await this.idempotency.complete(tx, user.id, idempotencyKey, response);
        return response;
      });
    } catch (error) {
      if (pgCodeOf(error) === EXCLUSION_VIOLATION) {
        throw validationFailed(`The window overlaps another delegation of ${dto.role} by the same principal (created at the same time)`);
      }
      throw error;
    }
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
