import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeContentHash, startWorkflow, type DocumentKind, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden, validationFailed } from '../common/errors/app.exception.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { DocumentStore } from './document.store.js';
import { toDocumentView, type DocumentView } from './document-view.js';
import { appendHistory } from './history-appender.js';
import { DOCUMENT_KINDS } from './kinds/index.js';

/** A drafter starts a document of their own unit: a draft with content version 1 and its first audit entry. */
@Injectable()
export class CreateDocumentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async execute(kind: DocumentKind, user: AuthenticatedUser, body: unknown): Promise<DocumentView> {
    const spec = DOCUMENT_KINDS[kind];
    const { unitCode, ...content } = parseWith(spec.schemas.create, body) as Record<string, unknown> & { unitCode?: string };
    const issues = spec.contentIssues(content);
    if (issues.length > 0) throw validationFailed(issues.join('; '), { fields: issues });
    if (!user.roles.includes('DRAFTER')) throw forbidden('Only a DRAFTER (pemrakarsa) creates documents');
    if (unitCode !== undefined && unitCode !== user.unitCode) {
      throw forbidden(`A drafter creates documents of their own unit (${user.unitCode}), not of ${unitCode}`);
    }

    const definition = this.registry.requireLatest(kind);
    const started = startWorkflow(definition, { level: user.governmentLevel });
    const contentHash = computeContentHash(content);
    const now = new Date();
    const id = await this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO documents (kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [kind, user.governmentId, user.unitId, user.id, content.title, spec.yearOf(content), JSON.stringify(content), contentHash, started.state, started.final, now],
      );
      await tx.query(
        `INSERT INTO content_versions (document_id, version, content, content_hash, created_by, created_at) VALUES ($1, 1, $2, $3, $4, $5)`,
        [id, JSON.stringify(content), contentHash, user.id, now],
      );
      const link = await appendHistory(tx, id, { seq: 0, hash: null }, {
        action: 'CREATE',
        fromState: null,
        toState: started.state,
        actor: user.username,
        onBehalfOf: null,
        comment: null,
        data: null,
        contentVersion: 1,
        contentHash,
        at: now,
      });
      await tx.query(
        `INSERT INTO workflow_instances (document_id, kind, machine_version, snapshot, state, last_seq, last_hash, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, kind, definition.version, JSON.stringify(started.persistedSnapshot), started.state, link.seq, link.hash, now],
      );
      return id as string;
    });
    const record = await this.store.find(this.dataSource.manager, kind, id);
    return toDocumentView(record!, this.registry, await this.actors.load(user, now), now);
  }
}
