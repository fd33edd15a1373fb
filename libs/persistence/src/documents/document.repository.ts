import type { EntityManager } from 'typeorm';
import { awaitedCountKey, documentCountKey, isUuid, offeredToAnyOfSql, UNDATED_STATES, type ReadScopeCountFilter, type AuditFields, type DocumentKind, type GovernmentLevel, type PastAction, type PersistedWorkflowSnapshot, type Role, type SqlFilter, type TaskScope } from '#workflow';
import { CALENDAR_SHARED_LOCK_SQL } from '../calendar/calendar-lock.js';
import { CALENDAR_REVISION_SQL } from '../calendar/calendar-revision.js';
import { queryPrepared, useGenericPlans } from '../prepared-query.util.js';

/** A document row with its instance, organisation facts and pending deadline, as the store reads it. */
export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  governmentId: string;
  governmentCode: string;
  governmentName: string;
  regionName: string;
  governmentLevel: GovernmentLevel;
  parentGovernmentCode: string | null;
  timeZone: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  createdById: string;
  createdBy: string;
  title: string;
  content: Record<string, unknown>;
  contentVersion: number;
  contentHash: string;
  facts: Record<string, unknown>;
  state: string;
  final: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  machineVersion: number;
  snapshot: PersistedWorkflowSnapshot;
  lastSeq: number;
  lastHash: string | null;
  /** Read-scope marks (libs/workflow read-policy). */
  submitted: boolean;
  facilitationRequested: boolean;
  deadline: { stage: string; dueAt: Date; explanation: string } | null;
  /** Who did what, oldest first: the policy's separation of duties reads it. */
  history: PastAction[];
  /**
   * The calendar revision as of this read (`CALENDAR_REVISION_SQL`), so that a calendar kept at it serves without
   * another read (`WorkingCalendars.around`); null when it may be older than the read's calendar lock.
   */
  calendarRevision: string | null;
}

/**
 * A document as the inbox judges it: what its task shows (title, place, deadline) and what the policy asks
 * (state, workflow, creator, history), without its content and facts, which no task shows and which grow with use.
 */
export type InboxSummary = Pick<
  DocumentRecord,
  | 'id' | 'kind' | 'title' | 'state' | 'final' | 'governmentId' | 'governmentCode' | 'governmentName' | 'governmentLevel' | 'parentGovernmentCode'
  | 'timeZone' | 'unitCode' | 'unitName' | 'createdBy' | 'machineVersion' | 'snapshot' | 'deadline' | 'history' | 'calendarRevision'
>;

/**
 * A document's place in the inbox's order: its soonest pending deadline (null: none, last), its
 * creation, its id. Times in microseconds since 1970, as PostgreSQL keeps them.
 */
export interface InboxPosition {
  dueAt: number | null;
  createdAt: number;
  id: string;
}

export interface InboxCandidate {
  id: string;
  position: InboxPosition;
}

/** How many documents the inbox reads per place: in a state of the scope's `conditionalStates`, and elsewhere. */
export interface InboxDepth {
  plain: number;
  conditional: number;
}

/**
 * What narrows the inbox besides the caller's scopes (`GET /api/tasks`' query), in every place read: only
 * what comes after `after`; only documents of `kind`, of the government `governmentCode` and of the unit
 * `unitCode` (in the document's government); only tasks overdue at `overdue.now` (or, `is` false, not).
 */
export interface InboxNarrowing {
  readonly after: InboxPosition | null;
  readonly kind: DocumentKind | null;
  readonly governmentCode: string | null;
  readonly unitCode: string | null;
  readonly overdue: { readonly is: boolean; readonly now: Date } | null;
  /** Only these documents (those whose title holds the words searched: `inboxTitleMatches`). */
  readonly documentIds: readonly string[] | null;
}

export const WHOLE_INBOX: InboxNarrowing = Object.freeze({ after: null, kind: null, governmentCode: null, unitCode: null, overdue: null, documentIds: null });

/** The open documents an inbox's title search found, or more than `limit` of them. */
export type InboxTitleMatches = { ids: string[] } | { tooBroad: { limit: number } };

export interface InboxCandidates {
  /** In the inbox's order, up to where a place read to its depth might hold a document not read. */
  settled: InboxCandidate[];
  /** Whether some place was read to its depth: more may wait beyond `settled`. */
  cutShort: boolean;
}

/**
 * `dl`: the stage's deadline of document `d`; in a stage answered in parallel each participant has
 * one: the soonest. Shared by the document query and the inbox's order, which must agree.
 */
function stageDeadlineJoin(columns: string): string {
  return `LEFT JOIN LATERAL (
      SELECT ${columns} FROM deadlines x WHERE x.document_id = d.id AND x.status = 'PENDING' ORDER BY x.due_at LIMIT 1
    ) dl ON true`;
}

/** The document, its instance, government (and parent), unit, creator and the stage's deadline (`dl`). */
const DOCUMENT_SOURCES = `
    FROM documents d
    JOIN workflow_instances wi ON wi.document_id = d.id
    JOIN governments g ON g.id = d.government_id
    LEFT JOIN governments p ON p.id = g.parent_id
    JOIN units un ON un.id = d.unit_id
    JOIN users cu ON cu.id = d.created_by
    ${stageDeadlineJoin('x.id, x.stage, x.due_at, x.explanation')}`;

/** The columns of a document that the policy and a task read: where it is, whose, its workflow and deadline, who acted. */
const DOCUMENT_POLICY_COLUMNS = `d.id, d.kind, d.government_id AS "governmentId", g.code AS "governmentCode", g.name AS "governmentName",
         g.level AS "governmentLevel", p.code AS "parentGovernmentCode", g.time_zone AS "timeZone",
         un.code AS "unitCode", un.name AS "unitName", cu.username AS "createdBy", d.title, d.state, d.final,
         wi.machine_version AS "machineVersion", wi.snapshot,
         CASE WHEN dl.id IS NULL THEN NULL
              ELSE json_build_object('stage', dl.stage, 'dueAt', dl.due_at, 'explanation', dl.explanation) END AS deadline,
         COALESCE((SELECT json_agg(json_build_object('action', h.action, 'fromState', h.from_state, 'actor', h.actor, 'onBehalfOf', h.on_behalf_of) ORDER BY h.seq)
                     FROM history_entries h WHERE h.document_id = d.id), '[]'::json) AS history`;

/**
 * The document query; `leading` adds columns in front (e.g. a lock taken in the same round trip);
 * `omit` leaves keys out of the content and facts (list pages do not read the unbounded parts);
 * `revision: false` reads no calendar revision (null), for a statement whose snapshot predates its calendar lock.
 */
export const selectDocument = ({
  leading = '',
  omit = { content: [], facts: [] },
  revision = true,
}: { leading?: string; omit?: { content: readonly string[]; facts: readonly string[] }; revision?: boolean } = {}) => `
  SELECT ${leading} ${DOCUMENT_POLICY_COLUMNS}, g.region_name AS "regionName", d.unit_id AS "unitId", d.created_by AS "createdById",
         ${without('d.content', omit.content)} AS content, d.content_version AS "contentVersion", d.content_hash AS "contentHash",
         ${without('d.facts', omit.facts)} AS facts,
         d.version, d.created_at AS "createdAt", d.updated_at AS "updatedAt",
         wi.last_seq AS "lastSeq", wi.last_hash AS "lastHash",
         d.submitted_at IS NOT NULL AS submitted, d.facilitation_requested_at IS NOT NULL AS "facilitationRequested",
         ${revision ? CALENDAR_REVISION_SQL : 'NULL::uuid'} AS "calendarRevision"
    ${DOCUMENT_SOURCES}`;

/** What the inbox reads of a document it judges (`InboxSummary`): the policy's and the task's columns, not the content or facts. */
const SELECT_INBOX_SUMMARY = `SELECT ${DOCUMENT_POLICY_COLUMNS}, ${CALENDAR_REVISION_SQL} AS "calendarRevision" ${DOCUMENT_SOURCES}`;

export const SELECT_DOCUMENT = selectDocument();

/**
 * A transition's read: the calendar lock (shared) taken in the same round trip. The statement's snapshot was
 * taken before the lock was granted (a holiday change may have committed in between), so it reads no revision.
 */
const SELECT_DOCUMENT_UNDER_CALENDAR_LOCK = selectDocument({ leading: `${CALENDAR_SHARED_LOCK_SQL} IS NULL AS "calendarLocked",`, revision: false });

function without(column: string, keys: readonly string[]): string {
  return keys.reduce((expression, key) => `(${expression} - '${key}')`, column);
}

/** json_build_object turns timestamps into strings; bring them back to Dates. */
export function hydrateDocument<T extends Pick<DocumentRecord, 'deadline'>>(row: T): T {
  if (row.deadline) row.deadline = { ...row.deadline, dueAt: new Date(row.deadline.dueAt) };
  return row;
}

/** How many documents a title search may match before the read scope; more is `tooBroad`. */
export const TITLE_MATCH_LIMIT = 5000;

/** A page and its total, or a title search that matched more than `limit` documents. */
export type DocumentListResult = { rows: DocumentRecord[]; total: number } | { tooBroad: { limit: number } };

export interface DocumentListFilter {
  kind: DocumentKind;
  governmentIds: string[];
  state?: string;
  unitCode?: string;
  year?: number;
  /** Only documents whose title holds every one of these words, in any case (the lists' `q`). */
  titleWords?: readonly string[];
  offset: number;
  limit: number;
  /** `readScopeFilter` of the caller, numbered from $1 (its parameters come first): a title search's rows. */
  readScope: SqlFilter;
  /**
   * The same read scope for the total: `readScopeCountFilter` numbered from $1, and `readScopeFilter`
   * numbered after it (for the states where workflow versions disagree on who acts).
   */
  counting: { filter: ReadScopeCountFilter; fallback: SqlFilter };
}

/** An audit entry, with the names its actor and principal have now (null for a username no longer known). */
export type HistoryRow = AuditFields & { seq: number; hash: string; actorName: string | null; onBehalfOfName: string | null };

/** A stored version of a document's content, with the name its saver has now. */
export interface ContentVersionRow {
  version: number;
  contentHash: string;
  createdAt: Date;
  createdBy: string;
  createdByName: string;
  content: Record<string, unknown>;
}

/** Keys of the content and facts that list pages and the inbox leave out (they grow with use). */
export interface DocumentSummaryOmits {
  readonly content: readonly string[];
  readonly facts: readonly string[];
}

/**
 * The documents aggregate (documents, workflow instances, history, content versions) as requests read
 * it; every method takes the manager of the caller's transaction. `summaryOmits` come from the kinds.
 */
export class DocumentRepository {
  private readonly selectSummary: string;

  constructor(summaryOmits: DocumentSummaryOmits) {
    this.selectSummary = selectDocument({ omit: summaryOmits });
  }

  /**
   * `lock`: the document and instance rows, FOR NO KEY UPDATE: transitions of one document queue on it,
   * while the worker's rows that merely reference the document (notifications, deadline events) do not
   * (FOR UPDATE would make their foreign-key check wait, and deadlock with a transition waiting for the
   * deadline row the worker holds). `calendarLock`: also the calendar lock (shared), in the same round
   * trip, which a transition needs before it closes or opens a deadline.
   */
  async find(manager: EntityManager, kind: DocumentKind, id: string, options: { lock?: boolean; calendarLock?: boolean } = {}): Promise<DocumentRecord | null> {
    if (!isUuid(id)) return null;
    const select = options.calendarLock ? SELECT_DOCUMENT_UNDER_CALENDAR_LOCK : SELECT_DOCUMENT;
    const rows = await queryPrepared<DocumentRecord>(manager, `${select} WHERE d.id = $1 AND d.kind = $2 ${options.lock ? 'FOR NO KEY UPDATE OF d, wi' : ''}`, [
      id,
      kind,
    ]);
    return rows[0] ? hydrateDocument(rows[0]) : null;
  }

  /**
   * One page, newest first, and the total. The page is taken per government off ordered indexes of what the caller
   * reads there (`listPageQuery`) and merged, so it costs the same with a million documents; the count runs at the same
   * time on another connection.
   */
  async list(manager: EntityManager, f: DocumentListFilter): Promise<DocumentListResult> {
    if (f.titleWords && f.titleWords.length > 0) return this.search(manager, f, f.titleWords, TITLE_MATCH_LIMIT);
    const count = queryPrepared<{ total: number }>(manager, countSql(f), countParams(f));
    const { sql, params } = listPageQuery(f);
    // its plan is the same for any caller (each source off its index), and planning it took longer than running it
    const page = manager.transaction(async (tx) => {
      await useGenericPlans(tx);
      return queryPrepared<DocumentRecord>(tx, this.summariesOfPage(sql), params);
    });
    return pageAndTotal(page, count);
  }

  /**
   * The summaries of a page, in its order: `pageSql` selects its rows' `id` and `created_at`, newest
   * first. Each summary is read by its id (a lateral join, kept one by OFFSET 0): a prepared statement's generic plan
   * cannot tell the page is 20 rows and merge-joined (20 s) or hash-joined (0.5 s) every workflow instance instead at
   * a million documents (bench/RESULTS.md section 4).
   */
  private summariesOfPage(pageSql: string): string {
    return `WITH page AS MATERIALIZED (${pageSql})
       SELECT s.* FROM page CROSS JOIN LATERAL (${this.selectSummary} WHERE d.id = page.id OFFSET 0) s
        ORDER BY page.created_at DESC, page.id DESC`;
  }

  /**
   * A list narrowed by title words, in two steps. The ids whose title holds every word and that pass the
   * list's cheap filters, from the titles' trigram index, at most `limit` of them: more is `tooBroad`,
   * as the read scope and the order would then cost seconds at a million documents (bench/RESULTS.md
   * section 4). Then the page and the total of those the caller may read. Not prepared: how many
   * titles hold a word decides the plan.
   */
  private async search(manager: EntityManager, f: DocumentListFilter, words: readonly string[], limit: number): Promise<DocumentListResult> {
    const found: unknown[] = [f.kind, f.governmentIds];
    const matches = await titleMatches(manager, ['d.kind = $1', 'd.government_id = ANY($2::uuid[])', ...filterConditions(f, 'd', (value) => `$${found.push(value)}`)], words, found, limit);
    if ('tooBroad' in matches) return matches;

    const params: unknown[] = [...f.readScope.params, matches.ids];
    const readable = `FROM documents d WHERE d.id = ANY($${params.length}::uuid[]) AND ${f.readScope.sql}`;
    const count = manager.query(`SELECT count(*)::int AS total ${readable}`, params) as Promise<Array<{ total: number }>>;
    const page = manager.query(
      this.summariesOfPage(`SELECT d.id, d.created_at ${readable} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`),
      [...params, f.limit, f.offset],
    ) as Promise<DocumentRecord[]>;
    return pageAndTotal(page, count);
  }

  /** Read with the document on every page that shows one (as are its versions): prepared, planned once per connection. */
  async history(manager: EntityManager, documentId: string): Promise<HistoryRow[]> {
    return queryPrepared<HistoryRow>(
      manager,
      `SELECT h.seq, h.action, h.from_state AS "fromState", h.to_state AS "toState", h.actor, h.on_behalf_of AS "onBehalfOf", h.comment, h.data,
              h.content_version AS "contentVersion", h.content_hash AS "contentHash", h.at, h.hash,
              actor.name AS "actorName", principal.name AS "onBehalfOfName"
         FROM history_entries h
         LEFT JOIN users actor ON actor.username = h.actor
         LEFT JOIN users principal ON principal.username = h.on_behalf_of
        WHERE h.document_id = $1 ORDER BY h.seq`,
      [documentId],
    );
  }

  async versions(manager: EntityManager, documentId: string): Promise<ContentVersionRow[]> {
    return queryPrepared<ContentVersionRow>(
      manager,
      `SELECT cv.version, cv.content_hash AS "contentHash", cv.created_at AS "createdAt", u.username AS "createdBy", u.name AS "createdByName", cv.content
         FROM content_versions cv JOIN users u ON u.id = cv.created_by
        WHERE cv.document_id = $1 ORDER BY cv.version`,
      [documentId],
    );
  }

  /**
   * The inbox candidates: for each (place, state) of `scopes`, the soonest `depth` documents waiting
   * there (by pending deadline, or by creation in an undated state), in the inbox's order (`dl`'s due
   * time, nulls last, then creation and id: the order of `inboxSummaries`' deadline); with `after`, only
   * those that come after it; narrowed (kind, government, unit, lateness, title matches), each place read to its depth of
   * what passes. The SQL twin of `taskScopesOf` (libs/workflow policy/task-scope.ts).
   * Every place keeps its own `depth`: a global first `depth` (tried) made a Kepala OPD, whose
   * implementation-stage candidates are mostly not yet actionable, read ever deeper.
   * Each place is read one further than `depth`, to know whether it holds more: one that does may hide
   * unread documents right after that last one, so only the candidates before the first such last are
   * `settled` (nothing unread can come before them); `cutShort` says whether any place held more.
   * A document waiting at a deadline whose workflow offers none of `roles` an action (`offeredToAnyOfSql`, the
   * deadline's `offered_roles`: a Kepala OPD's Quick Win before its first progress report) takes its place in
   * the depth but is no candidate: it is left out before its document is read.
   * Only ids and positions: the caller reads the summaries of as many as it needs (`inboxSummaries`).
   */
  async inboxCandidates(manager: EntityManager, scopes: readonly TaskScope[], roles: readonly Role[], depth: InboxDepth, narrowing: InboxNarrowing = WHOLE_INBOX): Promise<InboxCandidates> {
    const params: unknown[] = [];
    const narrowed = bindNarrowing(narrowing, params);
    // each bound once, when some place reads that deep (a parameter no statement names has no type PostgreSQL could infer)
    let plainLimit: string | null = null;
    let conditionalLimit: string | null = null;
    const parts = scopes.flatMap((scope) =>
      scope.states.flatMap((state) => {
        const limit = scope.conditionalStates.includes(state)
          ? (conditionalLimit ??= `$${params.push(depth.conditional + 1)}`)
          : (plainLimit ??= `$${params.push(depth.plain + 1)}`);
        const part = candidateSql(scope, state, params, limit, narrowed);
        return part === null ? [] : [{ part, limit }];
      }),
    );
    if (parts.length === 0) return { settled: [], cutShort: false };
    const offered = offeredToAnyOfSql('c', `$${params.push(roles)}::text[]`);
    const placed = parts.map(({ part, limit }, place) => `SELECT ${place} AS place, ${limit}::int AS lim, c.* FROM ${part} c`);
    // named (planned once per connection) only as opened, page after page: each narrowing makes other texts,
    // which would use up the names every process gives (`MAX_NAMED_STATEMENTS`)
    const whole = Object.entries(narrowing).every(([key, value]) => key === 'after' || value === null);
    const run = whole ? queryPrepared<CandidateRow> : (m: EntityManager, text: string, values: unknown[]) => m.query(text, values) as Promise<CandidateRow[]>;
    const rows = await run(
      manager,
      `WITH candidates AS (${placed.join('\n UNION ALL ')}),
       ends AS (  -- the last candidate of each place read to its depth
         SELECT DISTINCT ON (place) due_at, created_at, document_id FROM candidates
          WHERE place IN (SELECT place FROM candidates GROUP BY place HAVING count(*) >= max(lim))
          ORDER BY place, due_at DESC, created_at DESC, document_id DESC),
       horizon AS (  -- the first of those lasts: a place may hold unread documents right after its own
         SELECT EXISTS (SELECT FROM ends) AS cut_short, (SELECT min(due_at) FROM ends) AS due_at, u.created_at, u.document_id
           FROM (SELECT) one LEFT JOIN LATERAL (
             SELECT created_at, document_id FROM ends WHERE due_at IS NULL ORDER BY created_at, document_id LIMIT 1) u ON true),
       picked AS MATERIALIZED (SELECT DISTINCT document_id FROM candidates c WHERE ${offered})
       SELECT h.cut_short AS "cutShort", x.id, x."dueAt", x."createdAt"
         FROM horizon h LEFT JOIN LATERAL (
           SELECT d.id, ${epochMicros('dl.due_at')}::text AS "dueAt", ${epochMicros('d.created_at')}::text AS "createdAt",
                  CASE WHEN h.due_at IS NOT NULL THEN dl.due_at < h.due_at
                       WHEN h.document_id IS NOT NULL THEN dl.due_at IS NOT NULL OR (d.created_at, d.id) <= (h.created_at, h.document_id)
                       ELSE true END AS settled,
                  row_number() OVER (ORDER BY dl.due_at ASC NULLS LAST, d.created_at ASC, d.id) AS n
             FROM picked JOIN documents d ON d.id = picked.document_id AND NOT d.final
             ${stageDeadlineJoin('x.due_at')}
            ${narrowed.after === null ? '' : `WHERE ${afterSql(narrowed.after)}`}
         ) x ON x.settled  -- the settled only; none settled: one row of nulls, for cut_short
        ORDER BY x.n`,
      params,
    );
    const settled = rows
      .filter((r): r is typeof r & { id: string } => r.id !== null)
      .map(({ id, dueAt, createdAt }) => ({ id, position: { dueAt: dueAt === null ? null : Number(dueAt), createdAt: Number(createdAt), id } }));
    return { settled, cutShort: rows[0].cutShort };
  }

  /**
   * The inbox's title search, read before its places, which then take only these: the open documents
   * waiting where `scopes` read (each scope's states in its government, or its regencies and cities, and
   * in its unit but for a participant's states), of the kind, government and unit asked for, whose title
   * holds every word, at most `limit`; more is `tooBroad`, as the lists' `q` (a word that common would make
   * every place a scan of its stage). Not prepared: how many titles hold a word decides the plan.
   */
  async inboxTitleMatches(
    manager: EntityManager,
    scopes: readonly TaskScope[],
    words: readonly string[],
    narrowing: Pick<InboxNarrowing, 'kind' | 'governmentCode' | 'unitCode'>,
    limit: number,
  ): Promise<InboxTitleMatches> {
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const places = scopes.map((scope) => {
      const gov = bind(scope.governmentCode);
      const unit = scope.unitCode === null ? '' : ` AND (d.unit_id = ${unitIdSql(gov, bind(scope.unitCode))} OR d.state = ANY(${bind(scope.participantStates)}::text[]))`;
      return `(d.government_id ${scopeGovernmentsSql(scope.children, gov)} AND d.state = ANY(${bind(scope.states)}::text[])${unit})`;
    });
    const where = [
      'NOT d.final',
      `(${places.join(' OR ')})`,
      ...(narrowing.kind === null ? [] : [`d.kind = ${bind(narrowing.kind)}`]),
      ...(narrowing.governmentCode === null ? [] : [`d.government_id = ${governmentIdSql(bind(narrowing.governmentCode))}`]),
      ...filterConditions({ unitCode: narrowing.unitCode ?? undefined }, 'd', bind),
    ];
    return titleMatches(manager, where, words, params, limit);
  }

  /**
   * The summaries of these documents, in the order given, leaving out those that ended meanwhile.
   * Each by its id (a lateral join), which a prepared statement's generic plan cannot turn into a scan
   * of every workflow instance (bench/RESULTS.md section 4).
   */
  async inboxSummaries(manager: EntityManager, ids: readonly string[]): Promise<InboxSummary[]> {
    if (ids.length === 0) return [];
    const rows = await queryPrepared<InboxSummary>(
      manager,
      `SELECT s.* FROM unnest($1::uuid[]) WITH ORDINALITY AS i(id, n)
         CROSS JOIN LATERAL (${SELECT_INBOX_SUMMARY} WHERE d.id = i.id AND NOT d.final) s
        ORDER BY i.n`,
      [ids],
    );
    return rows.map(hydrateDocument);
  }
}

/** A page and its total, read at the same time on two connections. */
async function pageAndTotal(page: Promise<DocumentRecord[]>, count: Promise<Array<{ total: number }>>): Promise<{ rows: DocumentRecord[]; total: number }> {
  const [rows, [{ total }]] = await Promise.all([page, count]);
  return { rows: rows.map(hydrateDocument), total };
}

/** A LIKE pattern matching `word` anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The documents whose title holds every word, among those `where` keeps (its values already in `params`),
 * at most `limit`: more is `tooBroad`. From the titles' trigram index; not prepared, as how many titles
 * hold a word decides the plan. The lists' `q` and the inbox's.
 */
async function titleMatches(manager: EntityManager, where: readonly string[], words: readonly string[], params: unknown[], limit: number): Promise<InboxTitleMatches> {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const conditions = [...where, ...words.map((w) => `t.words LIKE lower(${bind(containsPattern(w))})`)];
  const hits: Array<{ id: string }> = await manager.query(
    `SELECT d.id FROM document_titles t JOIN documents d ON d.id = t.document_id WHERE ${conditions.join(' AND ')} LIMIT ${bind(limit + 1)}`,
    params,
  );
  return hits.length > limit ? { tooBroad: { limit } } : { ids: hits.map((h) => h.id) };
}

/** The id of the government whose code `code` binds. */
const governmentIdSql = (code: string) => `(SELECT id FROM governments WHERE code = ${code})`;

/** The id of the unit `unitCode` of the government `governmentCode` (both bound). */
const unitIdSql = (governmentCode: string, unitCode: string) =>
  `(SELECT u.id FROM units u JOIN governments g ON g.id = u.government_id WHERE g.code = ${governmentCode} AND u.code = ${unitCode})`;

/**
 * A scope's governments as a condition on a government id: `=` the one (a scalar subquery, so an ordered
 * index gives its first rows as they are: with IN the planner read every pending row of a stage and sorted
 * them, 16,667 rows and 969 blocks instead of 70 rows and 75 blocks for a Sekda at a million documents,
 * issue 16), or `IN` its regencies and cities (`children`).
 */
const scopeGovernmentsSql = (children: boolean, code: string) =>
  children ? `IN (SELECT c.id FROM governments c JOIN governments p ON p.id = c.parent_id WHERE p.code = ${code})` : `= ${governmentIdSql(code)}`;

/**
 * The ids of a list page (`id`, `created_at`, newest first) and their parameters (also for the benches' EXPLAIN), per
 * government, merged. Where the caller reads beyond its own units (`readsBeyondOwnUnits`: a Sekda, a verifier), the
 * government's newest documents off its ordered index, each read by the total's split of the read scope
 * (`readableByCount`). Elsewhere (a drafter, an OPD head) what it reads there is its own units' documents, each unit's
 * newest off the (kind, government, unit, created_at) index, the documents it acted on, each read by id, and the
 * drafts awaiting its paraf, off their deadlines: walking the government's documents for them took seconds at a million
 * documents where a unit held none (bench/RESULTS.md section 4). Where workflow versions disagree on who acts in a
 * state, that state's newest too, by the row filter. Each source gives at most a page's end; a document two give is
 * listed once.
 */
export function listPageQuery(f: DocumentListFilter): { sql: string; params: unknown[] } {
  const { ownUnits, readsBeyondOwnUnits, actedIds, awaited, undecidedStates } = f.counting.filter;
  // `g.wide`: whether the caller reads the government `g` beyond its own units (`readsBeyondOwnUnits`)
  const params: unknown[] = [...f.counting.filter.params, ...fallbackParams(f), f.kind, f.governmentIds];
  const [kind, governmentIds] = [`$${params.length - 1}`, `$${params.length}`];
  // `=` one unit of the lateral's government: each government's page comes off its ordered index as it is
  const scoped = { government: 'g.id', match: '=' } as const;
  const firstFilter = params.length + 1;
  const filters = filterConditions(f, 'd', (value) => `$${params.push(value)}`, scoped);
  const [limit, offset] = [`$${params.push(f.limit)}`, `$${params.push(f.offset)}`];
  const listed = [`d.kind = ${kind}`, 'd.government_id = g.id', ...filters].join(' AND ');
  const newest = (alias: string, id = 'id') => `ORDER BY ${alias}.created_at DESC, ${alias}.${id} DESC LIMIT ${limit}::int + ${offset}::int`;
  const within = `${governmentIds}::uuid[]`;
  // what a deadline keeps of its document, filtered as the documents are (the same values)
  const waiting = [`w.kind = ${kind}`, 'w.government_id = g.id', 'w.submitted', ...filterConditions(f, 'w', boundFrom(firstFilter), scoped)].join(' AND ');
  const awaitedSource = awaited === null ? '' : `
             UNION (SELECT w.document_id AS id, w.created_at FROM (${awaited}) w WHERE NOT g.wide AND ${waiting}
                     ${newest('w', 'document_id')})`;
  const undecided = undecidedStates.length === 0 ? '' : `
             UNION (SELECT d.id, d.created_at FROM ${undecidedStatesSql(undecidedStates)}
                     CROSS JOIN LATERAL (SELECT d.id, d.created_at FROM documents d
                                          WHERE ${listed} AND d.kind = x.kind AND d.state = x.state AND ${f.counting.fallback.sql} ${newest('d')}) d
                     WHERE NOT g.wide)`;
  const sql = `
         WITH acted AS MATERIALIZED (${actedIds(within)})
         SELECT p.id, p.created_at
           -- each government judged once (OFFSET 0 keeps the judgement from being copied into each source)
           FROM (SELECT g.id, ${readsBeyondOwnUnits('g.id')} AS wide FROM unnest(${governmentIds}::uuid[]) AS g(id) OFFSET 0) g
          CROSS JOIN LATERAL (
                   (SELECT d.id, d.created_at FROM documents d
                     WHERE g.wide AND ${listed} AND ${readableByCount(f, within)} ${newest('d')})
             UNION (SELECT d.id, d.created_at FROM (${ownUnits}) o
                     CROSS JOIN LATERAL (SELECT d.id, d.created_at FROM documents d WHERE ${listed} AND d.unit_id = o.unit_id ${newest('d')}) d
                     WHERE o.government_id = g.id AND NOT g.wide)
             UNION (SELECT d.id, d.created_at FROM acted i
                     -- each by its id (OFFSET 0: the planner, unable to count them, would walk the government's documents)
                     CROSS JOIN LATERAL (SELECT d.id, d.created_at FROM documents d WHERE d.id = i.document_id AND d.submitted_at IS NOT NULL AND ${listed} OFFSET 0) d
                     WHERE NOT g.wide ${newest('d')})${awaitedSource}${undecided}) p
          ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}::int OFFSET ${offset}::int`;
  return { sql, params };
}

/**
 * Whether the caller may read the document `d` (of the governments `within`), as the total counts it: by its count
 * key, because the caller is involved in it (acted on it, or its paraf koordinasi awaits the caller's unit), or, in a
 * state where workflow versions disagree on who acts, by the row filter (read-policy-agreement.e2e-spec.ts).
 */
function readableByCount(f: DocumentListFilter, within: string): string {
  const { keyReads, involved, undecidedStates } = f.counting.filter;
  const undecided = undecidedStates.length === 0 ? '' : ` OR (${inUndecidedState(undecidedStates)} AND ${f.counting.fallback.sql})`;
  return `(${keyReads(documentCountKey('d'))} OR ${involved('d', within)}${undecided})`;
}

/** `states` as rows `x(kind, state)`: a literal list, the registry's, never the caller's. */
const undecidedStatesSql = (states: ReadScopeCountFilter['undecidedStates']) =>
  `jsonb_to_recordset('${JSON.stringify(states).replace(/'/g, "''")}'::jsonb) AS x(kind text, state text)`;

/** Whether the document `d` is in one of `states`. */
const inUndecidedState = (states: ReadScopeCountFilter['undecidedStates']) => `(d.kind, d.state) IN (SELECT x.kind, x.state FROM ${undecidedStatesSql(states)})`;

/** The total's query and parameters (also for the benches' EXPLAIN). */
export function listTotalQuery(f: DocumentListFilter): { sql: string; params: unknown[] } {
  return { sql: countSql(f), params: countParams(f) };
}

/**
 * The list total, from the maintained counts (exact at any moment: the folded counts plus the
 * writers' counter slots, see the document-counts-in-slots migration): the keys the caller reads
 * whole (`keyReads`), plus the documents it reads only because it acted on them (by the history's
 * actor indexes) or its paraf koordinasi awaits the caller's unit (off those deadlines, which keep what the
 * keys and filters ask of their document), plus, where workflow versions
 * disagree on who acts in a state, the documents there that the row filter lets it read. Nothing is counted
 * row by row but what the caller is involved in.
 */
function countSql(f: DocumentListFilter): string {
  const { keyReads, involved, actedIds, awaited, params, undecidedStates } = f.counting.filter;
  let n = params.length + fallbackParams(f).length;
  const [kind, governments] = [`$${++n}`, `$${++n}`];
  // the counts and the documents take the same filter values, bound once after the kind and governments
  const counted = [`c.kind = ${kind}`, `c.government_id = ANY(${governments}::uuid[])`, ...filterConditions(f, 'c', boundFrom(n + 1))];
  const listed = [`d.kind = ${kind}`, `d.government_id = ANY(${governments}::uuid[])`, ...filterConditions(f, 'd', boundFrom(n + 1))];
  const key = { kind: 'c.kind', governmentId: 'c.government_id', unitId: 'c.unit_id', state: 'c.state', submitted: 'c.submitted', facilitation: 'c.facilitation' };
  const c = `${counted.join(' AND ')} AND ${keyReads(key)}`;
  const l = `${listed.join(' AND ')} AND NOT ${keyReads(documentCountKey('d'))}`;
  const waiting = [`w.kind = ${kind}`, `w.government_id = ANY(${governments}::uuid[])`, ...filterConditions(f, 'w', boundFrom(n + 1))];
  // the drafts awaiting the caller's paraf, off their deadlines (each once, as the caller may head two OPDs awaited on one)
  const awaitedCount = awaited === null ? '' : `
          + (SELECT count(DISTINCT w.document_id) FROM (${awaited}) w
              WHERE w.submitted AND ${waiting.join(' AND ')} AND NOT ${keyReads(awaitedCountKey('w'))} AND w.document_id NOT IN (SELECT document_id FROM acted))`;
  const undecided = undecidedStates.length === 0 ? '' : `
          + (SELECT count(*) FROM documents d WHERE ${l} AND NOT ${involved('d', `${governments}::uuid[]`)} AND ${f.counting.fallback.sql}
               AND ${inUndecidedState(undecidedStates)})`;
  return `WITH acted AS MATERIALIZED (${actedIds(`${governments}::uuid[]`)})
          SELECT (
            (SELECT coalesce(sum(n), 0) FROM (SELECT c.count AS n FROM document_counts c WHERE ${c}
                                               UNION ALL SELECT c.delta AS n FROM document_count_deltas c WHERE ${c}) t)
          + (SELECT count(*) FROM acted i
               -- each document the caller acted on, by its id (OFFSET 0: the planner, unable to count them, would scan every document)
               CROSS JOIN LATERAL (SELECT 1 FROM documents d WHERE d.id = i.document_id AND d.submitted_at IS NOT NULL AND ${l} OFFSET 0) x)${awaitedCount}${undecided}
          )::int AS total`;
}

/** The row filter's parameters, when the total uses it (no state is undecided in the default workflows). */
function fallbackParams(f: DocumentListFilter): unknown[] {
  return f.counting.filter.undecidedStates.length === 0 ? [] : f.counting.fallback.params;
}

function countParams(f: DocumentListFilter): unknown[] {
  return [
    ...f.counting.filter.params,
    ...fallbackParams(f),
    f.kind,
    f.governmentIds,
    ...filterValues(f),
  ];
}

type ListFilters = Pick<DocumentListFilter, 'state' | 'unitCode' | 'year'>;

/** A `bind` for `filterConditions` naming values already bound from `$first` on (the same filters on another alias). */
const boundFrom = (first: number) => () => `$${first++}`;

/** The values of the list's own filters (state, unit code, year), in the order `filterConditions` binds them. */
function filterValues(f: ListFilters): unknown[] {
  return [...(f.state ? [f.state] : []), ...(f.unitCode ? [f.unitCode] : []), ...(f.year !== undefined ? [f.year] : [])];
}

/**
 * The list's own filters as conditions on `alias`, each value bound by `bind` in `filterValues`'s order.
 * A unit code is looked up in the row's government (`unit.government`), `IN` by default.
 */
function filterConditions(f: ListFilters, alias: string, bind: (value: unknown) => string, unit: { government?: string; match?: '=' | 'IN' } = {}): string[] {
  const [state, unitCode, year] = [f.state, f.unitCode, f.year];
  const government = unit.government ?? `${alias}.government_id`;
  return [
    ...(state ? [`${alias}.state = ${bind(state)}`] : []),
    ...(unitCode ? [`${alias}.unit_id ${unit.match ?? 'IN'} (SELECT u.id FROM units u WHERE u.government_id = ${government} AND u.code = ${bind(unitCode)})`] : []),
    ...(year !== undefined ? [`${alias}.year = ${bind(year)}`] : []),
  ];
}

interface CandidateRow {
  id: string | null;
  dueAt: string | null;
  createdAt: string;
  cutShort: boolean;
}

/**
 * The values of an `InboxNarrowing`, each bound the first time the statement uses it (a parameter no statement
 * names has no type PostgreSQL could infer): `after`'s due time (null when the page before ended undated),
 * creation and document serve every place and the final order alike.
 */
interface BoundNarrowing {
  after: BoundPosition | null;
  kind: (() => string) | null;
  governmentCode: (() => string) | null;
  unitCode: (() => string) | null;
  overdue: { is: boolean; now: () => string } | null;
  documentIds: (() => string) | null;
}

interface BoundPosition {
  dueAt: (() => string) | null;
  createdAt: () => string;
  id: () => string;
}

function bindNarrowing({ after, kind, governmentCode, unitCode, overdue, documentIds }: InboxNarrowing, params: unknown[]): BoundNarrowing {
  const once = (value: unknown, cast = '') => {
    let bound: string | null = null;
    return () => (bound ??= `$${params.push(value)}${cast}`);
  };
  const micros = (value: number) => {
    const bound = once(value);
    return () => fromEpochMicros(bound());
  };
  return {
    after: after === null ? null : { dueAt: after.dueAt === null ? null : micros(after.dueAt), createdAt: micros(after.createdAt), id: once(after.id, '::uuid') },
    kind: kind === null ? null : once(kind),
    governmentCode: governmentCode === null ? null : once(governmentCode),
    unitCode: unitCode === null ? null : once(unitCode),
    overdue: overdue === null ? null : { is: overdue.is, now: once(overdue.now, '::timestamptz') },
    documentIds: documentIds === null ? null : once(documentIds, '::uuid[]'),
  };
}

/**
 * One (place, state) of the inbox: the soonest `limit` documents waiting there, from `after`'s due time on
 * (the place's deadline is never sooner than its document's, by which the inbox is ordered), with the
 * due time or creation they are ordered by there, narrowed as asked; null when nothing there can come
 * after `after` (a dated place once the inbox has gone on to the undated) or pass the narrowing (an
 * undated place when only the overdue are asked for).
 */
function candidateSql(scope: TaskScope, state: string, params: unknown[], limit: string, narrowed: BoundNarrowing): string | null {
  const undated = UNDATED_STATES.has(state);
  const { after } = narrowed;
  if (!undated && after !== null && after.dueAt === null) return null;
  if (undated && narrowed.overdue?.is) return null;
  const gov = `$${params.push(scope.governmentCode)}`;
  const st = `$${params.push(state)}`;
  const unit = scope.unitCode === null ? null : `$${params.push(scope.unitCode)}`;
  const governments = scopeGovernmentsSql(scope.children, gov);
  const unitFilter = (alias: string) => (unit === null ? '' : `AND ${alias}.unit_id = ${unitIdSql(gov, unit)}`);
  const narrowing = (alias: string, documentUnit: string) => {
    const { kind, governmentCode, unitCode, overdue, documentIds } = narrowed;
    // the unit asked for is the document's, in the document's government: one unit where the place has one government
    const unitGovernment = governmentCode?.() ?? (scope.children ? null : gov);
    const askedUnit = (code: string) =>
      unitGovernment === null
        ? `IN (SELECT u.id FROM units u WHERE u.government_id = ${alias}.government_id AND u.code = ${code})`
        : `= ${unitIdSql(unitGovernment, code)}`;
    return [
      kind === null ? '' : `AND ${alias}.kind = ${kind()}`,
      governmentCode === null ? '' : `AND ${alias}.government_id = ${governmentIdSql(governmentCode())}`,
      unitCode === null ? '' : `AND ${documentUnit} ${askedUnit(unitCode())}`,
      overdue === null || undated ? '' : `AND ${alias}.due_at ${overdue.is ? '<=' : '>'} ${overdue.now()}`,
      documentIds === null ? '' : `AND ${undated ? 'd.id' : 'dl.document_id'} = ANY(${documentIds()})`,
    ].join(' ');
  };
  if (undated) {
    const from = after !== null && after.dueAt === null ? `AND (d.created_at, d.id) > (${creationOf(after)})` : '';
    return `(SELECT d.id AS document_id, NULL::timestamptz AS due_at, d.created_at, NULL::text[] AS offered_roles FROM documents d
              WHERE NOT d.final AND d.government_id ${governments} ${unitFilter('d')} AND d.state = ${st} ${narrowing('d', 'd.unit_id')} ${from}
              ORDER BY d.created_at, d.id LIMIT ${limit})`;
  }
  // a participant's deadline lies in its own unit (paraf koordinasi): the document's unit is read from the document
  const documentUnit = scope.participantStates.includes(state) ? '(SELECT pd.unit_id FROM documents pd WHERE pd.id = dl.document_id)' : 'dl.unit_id';
  // from the instant the page before ended, but not its last document again: else that one took a place of the depth,
  // and a page whose tasks all came from one place settled one short and read every place again, deeper
  const from = after?.dueAt == null ? '' : `AND dl.due_at >= ${after.dueAt()} AND dl.document_id <> ${after.id()}`;
  return `(SELECT dl.document_id, dl.due_at, NULL::timestamptz AS created_at, dl.offered_roles FROM deadlines dl
            WHERE dl.status = 'PENDING' AND dl.government_id ${governments} ${unitFilter('dl')} AND dl.stage = ${st} ${narrowing('dl', documentUnit)} ${from}
            ORDER BY dl.due_at LIMIT ${limit})`;
}

/** `(created_at, id)` of a position. */
function creationOf(after: BoundPosition): string {
  return `${after.createdAt()}, ${after.id()}`;
}

/** The documents that come after `after` in the inbox's order (due time, nulls last; creation; id). */
function afterSql(after: BoundPosition): string {
  if (after.dueAt === null) return `dl.due_at IS NULL AND (d.created_at, d.id) > (${creationOf(after)})`;
  const due = after.dueAt();
  return `(dl.due_at > ${due} OR dl.due_at IS NULL OR (dl.due_at = ${due} AND (d.created_at, d.id) > (${creationOf(after)})))`;
}

/** A timestamp as whole microseconds since 1970, exact (a JavaScript Date keeps milliseconds only). */
function epochMicros(column: string): string {
  return `(extract(epoch FROM date_trunc('second', ${column}))::bigint * 1000000 + extract(microseconds FROM ${column})::bigint % 1000000)`;
}

/** Microseconds since 1970, a bound parameter (`$n`), as a timestamp. */
function fromEpochMicros(micros: string): string {
  return `(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;
}
