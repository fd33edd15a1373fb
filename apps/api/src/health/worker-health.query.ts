import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { outboxBacklog, recentWorkerHeartbeats } from '#persistence';
import { judgeWorkerHealth, type WorkerHealth } from '#queue';

/** `GET /health/worker`: the outbox's backlog and the workers' heartbeats, judged by the rule the worker keeps to. */
@Injectable()
export class WorkerHealthQuery {
  constructor(private readonly dataSource: DataSource) {}

  async read(): Promise<WorkerHealth> {
    const [outbox, heartbeats] = await Promise.all([outboxBacklog(this.dataSource.manager), recentWorkerHeartbeats(this.dataSource.manager)]);
    return judgeWorkerHealth({ outbox, heartbeats });
  }
}
