import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { buildDataSourceOptions } from './data-source-options.js';
import { runMigrationsLocked } from './run-migrations.util.js';
import { seedDemoData } from './seed/demo-seed.js';

export interface DatabaseModuleOptions {
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** Seed the demo data (when DEMO_SEED is on) after migrating; the api does, the worker does not. */
  seed: boolean;
}

const logger = new Logger('Database');

/** Runs on start when DEMO_SEED is on; idempotent, so concurrent starts insert each row once. */
@Injectable()
export class DemoSeedRunner implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.demoSeed) return;
    const report = await seedDemoData(this.dataSource, this.config.demoPassword);
    if (report.governments + report.units + report.users > 0) logger.log(`Demo data seeded: ${JSON.stringify(report)}`);
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            buildDataSourceOptions({
              url: config.databaseUrl,
              poolSize: config.databasePoolSize,
              applicationName: options.applicationName,
            }),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions!).initialize();
            const applied = await runMigrationsLocked(dataSource);
            if (applied.length) logger.log(`Migrations applied: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
      ],
      providers: options.seed ? [DemoSeedRunner] : [],
      exports: [TypeOrmModule],
    };
  }
}
