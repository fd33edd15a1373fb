import { GovernmentEntity } from './government.entity.js';
import { UnitEntity } from './unit.entity.js';
import { UserEntity } from './user.entity.js';

export { GovernmentEntity, UnitEntity, UserEntity };

export const ENTITIES = [GovernmentEntity, UnitEntity, UserEntity];
