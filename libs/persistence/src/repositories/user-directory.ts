import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A user with the organisation facts every policy decision needs. */
export interface UserRecord {
  id: string;
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  passwordHash: string;
  active: boolean;
  roles: string[];
  governmentId: string;
  governmentCode: string;
  governmentLevel: 'PROVINCE' | 'REGENCY' | 'CITY';
  parentGovernmentCode: string | null;
  unitId: string;
  unitCode: string;
}

const SELECT_USER = `
  SELECT u.id, u.username, u.name, u.nip, u.email, u.password_hash AS "passwordHash", u.active, u.roles,
         g.id AS "governmentId", g.code AS "governmentCode", g.level AS "governmentLevel",
         p.code AS "parentGovernmentCode", un.id AS "unitId", un.code AS "unitCode"
    FROM users u
    JOIN governments g ON g.id = u.government_id
    LEFT JOIN governments p ON p.id = g.parent_id
    JOIN units un ON un.id = u.unit_id`;

@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows: UserRecord[] = await this.dataSource.query(`${SELECT_USER} WHERE u.username = $1`, [username]);
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const rows: UserRecord[] = await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByUsernames(usernames: string[]): Promise<UserRecord[]> {
    if (usernames.length === 0) return [];
    return this.dataSource.query(`${SELECT_USER} WHERE u.username = ANY($1)`, [usernames]);
  }
}
