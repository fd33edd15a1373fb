import type { GovernmentRow, StoredOfficeHours } from '#persistence';
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

export function toOfficeHoursView(government: Pick<GovernmentRow, 'code' | 'timeZone'>, stored: StoredOfficeHours): OfficeHoursView {
  return {
    governmentCode: government.code,
    timeZone: government.timeZone,
    isDefault: stored.isDefault,
    days: stored.officeHours,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}
