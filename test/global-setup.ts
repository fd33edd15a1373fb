import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * Builds dist/ (tests that spawn the api or worker run it) and, from it, the migrated and seeded
 * template database that every test file copies. The template is named after this run's process, so
 * two runs on one PostgreSQL never drop each other's; databases left by runs that died are dropped.
 * Global setup runs outside Jest's module resolver, so it loads the compiled testing lib.
 */
export default async function globalSetup(): Promise<void> {
  execSync('node scripts/build-if-needed.mjs', { stdio: 'inherit' });
  process.env.TEST_TEMPLATE_DB ??= `alur_test_tpl_${process.pid}`;
  const testing = await import(pathToFileURL(resolve('dist/libs/testing/src/test-database.js')).href);
  await testing.dropDatabasesOfDeadRuns();
  await testing.buildTemplateDatabase();
}
