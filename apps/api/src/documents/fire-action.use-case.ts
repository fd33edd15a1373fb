import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canRead, decideAction, isCommentRequired, readScopeMarksAfter, restoreInstance, toLocalDateTime, type DocumentKind, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppException, notFound, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { ApiMetrics } from '../metrics/api-metrics.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { DeadlineBoundsLoader } from './deadline-bounds.loader.js';
import { DocumentStore } from './document.store.js';
import { documentFactsOf, readableDocumentOf, toDocumentView } from './document-view.js';
import { assertIfMatch } from './if-match.util.js';
import { documentResponse } from './document-response.js';
import { DOCUMENT_KINDS } from './kinds/index.js';
import { TransitionWriter } from './transition-writer.js';
import { resolveCoordinationRequest } from './coordination-request.js';

export interface FireActionCommand {
  kind: DocumentKind;
  user: AuthenticatedUser;
  id: string;
  body: unknown;
  ifMatch?: string;
  idempotencyKey?: string;
}

/**
 * POST .../actions: one transaction locks the document, asks in api.md's order (visible? well formed?
 * If-Match? possible now? allowed for this caller?), runs the pure machine and writes snapshot, audit
 * entry, deadlines and outbox, plus the idempotent response when a key was sent.
 */
@Injectable()
export class FireActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    private readonly writer: TransitionWriter,
    private readonly idempotency: IdempotencyService,
    private readonly deadlineBounds: DeadlineBoundsLoader,
    private readonly metrics: ApiMetrics,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  execute(cmd: FireActionCommand): Promise<StoredResponse> {
    const request = { kind: cmd.kind, id: cmd.id, body: cmd.body ?? null, ifMatch: cmd.ifMatch ?? null };
    return this.idempotency.once(cmd.user.id, cmd.idempotencyKey, request, (key) => this.run(cmd, key));
  }

  private async run({ kind, user, id, body, ifMatch }: FireActionCommand, idempotencyKey?: string): Promise<StoredResponse> {
    const spec = DOCUMENT_KINDS[kind];
    const now = new Date();
    const committed = await this.dataSource.transaction(async (tx) => {
      const actor = await this.actors.load(user, now, tx);
      const record = await this.store.find(tx, kind, id, { lock: true, calendarLock: true });
      if (!record || !canRead(readableDocumentOf(record, this.registry), actor, now)) throw notFound();
      if (idempotencyKey !== undefined) IdempotencyService.assertKey(idempotencyKey);
      const definition = this.registry.require(kind, record.machineVersion);
      // restored once: known, possible, allowed, the transition and the next allowedActions all ask it
      const instance = restoreInstance(definition, record.snapshot);

      const { action } = parseWith(spec.schemas.action.action, body) as { action: string };
      const request = parseWith(spec.schemas.action.branchOf(action), body) as { action: string; comment?: string; data?: Record<string, unknown> };
      if (!instance.knows(request.action)) {
        throw validationFailed(`Unknown action ${request.action}; ${kind} knows ${definition.actions.join(', ')}`);
      }
      const comment = request.comment?.trim() || null;
      if (isCommentRequired(request.action) && !comment) throw validationFailed(`${request.action} needs a comment saying why`);
      const data = spec.schemas.action.takesData(action) ? (request.data ?? {}) : null;
      const coordination = request.action === 'REQUEST_HARMONIZATION' ? await resolveCoordinationRequest(tx, record, definition, data) : null;

      assertIfMatch(ifMatch, record.version);
      const eventData = coordination === null ? (data ?? undefined) : { ...data, coordination: coordination.request };
      const outcome = decideAction(instance, {
        document: documentFactsOf(record),
        actor,
        action: request.action,
        now,
        refuse: () => spec.actionRefusal(record.content, record.facts, request.action, data ?? undefined, toLocalDateTime(now, record.timeZone).date),
        event: (allowed) => {
          const answering = allowed.participant ?? null;
          const answer = answering === null ? undefined : { actor: user.username, onBehalfOf: allowed.onBehalfOf, at: now.toISOString(), comment };
          return { type: request.action, data: eventData, participant: answering ?? undefined, answer };
        },
      });
      if (outcome.outcome === 'unknown') throw validationFailed(outcome.reason);
      if (outcome.outcome === 'refused') throw new AppException(ErrorCode[outcome.code], outcome.reason);
      const { decision, result } = outcome;
      const participant = decision.participant ?? null;
      const facts = spec.applyActionFacts(record.facts, { action: request.action, data: data ?? undefined, actor: user.username, at: now });
      const { document: updated, slaBounds } = await this.writer.write(tx, {
        record,
        action: request.action,
        fromState: result.fromState,
        toState: result.toState,
        final: result.final,
        snapshot: result.persistedSnapshot,
        offeredRoles: outcome.next.rolesOfferedTask(),
        marks: readScopeMarksAfter(definition, record, result),
        effects: result.effects,
        facts: coordination === null ? facts : { ...facts, coordinationUnits: coordination.unitNames },
        actor: user.username,
        onBehalfOf: decision.onBehalfOf,
        comment,
        // an answer in a parallel stage names the OPD it was given for
        data: participant === null ? data : { ...data, participant },
        at: now,
      });
      // the calendar the entered stage's deadline was worked out with tells whether it is due soon
      const known = new Map(slaBounds ? [[updated.governmentId, slaBounds]] : []);
      const response = documentResponse(toDocumentView(updated, this.registry, actor, now, await this.deadlineBounds.load(tx, [updated], now, known), outcome.next));
      if (idempotencyKey) await this.idempotency.complete(tx, user.id, idempotencyKey, response);
      return { response, action: request.action };
    });
    this.metrics.transitionCommitted(kind, committed.action);
    return committed.response;
  }
}
