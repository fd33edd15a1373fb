import type { GovernmentLevel } from '../domain/government.types.js';
import type { Role } from '../domain/role.types.js';
import { authoritiesOf } from '../policy/authority.util.js';
import type { ActorFacts } from '../policy/policy.types.js';

/** Roles that see the reports of their whole government (issue 15). */
export const GOVERNMENT_REPORT_ROLES: readonly Role[] = Object.freeze(['SECRETARY', 'ORG_VERIFIER', 'INSPECTOR', 'ADMIN']);
/** Roles that see the reports of their own unit. */
export const UNIT_REPORT_ROLES: readonly Role[] = Object.freeze(['UNIT_HEAD']);

/** What a caller may see in the reports. */
export interface ReportScope {
  readonly governmentCode: string;
  /** null: every unit of the government; else only these units. */
  readonly unitCodes: readonly string[] | null;
  /** A province's government-wide viewer also sees its regencies and cities, as one total each. */
  readonly childrenAsAggregates: boolean;
}

/**
 * The Sekda, the Biro/Bagian Organisasi, the Inspektorat and the ADMIN see their whole government;
 * a Kepala OPD their unit; roles held by an active delegation (Plt/Plh) count as the principal's.
 * Null: no report for this caller (403).
 */
export function reportScopeOf(actor: ActorFacts, level: GovernmentLevel, now: Date): ReportScope | null {
  const own = authoritiesOf(actor, now).filter((a) => a.as.governmentCode === actor.governmentCode);
  if (own.some((a) => GOVERNMENT_REPORT_ROLES.includes(a.role))) {
    return { governmentCode: actor.governmentCode, unitCodes: null, childrenAsAggregates: level === 'PROVINCE' };
  }
  const units = [...new Set(own.filter((a) => UNIT_REPORT_ROLES.includes(a.role)).map((a) => a.as.unitCode))].sort();
  return units.length === 0 ? null : { governmentCode: actor.governmentCode, unitCodes: units, childrenAsAggregates: false };
}

export type UnitSelection = { readonly ok: true; readonly unitCodes: readonly string[] | null } | { readonly ok: false; readonly reason: string };

/** The units a report covers when the caller asks for `requested` (`?unitCode=`), or why not. */
export function selectReportUnits(scope: ReportScope, requested: string | null): UnitSelection {
  if (requested === null) return { ok: true, unitCodes: scope.unitCodes };
  if (scope.unitCodes !== null && !scope.unitCodes.includes(requested)) {
    return { ok: false, reason: `Laporan unit ${requested} di luar kewenangan Anda` };
  }
  return { ok: true, unitCodes: [requested] };
}
