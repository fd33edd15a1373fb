import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendHistory, findUserByUsername, insertContentVersion, insertDocument, insertWorkflowInstance } from '#persistence';
import { computeContentHash, decideCreate, startWorkflow, type DocumentKind, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden, validationFailed } from '../common/errors/app.exception.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { DeadlineBoundsLoader } from './deadline-bounds.loader.js';
import { DocumentStore } from './document.store.js';
import { toDocumentView } from './document-view.js';
import { documentResponse } from './document-response.js';
import { DOCUMENT_KINDS } from './kinds/index.js';

/**
 * A drafter starts a document of their own unit: a draft with content version 1 and its first audit
 * entry. The Plt/Plh of a drafter starts one of the principal's unit as the principal (`createdBy`),
 * and the audit entry records both (`actor`, `onBehalfOf`). The draft is read back in the transaction
 * that made it, so an idempotent answer is stored with it.
 */
@Injectable()
export class CreateDocumentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    private readonly idempotency: IdempotencyService,
    private readonly deadlineBounds: DeadlineBoundsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  /** With an `Idempotency-Key`, sending the same draft again answers the first response (the same document). */
  execute(kind: DocumentKind, user: AuthenticatedUser, body: unknown, idempotencyKey?: string): Promise<StoredResponse> {
    return this.idempotency.once(user.id, idempotencyKey, { create: kind, body: body ?? null }, (key) => this.run(kind, user, body, key));
  }

  private async run(kind: DocumentKind, user: AuthenticatedUser, body: unknown, idempotencyKey: string | undefined): Promise<StoredResponse> {
    if (idempotencyKey !== undefined) IdempotencyService.assertKey(idempotencyKey);
    const spec = DOCUMENT_KINDS[kind];
    const { unitCode, ...content } = parseWith(spec.schemas.create, body) as Record<string, unknown> & { unitCode?: string };
    const issues = spec.contentIssues(content);
    if (issues.length > 0) throw validationFailed(issues.join('; '), { fields: issues });
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const decision = decideCreate(actor, now, unitCode);
    if (!decision.allowed) throw forbidden(decision.reason);

    const definition = this.registry.requireLatest(kind);
    const contentHash = computeContentHash(content);
    return this.dataSource.transaction(async (tx) => {
      // the principal's delegation was in force when the request came (the guard read it with the user)
      const author = decision.onBehalfOf === null ? user : await findUserByUsername(tx, decision.onBehalfOf);
      if (author === null) throw forbidden('Only a DRAFTER (pemrakarsa) creates documents');
      // today in the zone of the government the draft will belong to: the author's
      const changeIssues = spec.changeIssues(content, null, now, author.timeZone);
      if (changeIssues.length > 0) throw validationFailed(changeIssues.join('; '), { fields: changeIssues });
      const started = startWorkflow(definition, { level: author.governmentLevel });
      const id = await insertDocument(tx, {
        kind,
        governmentId: author.governmentId,
        unitId: author.unitId,
        createdBy: author.id,
        title: content.title,
        year: spec.yearOf(content),
        content,
        contentHash,
        state: started.state,
        final: started.final,
        at: now,
      });
      await insertContentVersion(tx, { documentId: id, version: 1, content, contentHash, createdBy: user.id, at: now });
      const place = { id, kind, governmentId: author.governmentId, unitId: author.unitId, facilitated: false };
      const link = await appendHistory(tx, place, { seq: 0, hash: null }, {
        action: 'CREATE',
        fromState: null,
        toState: started.state,
        actor: user.username,
        onBehalfOf: decision.onBehalfOf,
        comment: null,
        data: null,
        contentVersion: 1,
        contentHash,
        at: now,
      });
      await insertWorkflowInstance(tx, {
        documentId: id,
        kind,
        machineVersion: definition.version,
        snapshot: started.persistedSnapshot,
        state: started.state,
        head: link,
        at: now,
      });
      const record = await this.store.find(tx, kind, id);
      const response = documentResponse(toDocumentView(record!, this.registry, actor, now, await this.deadlineBounds.load(tx, [record!], now)), 201, { Location: `/api/${spec.resource}/${id}` });
      if (idempotencyKey !== undefined) await this.idempotency.complete(tx, user.id, idempotencyKey, response);
      return response;
    });
  }
}
