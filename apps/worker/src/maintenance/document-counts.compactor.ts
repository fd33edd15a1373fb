import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compactCountsAndSummaries } from '#persistence';
import { PeriodicPass } from './periodic-pass.js';

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
  private readonly passes = new PeriodicPass(
    () => this.compact(),
    (error) => this.logger.warn(`Folding document counts failed, next pass retries: ${error.message}`),
  );

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.passes.start(EVERY_MS, { atStart: false });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /** Returns how many delta rows were folded. */
  async compact(): Promise<number> {
    return compactCountsAndSummaries(this.dataSource.manager);
  }
}
