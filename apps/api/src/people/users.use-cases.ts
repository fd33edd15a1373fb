import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  endPendingPasswordResets,
  endSessions,
  findUnit,
  findUsernameOrNipHolders,
  hashPassword,
  insertUserAccount,
  listAdministeredGovernments,
  listUserAccounts,
  recordAdminChanges,
  updateUserAccount,
  type UserAccountRow,
} from '#persistence';
import { dropsOwnAdministration } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { administeredGovernment, assertAdministrator } from '../administration/administered-government.js';
import { recordAdminEdit } from '../administration/record-admin-edit.js';
import { AppException, forbidden, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import { administeredUser, lockAdministeredUser } from './administered-user.js';
import { grantedRoles } from './role-grants.js';
import { assertMayChangeSignIn } from './sign-in-guard.js';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserView } from './user.dto.js';
import { toUserView, userAuditSnapshot } from './user-view.js';

export interface UserList {
  items: UserView[];
  total: number;
  page: number;
  limit: number;
}

/** GET /api/users: the people of the governments the caller administers, filtered and paged. */
@Injectable()
export class ListUsersQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, query: ListUsersQueryDto): Promise<UserList> {
    assertAdministrator(user);
    const manager = this.dataSource.manager;
    const governmentIds = query.governmentCode
      ? [(await administeredGovernment(manager, user, query.governmentCode)).id]
      : (await listAdministeredGovernments(manager, user.governmentId)).map((g) => g.id);
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const { items, total } = await listUserAccounts(manager, {
      governmentIds,
      unitCode: query.unitCode,
      role: query.role,
      active: query.active,
      search: query.search,
      page,
      limit,
    });
    return { items: items.map(toUserView), total, page, limit };
  }
}

/** GET /api/users/:username */
@Injectable()
export class GetUserQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, username: string): Promise<UserView> {
    return toUserView(await administeredUser(this.dataSource.manager, user, username));
  }
}

/** 409 naming what is taken: the username, or the NIP by whom. */
export async function assertUsernameAndNipFree(tx: EntityManager, username: string | null, nip: string | null, exceptUserId?: string): Promise<void> {
  const holders = (await findUsernameOrNipHolders(tx, username ? [username] : [], nip ? [nip] : [])).filter((h) => h.id !== exceptUserId);
  if (holders.some((h) => h.username === username)) throw new AppException(ErrorCode.CONFLICT, `The username ${username} is taken`);
  if (holders.length > 0) throw new AppException(ErrorCode.CONFLICT, `The NIP ${nip} already belongs to someone else`);
}

async function unitIdOf(tx: EntityManager, governmentId: string, governmentCode: string, unitCode: string): Promise<string> {
  const unit = await findUnit(tx, governmentId, unitCode);
  if (!unit) {
    const message = `unitCode: ${governmentCode} has no unit ${unitCode}`;
    throw validationFailed(message, { fields: [message] });
  }
  return unit.id;
}

/** POST /api/users */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The password is left out of what an Idempotency-Key keeps of the request (its hash is fast to guess from). */
  async execute(user: AuthenticatedUser, dto: CreateUserDto, idempotencyKey?: string): Promise<StoredResponse> {
    const government = await administeredGovernment(this.dataSource.manager, user, dto.governmentCode ?? user.governmentCode);
    const roles = grantedRoles(dto.roles);
    const { password, ...request } = dto;
    const hashOfPassword = async () => (password === undefined ? null : hashPassword(password));
    return this.idempotency.inTransaction(user.id, idempotencyKey, { user: { ...request, withPassword: password !== undefined } }, 201, async (tx, passwordHash) => {
      const unitId = await unitIdOf(tx, government.id, government.code, dto.unitCode);
      await assertUsernameAndNipFree(tx, dto.username, dto.nip ?? null);
      const created = await insertUserAccount(tx, {
        username: dto.username,
        name: dto.name.trim(),
        nip: dto.nip ?? null,
        email: dto.email ?? null,
        governmentId: government.id,
        unitId,
        roles,
        passwordHash,
        mustChangePassword: passwordHash !== null,
      });
      if (!created) throw new AppException(ErrorCode.CONFLICT, `The username ${dto.username} or the NIP ${dto.nip} is taken`);
      await recordAdminChanges(
        tx,
        [{ action: 'USER_CREATED', targetType: 'USER', targetKey: created.username, governmentId: government.id, actorId: user.id, before: null, after: userAuditSnapshot(created) }],
        new Date(),
      );
      return toUserView(created);
    }, hashOfPassword);
  }
}

function auditAction(before: UserAccountRow, after: UserAccountRow): string {
  if (before.active && !after.active) return 'USER_DEACTIVATED';
  if (!before.active && after.active) return 'USER_REACTIVATED';
  return 'USER_UPDATED';
}

/**
 * PATCH /api/users/:username. Deactivation takes effect at once: the guard reads `active` on every
 * request, and notifications, tasks and delegations count active people only; the history stays.
 */
@Injectable()
export class UpdateUserUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, username: string, dto: UpdateUserDto): Promise<UserView> {
    await administeredUser(this.dataSource.manager, user, username);
    if ((username === user.username && dto.active === false) || (dto.roles !== undefined && dropsOwnAdministration(user.username, { username, roles: dto.roles }))) {
      throw forbidden('An ADMIN cannot deactivate themselves or give up their own ADMIN role');
    }
    return this.dataSource.transaction(async (tx) => {
      const before = await lockAdministeredUser(tx, user, username);
      if ((dto.email !== undefined && dto.email !== before.email) || (dto.nip !== undefined && dto.nip !== before.nip)) assertMayChangeSignIn(user, before);
      const roles = dto.roles === undefined ? undefined : grantedRoles(dto.roles, before.roles);
      const unitId = dto.unitCode === undefined ? undefined : await unitIdOf(tx, before.governmentId, before.governmentCode, dto.unitCode);
      if (dto.nip) await assertUsernameAndNipFree(tx, null, dto.nip, before.id);
      const now = new Date();
      const after = await updateUserAccount(tx, before.id, { name: dto.name?.trim(), nip: dto.nip, email: dto.email, unitId, roles, active: dto.active }, now);
      const deactivated = before.active && !after.active;
      // a reset link went to the address they had, to someone who could then sign in: neither holds any more
      if (after.email !== before.email || deactivated) await endPendingPasswordResets(tx, [before.id], now);
      // and their sessions end for good: reactivating them later does not bring back a token of before
      if (deactivated) await endSessions(tx, before.id, now);
      await recordAdminEdit(
        tx,
        { action: auditAction(before, after), targetType: 'USER', targetKey: username, governmentId: before.governmentId, actorId: user.id, before: userAuditSnapshot(before), after: userAuditSnapshot(after) },
        now,
      );
      return toUserView(after);
    });
  }
}
