import type { Static } from 'typebox';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody } from './people.schemas.js';

export type CreateUserDto = Static<typeof CreateUserBody>;
export type UpdateUserDto = Static<typeof UpdateUserBody>;
export type ListUsersQueryDto = Static<typeof ListUsersQuery>;

/** A person as the administration API shows them. */
export interface UserView {
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  governmentCode: string;
  governmentName: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  active: boolean;
  /** false: created without a password; a reset gives them one */
  hasPassword: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}
