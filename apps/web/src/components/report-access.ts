import { GOVERNMENT_REPORT_ROLES, UNIT_REPORT_ROLES } from '@workflow/reports/report-scope.js';
import type { Me } from '../api/views';
import { holdsRole } from '../session';

/** Who sees "Laporan": the roles of libs/workflow's report scope, held or received by delegation (the API decides). */
export function canReadReports(me: Me): boolean {
  const roles: readonly string[] = [...GOVERNMENT_REPORT_ROLES, ...UNIT_REPORT_ROLES];
  return roles.some((role) => holdsRole(me, role));
}
