import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrationsLocked, seedDemoData } from '#persistence';
import { createTestDatabase } from '#testing';

// 46 argon2id hashes per seed: seconds on a loaded machine. Nothing here measures time.
jest.setTimeout(180_000);

describe('migrations and demo seed', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    dataSource = await new DataSource(buildDataSourceOptions({ url: db.url, poolSize: 8 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const counts = async () =>
    (
      await dataSource.query(
        `SELECT (SELECT count(*) FROM governments)::int AS g, (SELECT count(*) FROM units)::int AS u, (SELECT count(*) FROM users)::int AS us`,
      )
    )[0];

  it('applies every migration once even when started concurrently', async () => {
    const runs = await Promise.all([runMigrationsLocked(dataSource), runMigrationsLocked(dataSource), runMigrationsLocked(dataSource)]);
    const applied = runs.flat();
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM migrations`);
    expect(n).toBe(applied.length);
  });

  it('seeds the demo organisation of api.md once, and nothing on a second run', async () => {
    const first = await seedDemoData(dataSource, 'demo12345');
    expect(first).toEqual({ governments: 3, units: 15, users: 46 });
    const second = await seedDemoData(dataSource, 'demo12345');
    expect(second).toEqual({ governments: 0, units: 0, users: 0 });
    expect(await counts()).toEqual({ g: 3, u: 15, us: 46 });

    const [paser] = await dataSource.query(
      `SELECT g.level, p.code AS parent, g.time_zone FROM governments g JOIN governments p ON p.id = g.parent_id WHERE g.code = 'paser'`,
    );
    expect(paser).toEqual({ level: 'REGENCY', parent: 'kaltim', time_zone: 'Asia/Makassar' });
    const [plh] = await dataSource.query(`SELECT roles, password_hash FROM users WHERE username = 'berau.plh'`);
    expect(plh.roles).toEqual([]);
    expect(plh.password_hash).toMatch(/^\$argon2id\$/);
    // every unit has a head (UNIT_HEAD), the ones api.md names none for as <government>.kepala-<unitCode>
    const headless = await dataSource.query(
      `SELECT g.code, u.code AS unit FROM units u JOIN governments g ON g.id = u.government_id
        WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.unit_id = u.id AND 'UNIT_HEAD' = ANY(x.roles))`,
    );
    expect(headless).toEqual([]);
    const heads = await dataSource.query(
      `SELECT x.username, u.code AS unit FROM users x JOIN units u ON u.id = x.unit_id WHERE x.username LIKE '%.kepala-%' ORDER BY x.username`,
    );
    expect(heads).toHaveLength(12);
    expect(heads).toContainEqual({ username: 'kaltim.kepala-inspektorat', unit: 'inspektorat' });
    expect(heads).toContainEqual({ username: 'paser.kepala-bagian-hukum', unit: 'bagian-hukum' });
    // each unit's stored head (units.head_user_id, whom escalations reach) is its UNIT_HEAD
    const stored = await dataSource.query(
      `SELECT g.code || '/' || u.code AS unit, h.username FROM units u JOIN governments g ON g.id = u.government_id
         LEFT JOIN users h ON h.id = u.head_user_id ORDER BY 1`,
    );
    expect(stored).toHaveLength(15);
    expect(stored).toContainEqual({ unit: 'kaltim/diskominfo', username: 'kaltim.kadis' });
    expect(stored).toContainEqual({ unit: 'paser/bagian-hukum', username: 'paser.kepala-bagian-hukum' });
    expect(stored.filter((s: { username: string | null }) => s.username === null)).toEqual([]);
  });

  it('does not duplicate anything when two starts seed at the same time', async () => {
    await dataSource.query(`UPDATE units SET head_user_id = NULL WHERE head_user_id IN (SELECT id FROM users WHERE username LIKE 'berau.%')`);
    await dataSource.query(`DELETE FROM users WHERE username LIKE 'berau.%'`);
    const [a, b] = await Promise.all([seedDemoData(dataSource, 'demo12345'), seedDemoData(dataSource, 'demo12345')]);
    expect(a.users + b.users).toBe(15);
    expect(await counts()).toEqual({ g: 3, u: 15, us: 46 });
    expect(await dataSource.query(`SELECT code FROM units WHERE head_user_id IS NULL`)).toEqual([]);
  });
});
