import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * How long an idle pooled connection is kept. node-postgres closes one after 10 s by default, so under a
 * steady load that needs few connections the rest were closed and opened again at the next burst, each new
 * backend compiling the trigger functions and loading the catalog before its first transition: the
 * approval benchmark's worst seconds at 200/s were exactly those reconnections (bench/RESULTS.md).
 */
export const POOL_IDLE_TIMEOUT_MS = 10 * 60_000;

/**
 * Session settings of every connection. No JIT compilation: alur's statements run in milliseconds, and a plan whose
 * estimated cost crosses jit_above_cost (a list total at a million documents did, its estimate far off what it reads)
 * spent seconds compiling before it ran (bench/RESULTS.md section 4).
 */
export const SESSION_OPTIONS = '-c jit=off';

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
    extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS, statement_timeout: 30000, options: SESSION_OPTIONS },
  };
}
