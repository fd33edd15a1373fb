import type { GovernmentOfficeHours } from '#persistence';
import type { OfficeHours } from '#workflow';

/** GET /api/governments/:code/office-hours. */
export interface OfficeHoursView {
  governmentCode: string;
  timeZone: string;
  /** true: the government has none of its own; the national ASN hours apply */
  isDefault: boolean;
  days: OfficeHours;
  updatedAt: Date | null;
  /** username */
  updatedBy: string | null;
}

export function toOfficeHoursView(government: GovernmentOfficeHours): OfficeHoursView {
  return {
    governmentCode: government.governmentCode,
    timeZone: government.timeZone,
    isDefault: government.isDefault,
    days: government.officeHours,
    updatedAt: government.updatedAt,
    updatedBy: government.updatedBy,
  };
}
