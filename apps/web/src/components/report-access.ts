import { GOVERNMENT_REPORT_ROLES, UNIT_REPORT_ROLES } from '@workflow/reports/report-scope.js';
import type { Me } from '../api/views';

/** Who sees "Laporan": the roles of libs/workflow's report scope, held or received by delegation (the API decides). */
export function canReadReports(me: Me): boolean {
  const roles: readonly string[] = [...GOVERNMENT_REPORT_ROLES, ...UNIT_REPORT_ROLES];
  return me.roles.some((r) => roles.includes(r)) || me.delegations.some((d) => d.delegate === me.username && d.active !== false && !d.revokedAt && roles.includes(d.role));
}
