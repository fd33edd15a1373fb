import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrationsLocked, seedDemoData } from '#persistence';

/** Override (TEST_TEMPLATE_DB) to keep concurrent test runs on one PostgreSQL from dropping each other's template. */
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

let counter = 0;

/** A fresh database of its own for one test file: a copy of the migrated, seeded template. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `alur_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await withAdmin((c) => c.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${TEST_TEMPLATE_DB}"`));
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}
