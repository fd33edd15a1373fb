import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { JobProducer } from '#queue';

/** The worker's producer (fail-fast Redis connections), closed with the application. */
@Injectable()
export class WorkerJobProducer extends JobProducer implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ redisUrl: config.redisUrl, prefix: config.queuePrefix });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
