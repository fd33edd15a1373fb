import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * Builds dist/ (tests that spawn the api or worker run it) and, from it, the migrated and seeded
 * template database that every test file copies. Global setup runs outside Jest's module resolver,
 * so it loads the compiled persistence lib rather than the sources.
 */
export default async function globalSetup(): Promise<void> {
  execSync('node scripts/build-if-needed.mjs', { stdio: 'inherit' });
  const testing = await import(pathToFileURL(resolve('dist/libs/testing/src/test-database.js')).href);
  await testing.buildTemplateDatabase();
}
