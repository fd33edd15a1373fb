import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export default async function globalTeardown(): Promise<void> {
  const testing = await import(pathToFileURL(resolve('dist/libs/testing/src/test-database.js')).href);
  await testing.dropDatabase(testing.TEST_TEMPLATE_DB);
}
