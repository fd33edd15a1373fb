import type { ReportPersonRow } from '#persistence';
import type { ReportPerson, Role } from '#workflow';

/** People rows as the workload rules take them (delegations held now, never revoked). */
export function toReportPeople(rows: readonly ReportPersonRow[]): ReportPerson[] {
  return rows.map((p) => ({
    username: p.username,
    name: p.name,
    governmentCode: p.governmentCode,
    unitCode: p.unitCode,
    roles: p.roles as Role[],
    delegations: p.delegations.map((d) => ({ ...d, role: d.role as Role, revokedAt: null })),
  }));
}
