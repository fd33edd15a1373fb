/** The one DataSource the TypeORM CLI uses (`npm run migration:run`, `migration:generate`). */
import { DataSource } from 'typeorm';
import { loadAppConfig } from '#config';
import { buildDataSourceOptions } from './data-source-options.js';

const config = loadAppConfig();

export default new DataSource(buildDataSourceOptions({ url: config.databaseUrl, applicationName: 'alur-cli' }));
