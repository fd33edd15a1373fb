import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestDatabaseModule } from './global-setup.js';

/** Loads the test-database module the global setup transpiled (no relative imports resolve here). */
export default async function globalTeardown(): Promise<void> {
  const compiled = resolve('dist/test/support/test-database.mjs');
  const testing = (await import(pathToFileURL(compiled).href)) as TestDatabaseModule;
  await testing.dropDatabase(testing.TEST_TEMPLATE_DB);
}
