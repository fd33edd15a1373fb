import type { Me } from '../api/views';

/** The roles the caller acts in now: their own and those received as Plt/Plh. */
export function actingRoles(me: Pick<Me, 'username' | 'roles' | 'delegations'>): Set<string> {
  const received = me.delegations.filter((d) => d.delegate === me.username && d.active !== false && !d.revokedAt).map((d) => d.role);
  return new Set<string>([...me.roles, ...received]);
}
