import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compactCountsAndSummaries } from '#persistence';

const EVERY_MS = 2000;

/**
 * Folds the writers' counter slots of the list totals into the folded counts (see the
 * document-counts-in-slots migration; totals are exact without it, it only keeps them few rows), the
 * stage-time and throughput deltas into the report summaries (report-summaries migration) and the
 * open-stage deltas into the per-day open-stage counts (open-stage-counts migration),
 * so a total or a report reads a few rows whatever the number of documents. Several
 * workers may run it at once: each row is folded by the transaction that deletes it.
 */
@Injectable()
export class DocumentCountsCompactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentCountsCompactor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.compact()
        .catch((error: Error) => this.logger.warn(`Folding document counts failed, next pass retries: ${error.message}`))
        .finally(() => (this.running = null));
    }, EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Returns how many delta rows were folded. */
  async compact(): Promise<number> {
    return compactCountsAndSummaries(this.dataSource.manager);
  }
}
