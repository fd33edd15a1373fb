import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../password-hash.util.js';
import { DEMO_GOVERNMENTS, demoUsers } from './demo-data.js';
import { seedHolidays } from './holiday-seed.js';

export interface SeedReport {
  governments: number;
  units: number;
  users: number;
}

/**
 * Inserts the demo organisation; every row is keyed by its natural key, so a second run inserts
 * nothing and never changes an existing row (a password changed by an admin stays changed).
 */
export async function seedDemoData(dataSource: DataSource, password: string): Promise<SeedReport> {
  const users = demoUsers();
  const wanted = users.map((u) => u.username);
  const existing = new Set<string>(
    (await dataSource.query(`SELECT username FROM users WHERE username = ANY($1)`, [wanted])).map(
      (r: { username: string }) => r.username,
    ),
  );
  const missing = wanted.filter((u) => !existing.has(u));
  // Each user gets a salt of their own; hashing happens outside the transaction (argon2 is slow).
  const hashes = new Map(await Promise.all(missing.map(async (u) => [u, await hashPassword(password)] as const)));

  return dataSource.transaction(async (tx) => {
    const report: SeedReport = { governments: 0, units: 0, users: 0 };
    for (const government of DEMO_GOVERNMENTS) {
      report.governments += await insertGovernment(tx, government.code, government);
      for (const unit of government.units) {
        report.units += await rowCount(
          tx.query(
            `INSERT INTO units (government_id, code, name)
             SELECT id, $2, $3 FROM governments WHERE code = $1
             ON CONFLICT (government_id, code) DO NOTHING RETURNING 1`,
            [government.code, unit.code, unit.name],
          ),
        );
      }
    }
    for (const user of users) {
      const hash = hashes.get(user.username);
      if (!hash) continue;
      report.users += await rowCount(
        tx.query(
          `INSERT INTO users (username, name, nip, email, password_hash, government_id, unit_id, roles)
           SELECT $1, $2, $3, $4, $5, g.id, u.id, $8
             FROM governments g JOIN units u ON u.government_id = g.id AND u.code = $7
            WHERE g.code = $6
           ON CONFLICT (username) DO NOTHING RETURNING 1`,
          [user.username, user.name, user.nip, `${user.username}@demo.alur.local`, hash, user.governmentCode, user.unitCode, user.roles],
        ),
      );
    }
    // every unit's head, whom its escalations reach: the one person holding UNIT_HEAD there (G.kadis, G.kepala-<unit>)
    await tx.query(
      `UPDATE units un SET head_user_id = h.id
         FROM (SELECT unit_id, min(id::text)::uuid AS id FROM users WHERE 'UNIT_HEAD' = ANY(roles) AND active GROUP BY unit_id HAVING count(*) = 1) h
        WHERE h.unit_id = un.id AND un.head_user_id IS NULL`,
    );
    await seedHolidays(tx); // national holidays, cuti bersama and a regional example (holiday-data.ts)
    return report;
  });
}

async function insertGovernment(tx: EntityManager, code: string, g: (typeof DEMO_GOVERNMENTS)[number]): Promise<number> {
  return rowCount(
    tx.query(
      `INSERT INTO governments (code, name, region_name, level, parent_id, time_zone)
       VALUES ($1, $2, $6, $3, (SELECT id FROM governments WHERE code = $4), $5)
       ON CONFLICT (code) DO NOTHING RETURNING 1`,
      [code, g.name, g.level, g.parentCode, g.timeZone, g.regionName],
    ),
  );
}

async function rowCount(result: Promise<unknown[]>): Promise<number> {
  return (await result).length;
}
