import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendHistory, insertContentVersion, writeContentEdit } from '#persistence';
import { canRead, computeContentHash, decideEdit, EDIT_ACTION, type DocumentKind, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppException, forbidden, notFound, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { DeadlineBoundsLoader } from './deadline-bounds.loader.js';
import { DocumentStore } from './document.store.js';
import { documentFactsOf, readableDocumentOf, toDocumentView } from './document-view.js';
import { documentResponse } from './document-response.js';
import { assertIfMatch } from './if-match.util.js';
import { DOCUMENT_KINDS } from './kinds/index.js';

/**
 * PATCH: a drafter of the unit (or their Plt/Plh, recorded as `onBehalfOf`) edits a draft or revision;
 * every real change is a new content version.
 */
@Injectable()
export class UpdateDocumentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    private readonly idempotency: IdempotencyService,
    private readonly deadlineBounds: DeadlineBoundsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  /** With an `Idempotency-Key`, sending the same edit again answers the first response instead of a 412. */
  execute(kind: DocumentKind, user: AuthenticatedUser, id: string, body: unknown, ifMatch: string | undefined, idempotencyKey?: string): Promise<StoredResponse> {
    const request = { update: kind, id, body: body ?? null, ifMatch: ifMatch ?? null };
    return this.idempotency.once(user.id, idempotencyKey, request, (key) => this.run(kind, user, id, body, ifMatch, key));
  }

  private async run(kind: DocumentKind, user: AuthenticatedUser, id: string, body: unknown, ifMatch: string | undefined, idempotencyKey: string | undefined): Promise<StoredResponse> {
    const spec = DOCUMENT_KINDS[kind];
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const actor = await this.actors.load(user, now, tx);
      const record = await this.store.find(tx, kind, id, { lock: true });
      if (!record || !canRead(readableDocumentOf(record, this.registry), actor, now)) throw notFound();
      if (idempotencyKey !== undefined) IdempotencyService.assertKey(idempotencyKey);

      const patch = parseWith(spec.schemas.update, body) as Record<string, unknown>;
      const content = { ...record.content, ...patch };
      // each field of the patch is valid alone; the merged content must be a whole valid one
      parseWith(spec.schemas.content, content);
      // a date newly set must make sense today; one stored before it passed is not judged again
      const issues = [...spec.contentIssues(content), ...spec.changeIssues(content, record.content, now, record.timeZone)];
      if (issues.length > 0) throw validationFailed(issues.join('; '), { fields: issues });
      assertIfMatch(ifMatch, record.version);
      const decision = decideEdit(actor, now, record);
      if (!decision.allowed) throw new AppException(ErrorCode[decision.code], decision.reason);

      const contentHash = computeContentHash(content);
      if (contentHash !== record.contentHash) {
        const contentVersion = record.contentVersion + 1;
        await insertContentVersion(tx, { documentId: record.id, version: contentVersion, content, contentHash, createdBy: user.id, at: now });
        const place = { id: record.id, kind: record.kind, governmentId: record.governmentId, unitId: record.unitId, facilitated: record.facilitationRequested };
        const link = await appendHistory(tx, place, { seq: record.lastSeq, hash: record.lastHash }, {
          action: EDIT_ACTION,
          fromState: record.state,
          toState: record.state,
          actor: user.username,
          onBehalfOf: decision.onBehalfOf,
          comment: null,
          data: { fields: Object.keys(patch).sort() },
          contentVersion,
          contentHash,
          at: now,
        });
        await writeContentEdit(tx, {
          documentId: record.id,
          head: link,
          content,
          title: content.title,
          year: spec.yearOf(content),
          contentVersion,
          contentHash,
          at: now,
        });
      }
      const updated = await this.store.find(tx, kind, record.id);
      const response = documentResponse(toDocumentView(updated!, this.registry, actor, now, await this.deadlineBounds.load(tx, [updated!], now)));
      if (idempotencyKey !== undefined) await this.idempotency.complete(tx, user.id, idempotencyKey, response);
      return response;
    });
  }
}
