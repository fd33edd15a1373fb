import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keepOfferedRoles, lockUnknownOfferedRoles } from '#persistence';
import { rolesOfferedTask, type DocumentKind, type PersistedWorkflowSnapshot, type Role, type WorkflowRegistry } from '#workflow';
import { WORKFLOW_REGISTRY } from '../workflow-registry.provider.js';
import { PeriodicPass } from './periodic-pass.js';

/** Deadlines per transaction: each batch holds its rows for a few milliseconds. */
export const OFFERED_ROLES_BATCH = 500;
/** A pass at start, then this often: an API process older than the offered roles may still write deadlines without them. */
const EVERY_MS = 10 * 60_000;

/**
 * Works out the roles each pending deadline's workflow offers an action (`rolesOfferedTask`) where none are known: the
 * deadlines pending when migration 1764032000000 ran, and those an older API process wrote after it. Until then the
 * inbox judges such a deadline by its document, as before; after, it leaves out those that offer the caller nothing.
 * Several workers may run it at once (SKIP LOCKED).
 */
@Injectable()
export class OfferedRolesFiller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OfferedRolesFiller.name);
  private readonly passes = new PeriodicPass(
    async () => {
      const kept = await this.fill();
      if (kept > 0) this.logger.log(`Offered roles worked out for ${kept} pending deadlines`);
    },
    (error) => this.logger.warn(`Working out offered roles failed, the next pass retries: ${error.message}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(EVERY_MS, { atStart: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /** One pass over the deadlines without roles, `batch` per transaction; returns how many it kept roles for. */
  async fill(batch = OFFERED_ROLES_BATCH): Promise<number> {
    const bySnapshot = new Map<string, readonly Role[] | null>();
    let after: string | null = null;
    let kept = 0;
    while (!this.passes.stopping) {
      const found = await this.dataSource.transaction(async (tx) => {
        const rows = await lockUnknownOfferedRoles(tx, after, batch);
        const roles = rows.flatMap(({ id, kind, version, snapshot }) => {
          const key = `${kind}:${version}:${JSON.stringify(snapshot)}`;
          if (!bySnapshot.has(key)) bySnapshot.set(key, this.offered(kind, version, snapshot));
          const offered = bySnapshot.get(key);
          return offered ? [{ id, roles: offered }] : [];
        });
        kept += await keepOfferedRoles(tx, roles);
        return rows;
      });
      if (found.length < batch) break;
      after = found[found.length - 1]!.id;
      await new Promise((resolve) => setImmediate(resolve)); // the worker's jobs run between batches
    }
    return kept;
  }

  /** Null, left unknown for the inbox to judge by the document, when no registered workflow can restore the snapshot. */
  private offered(kind: DocumentKind, version: number, snapshot: PersistedWorkflowSnapshot): readonly Role[] | null {
    const definition = this.registry.get(kind, version);
    if (definition === undefined) return null;
    try {
      return rolesOfferedTask(definition, snapshot);
    } catch (error) {
      this.logger.warn(`Offered roles of a ${kind} v${version} snapshot left unknown: ${(error as Error).message}`);
      return null;
    }
  }
}
