import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfigModule } from '#config';
import { DatabaseModule } from '#persistence';
import { bullRootOptions } from '#queue';

@Module({})
export class WorkerModule {
  static forRoot(env: Record<string, string> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(env),
        DatabaseModule.forRoot({ applicationName: 'alur-worker', seed: false }),
        BullModule.forRootAsync(bullRootOptions('worker')),
      ],
    };
  }
}
