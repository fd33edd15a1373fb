import type { Static } from 'typebox';
import type { CreateGovernmentBody, UpdateGovernmentBody } from './government.schemas.js';

export type CreateGovernmentDto = Static<typeof CreateGovernmentBody>;
export type UpdateGovernmentDto = Static<typeof UpdateGovernmentBody>;

/** A government as the administration API shows it. */
export interface GovernmentView {
  code: string;
  name: string;
  regionName: string;
  level: 'PROVINCE' | 'REGENCY' | 'CITY';
  parentCode: string | null;
  timeZone: string;
  createdAt: Date;
}
