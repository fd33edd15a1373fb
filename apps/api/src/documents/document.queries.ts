import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readableGovernmentRows } from '#persistence';
import { canRead, listReadScopes, readableGovernments, verifyDocumentChain, type DocumentKind, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { titleWordsOf } from '../common/contract/fields.js';
import { AppException, notFound } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import type { Static } from 'typebox';
import type { ListDocumentsQuery } from './document.schemas.js';
import type { DocumentRecord } from './document-record.js';
import { DeadlineBoundsLoader } from './deadline-bounds.loader.js';
import { DocumentStore } from './document.store.js';
import { documentFactsOf, readableDocumentOf, toDocumentSummary, toDocumentView, type DocumentView } from './document-view.js';

@Injectable()
export class DocumentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    private readonly deadlineBounds: DeadlineBoundsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async get(kind: DocumentKind, user: AuthenticatedUser, id: string): Promise<DocumentView> {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const record = await this.visible(kind, user, id, now, actor);
    return toDocumentView(record, this.registry, actor, now, await this.deadlineBounds.load(this.dataSource.manager, [record], now));
  }

  async list(kind: DocumentKind, user: AuthenticatedUser, query: Static<typeof ListDocumentsQuery>) {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const governments = await readableGovernmentRows(this.dataSource.manager, readableGovernments(kind, actor, now));
    const governmentIds = governments.filter((g) => query.governmentCode === undefined || g.code === query.governmentCode).map((g) => g.id);
    const definitions = this.registry.list().filter((d) => d.kind === kind);
    const result = await this.store.list(this.dataSource.manager, {
      kind,
      governmentIds,
      ...listReadScopes(actor, now, definitions),
      state: query.state,
      unitCode: query.unitCode,
      year: query.year,
      titleWords: query.q === undefined ? undefined : titleWordsOf(query.q),
      offset: (page - 1) * limit,
      limit,
    });
    if ('tooBroad' in result) {
      throw new AppException(
        ErrorCode.SEARCH_TOO_BROAD,
        `The words of q are in the titles of more than ${result.tooBroad.limit} documents: add a word, or filter by year, unit or stage`,
      );
    }
    const { rows, total } = result;
    const readable = rows.filter((r) => canRead(readableDocumentOf(r, this.registry), actor, now));
    const sla = await this.deadlineBounds.load(this.dataSource.manager, readable, now);
    const items = readable.map((r) => toDocumentSummary(r, this.registry, actor, now, sla));
    return { items, total, governments: governments.map(({ code, name }) => ({ code, name })), page, limit };
  }

  async history(kind: DocumentKind, user: AuthenticatedUser, id: string) {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    // one snapshot for the entries and the instance's chain head, so a transition committed in
    // between cannot make a sound chain look cut short
    const { record, rows } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const found = await this.store.find(tx, kind, id);
      if (!found || !canRead(readableDocumentOf(found, this.registry), actor, now)) throw notFound();
      return { record: found, rows: await this.store.history(tx, found.id) };
    });
    const entries = rows.map((r) => ({ ...r, at: new Date(r.at) }));
    const chain = verifyDocumentChain(record.id, entries, record);
    return {
      entries,
      chainValid: chain.valid,
      firstInvalidSeq: chain.firstInvalidSeq,
      ...(chain.valid ? {} : { problem: chain.reason }),
    };
  }

  async versions(kind: DocumentKind, user: AuthenticatedUser, id: string) {
    const record = await this.visible(kind, user, id, new Date());
    return { items: await this.store.versions(this.dataSource.manager, record.id) };
  }

  private async visible(kind: DocumentKind, user: AuthenticatedUser, id: string, now: Date, actor?: Awaited<ReturnType<ActorFactsLoader['load']>>): Promise<DocumentRecord> {
    const record = await this.store.find(this.dataSource.manager, kind, id);
    if (!record || !canRead(readableDocumentOf(record, this.registry), actor ?? (await this.actors.load(user, now)), now)) throw notFound();
    return record;
  }
}
