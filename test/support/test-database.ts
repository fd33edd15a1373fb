import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrationsLocked, seedDemoData } from '#persistence';

/** Set per run by the global setup (TEST_TEMPLATE_DB), so concurrent runs keep their own template. */
export const TEST_TEMPLATE_DB = process.env.TEST_TEMPLATE_DB ?? 'alur_test_template';
export const TEST_ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DEMO_PASSWORD = 'demo12345';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Built once per `npm test` run (global setup): migrated and seeded, then copied for every test file. */
export async function buildTemplateDatabase(): Promise<void> {
  await dropDatabase(TEST_TEMPLATE_DB);
  await withAdmin((c) => c.query(`CREATE DATABASE "${TEST_TEMPLATE_DB}"`));
  const dataSource = await new DataSource(buildDataSourceOptions({ url: databaseUrl(TEST_TEMPLATE_DB), poolSize: 4 })).initialize();
  try {
    await runMigrationsLocked(dataSource);
    await seedDemoData(dataSource, TEST_DEMO_PASSWORD);
  } finally {
    await dataSource.destroy();
  }
}

/** Drops the test databases (`alur_test_<pid>_...`, `alur_test_tpl_<pid>`) of runs whose process is gone. */
export async function dropDatabasesOfDeadRuns(): Promise<void> {
  const rows: Array<{ datname: string }> = (await withAdmin((c) => c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'alur\\_test\\_%'`))).rows;
  for (const { datname } of rows) {
    const pid = Number(/^alur_test_(?:tpl_)?(\d+)/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await dropDatabase(datname);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let counter = 0;

/** A fresh database of its own for one test file: a copy of the migrated, seeded template. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `alur_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await withAdmin((c) => c.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${TEST_TEMPLATE_DB}"`));
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** Every row of every table, hashed per table: equal before and after means nothing was written. */
export async function tableFingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await dataSource.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`);
    result[name] = row.h;
  }
  return result;
}

/** The newest migration `dataSource` has run. */
export async function lastMigration(dataSource: DataSource): Promise<string> {
  return ((await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)) as Array<{ name: string }>)[0]!.name;
}

/** Undoes the migrations of `dataSource`, newest first, down to and with `name`: the database as it was before it. */
export async function undoMigrationsThrough(dataSource: DataSource, name: string): Promise<void> {
  while ((await lastMigration(dataSource)) !== name) await dataSource.undoLastMigration({ transaction: 'each' });
  await dataSource.undoLastMigration({ transaction: 'each' });
}

/**
 * On a connection of its own to the database at `url`: undoes the migrations down to and with `name`, hands the database as
 * it was before it to `before` (to look at, or to write as an older process would), then migrates it again.
 */
export async function migrateAgainFrom(url: string, name: string, before: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const dataSource = await new DataSource(buildDataSourceOptions({ url, poolSize: 2 })).initialize();
  try {
    await undoMigrationsThrough(dataSource, name);
    await before(dataSource);
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
