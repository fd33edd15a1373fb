import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { QueueName, redisOptionsFromUrl } from '#queue';

/**
 * The API's handles on every queue of `QueueName`, to look at them (the queue dashboard, the metrics'
 * job counts): made on first use, not at start, and closed with the app.
 */
@Injectable()
export class ApiQueues implements OnApplicationShutdown {
  private queues: Queue[] | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  all(): Queue[] {
    if (!this.queues) {
      const connection = redisOptionsFromUrl(this.config.redisUrl, 'producer');
      this.queues = Object.values(QueueName).map((name) => {
        const queue = new Queue(name, { connection, prefix: this.config.queuePrefix });
        queue.on('error', () => undefined); // whoever looks sees the failure; ioredis reconnects on its own
        return queue;
      });
    }
    return this.queues;
  }

  async onApplicationShutdown(): Promise<void> {
    const queues = this.queues ?? [];
    this.queues = null;
    await Promise.allSettled(queues.map((queue) => queue.close()));
  }
}
