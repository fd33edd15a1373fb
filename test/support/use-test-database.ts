import { afterAll, beforeAll } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '#persistence';
import { createTestDatabase } from './test-database.js';

/**
 * For the tests of the enclosing describe: a database of their own (from the migrated template) and a
 * DataSource on it, made before them and dropped after. Read `dataSource` in a test or a later hook.
 */
export function useTestDatabase(options: { poolSize?: number } = {}): { readonly dataSource: DataSource } {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions({ url: db.url, poolSize: options.poolSize ?? 2 })).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  return {
    get dataSource(): DataSource {
      if (!dataSource) throw new Error('useTestDatabase: the database is made in beforeAll; read dataSource in a test or a later hook');
      return dataSource;
    },
  };
}
