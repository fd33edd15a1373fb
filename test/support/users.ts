import type { TestApp } from '#testing';

/**
 * Adds a user (password demo12345, copied from a seeded user) to a unit of a government, creating
 * the unit when it does not exist. For cases the demo data has no one for (another unit, many roles).
 */
export async function addUser(
  t: TestApp,
  user: { username: string; governmentCode: string; unitCode: string; roles: string[] },
): Promise<string> {
  const [gov] = await t.dataSource.query(`SELECT id FROM governments WHERE code = $1`, [user.governmentCode]);
  await t.dataSource.query(
    `INSERT INTO units (government_id, code, name) VALUES ($1, $2, $3) ON CONFLICT (government_id, code) DO NOTHING`,
    [gov.id, user.unitCode, `Unit ${user.unitCode}`],
  );
  const [unit] = await t.dataSource.query(`SELECT id FROM units WHERE government_id = $1 AND code = $2`, [gov.id, user.unitCode]);
  const [row] = await t.dataSource.query(
    `INSERT INTO users (username, name, password_hash, government_id, unit_id, roles)
     SELECT $1, $2, password_hash, $3, $4, $5 FROM users WHERE username = 'kaltim.drafter' RETURNING id`,
    [user.username, `Pengguna Uji ${user.username}`, gov.id, unit.id, user.roles],
  );
  return row.id as string;
}

export async function setRoles(t: TestApp, username: string, roles: string[]): Promise<void> {
  await t.dataSource.query(`UPDATE users SET roles = $2 WHERE username = $1`, [username, roles]);
}
