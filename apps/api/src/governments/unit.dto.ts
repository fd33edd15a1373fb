import type { Static } from 'typebox';
import type { CreateUnitBody, UpdateUnitBody } from './government.schemas.js';

export type CreateUnitDto = Static<typeof CreateUnitBody>;
export type UpdateUnitDto = Static<typeof UpdateUnitBody>;

/** A unit (OPD) as the administration API shows it. */
export interface UnitView {
  code: string;
  name: string;
  governmentCode: string;
  headUsername: string | null;
  createdAt: Date;
}
