import type { UserAccountRow } from '#persistence';
import type { UserView } from './user.dto.js';

export function toUserView(row: UserAccountRow): UserView {
  return {
    username: row.username,
    name: row.name,
    nip: row.nip,
    email: row.email,
    governmentCode: row.governmentCode,
    unitCode: row.unitCode,
    roles: row.roles,
    active: row.active,
    hasPassword: row.hasPassword,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit keeps of a person: the view without times (the entry has its own). */
export function userAuditSnapshot(row: UserAccountRow): Omit<UserView, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = toUserView(row);
  return rest;
}
