import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    // no entities: every table is read and written by the named methods of libs/persistence (plain SQL);
    // TypeORM is the connection, transaction and migration layer
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    poolSize: settings.poolSize ?? 10,
    applicationName: settings.applicationName ?? 'alur',
    extra: { connectionTimeoutMillis: 5000, statement_timeout: 30000 },
  };
}
