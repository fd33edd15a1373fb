import type { UserAccountRow } from '#persistence';
import type { UserView } from './user.dto.js';

export function toUserView(row: UserAccountRow): UserView {
  return {
    username: row.username,
    name: row.name,
    nip: row.nip,
    email: row.email,
    governmentCode: row.governmentCode,
    governmentName: row.governmentName,
    unitCode: row.unitCode,
    unitName: row.unitName,
    roles: row.roles,
    active: row.active,
    hasPassword: row.hasPassword,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit keeps of a person: the view without times (the entry has its own) and names of places (the codes say which). */
export function userAuditSnapshot(row: UserAccountRow): Omit<UserView, 'createdAt' | 'updatedAt' | 'governmentName' | 'unitName'> {
  const { createdAt: _c, updatedAt: _u, governmentName: _g, unitName: _n, ...rest } = toUserView(row);
  return rest;
}
