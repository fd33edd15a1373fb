import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canRead, verifyChain, type DocumentKind, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { notFound } from '../common/errors/app.exception.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import type { Static } from 'typebox';
import type { ListDocumentsQuery } from './document.schemas.js';
import type { DocumentRecord } from './document-record.js';
import { DocumentStore } from './document.store.js';
import { documentFactsOf, toDocumentView, type DocumentView } from './document-view.js';
import { canonicalEntry } from './history-appender.js';

@Injectable()
export class DocumentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async get(kind: DocumentKind, user: AuthenticatedUser, id: string): Promise<DocumentView> {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const record = await this.visible(kind, user, id, now, actor);
    return toDocumentView(record, this.registry, actor, now);
  }

  async list(kind: DocumentKind, user: AuthenticatedUser, query: Static<typeof ListDocumentsQuery>) {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const codes = new Set([user.governmentCode, ...actor.delegations.map((d) => d.principal.governmentCode)]);
    const mayReadChildren = kind === 'regulation' && user.governmentLevel === 'PROVINCE' && (user.roles.includes('LEGAL') || actor.delegations.some((d) => d.role === 'LEGAL'));
    const governmentIds = await this.readableGovernmentIds([...codes], mayReadChildren);
    const { rows, total } = await this.store.list(this.dataSource.manager, {
      kind,
      governmentIds,
      state: query.state,
      unitCode: query.unitCode,
      year: query.year,
      offset: (page - 1) * limit,
      limit,
    });
    const items = rows.filter((r) => canRead(documentFactsOf(r), actor, now)).map((r) => toDocumentView(r, this.registry, actor, now));
    return { items, total, page, limit };
  }

  async history(kind: DocumentKind, user: AuthenticatedUser, id: string) {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    // one snapshot for the entries and the instance's chain head, so a transition committed in
    // between cannot make a sound chain look cut short
    const { record, rows } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const found = await this.store.find(tx, kind, id);
      if (!found || !canRead(documentFactsOf(found), actor, now)) throw notFound();
      return { record: found, rows: await this.store.history(tx, found.id) };
    });
    const entries = rows.map((r) => ({ ...r, at: new Date(r.at) }));
    const walked = verifyChain(
      entries.map((e) => ({ ...canonicalEntry(record.id, e.seq, e), hash: e.hash })),
    );
    const chain = walked.valid ? verifyChainHead(entries, record) : walked;
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
    if (!record || !canRead(documentFactsOf(record), actor ?? (await this.actors.load(user, now)), now)) throw notFound();
    return record;
  }

  private async readableGovernmentIds(codes: string[], withChildren: boolean): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT g.id FROM governments g LEFT JOIN governments p ON p.id = g.parent_id
        WHERE g.code = ANY($1) OR ($2 AND p.code = ANY($1))`,
      [codes, withChildren],
    );
    return rows.map((r) => r.id);
  }
}

/**
 * The walk alone cannot see a re-hashed or deleted last entry: the instance row records the chain's
 * head (last_seq, last_hash) in the same transaction as every append, so the walk must end there.
 */
function verifyChainHead(entries: ReadonlyArray<{ seq: number; hash: string }>, record: Pick<DocumentRecord, 'lastSeq' | 'lastHash'>) {
  const last = entries.at(-1);
  const seq = last?.seq ?? 0;
  if (seq < record.lastSeq) {
    return { valid: false, firstInvalidSeq: seq + 1, reason: `entry ${seq + 1} is missing: the document's chain ends at entry ${record.lastSeq}` };
  }
  if (seq > record.lastSeq) {
    return { valid: false, firstInvalidSeq: record.lastSeq + 1, reason: `entry ${record.lastSeq + 1} was never written by the document's chain, which ends at entry ${record.lastSeq}` };
  }
  if ((last?.hash ?? null) !== record.lastHash) {
    return { valid: false, firstInvalidSeq: seq, reason: `entry ${seq} is not the head the document's chain recorded` };
  }
  return { valid: true, firstInvalidSeq: null, reason: null };
}
