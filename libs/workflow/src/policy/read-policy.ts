import { ALL_DOCUMENT_KINDS, type DocumentKind } from '../domain/document-kind.types.js';
import { Role } from '../domain/role.types.js';
import { initialStateName } from '../machines/state-node.util.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { authoritiesOf, scopeMatches } from './authority.util.js';
import type { ActorFacts, Authority, DocumentFacts } from './policy.types.js';
import { stageActorsFor, type StageActor } from './stage-actors.util.js';

/** Roles that read every submitted document of their government. */
export const GOVERNMENT_READER_ROLES: readonly Role[] = Object.freeze([
  Role.ORG_VERIFIER,
  Role.LEGAL,
  Role.ASSISTANT,
  Role.SECRETARY,
  Role.REGIONAL_HEAD,
  Role.INSPECTOR,
  Role.ADMIN,
]);

/** What the read scope needs beyond the policy's document facts; kept on the document as it moves. */
export interface ReadScopeMarks {
  /** It left its first stage (draft) for a stage of the flow at least once. */
  readonly submitted: boolean;
  /** It entered a stage where the parent province acts (facilitation) at least once. */
  readonly facilitationRequested: boolean;
}

export interface ReadableDocument extends DocumentFacts, ReadScopeMarks {
  /** Who must act in its current stage (`stageActorsFor`). */
  readonly stageActors: readonly StageActor[];
}

/**
 * Read scope (issue 9, "Read scope, decided"), for each authority of the actor (own roles and
 * active delegations, exercised as the principal): a draft never submitted is read by its unit only;
 * once submitted, also by everyone who acted on it or must act on it now, by the government's
 * GOVERNMENT_READER_ROLES, and, for a regency's or city's regulation whose facilitation was requested,
 * by the parent province's LEGAL. Outside this scope a document is a 404. `readScopeFilter` is its
 * SQL twin.
 */
export function canRead(document: ReadableDocument, actor: ActorFacts, now: Date): boolean {
  return authoritiesOf(actor, now).some((authority) => authorityReads(authority, document));
}

function authorityReads({ role, as }: Authority, document: ReadableDocument): boolean {
  if (scopeMatches('unit', as, document)) return true;
  if (!document.submitted) return false;
  return (
    (GOVERNMENT_READER_ROLES.includes(role) && scopeMatches('government', as, document)) ||
    document.history.some((entry) => entry.actor === as.username || entry.onBehalfOf === as.username) ||
    document.stageActors.some((actor) => actor.role === role && scopeMatches(actor.scope, as, document)) ||
    (role === Role.LEGAL && document.kind === 'regulation' && document.facilitationRequested && scopeMatches('parent-province', as, document))
  );
}

/** The marks after a transition from `fromState` to `toState` (final or not). */
export function readScopeMarksAfter(
  definition: WorkflowDefinition,
  before: ReadScopeMarks,
  transition: { fromState: string | null; toState: string; final: boolean },
): ReadScopeMarks {
  return {
    submitted: before.submitted || (transition.fromState === initialStateName(definition.machine) && !transition.final),
    facilitationRequested: before.facilitationRequested || stageActorsFor(definition, transition.toState).some((a) => a.scope === 'parent-province'),
  };
}

/** Governments (codes) where the actor reads every submitted document: those it holds a GOVERNMENT_READER_ROLES role in. */
export function governmentsReadWhole(actor: ActorFacts, now: Date): string[] {
  return [...new Set(authoritiesOf(actor, now).filter((a) => GOVERNMENT_READER_ROLES.includes(a.role)).map((a) => a.as.governmentCode))];
}

/**
 * Where the documents of `kind` that `canRead` lets the actor read live: the governments of their own
 * roles and active delegations; for regulations, the regencies and cities under a government where they
 * hold LEGAL (facilitation); and, for canRead's history clause, every government whose documents one of
 * their authorities' placements (their own, an active principal's) acted on or was acted for, which
 * only the database knows (acted_governments, kept with the history, read for the usernames `actedBy`).
 * Lists narrow their SQL to these before the read scope's row filter, and offer them as their
 * government filter.
 */
export interface ReadableGovernments {
  /** The actor's own government. */
  readonly own: string;
  /** The governments read from, `own` among them. */
  readonly codes: readonly string[];
  /** Governments whose child governments' documents are read too. */
  readonly childrenOf: readonly string[];
  /** The usernames (the actor's, their active principals') whose acted-in governments are read too, for documents of `kinds`. */
  readonly actedBy: readonly string[];
  readonly kinds: readonly DocumentKind[];
}

export function readableGovernments(kind: DocumentKind, actor: ActorFacts, now: Date): ReadableGovernments {
  const authorities = authoritiesOf(actor, now);
  const legal = kind === 'regulation' ? authorities.filter((a) => a.role === Role.LEGAL) : [];
  return {
    own: actor.governmentCode,
    codes: [...new Set([actor.governmentCode, ...authorities.map((a) => a.as.governmentCode)])],
    childrenOf: [...new Set(legal.map((a) => a.as.governmentCode))],
    actedBy: [...new Set([actor.username, ...authorities.map((a) => a.as.username)])],
    kinds: [kind],
  };
}

/** `readableGovernments` of every kind at once: where any of the actor's lists reads (the unit directory offers their units). */
export function readableGovernmentsOfAnyKind(actor: ActorFacts, now: Date): ReadableGovernments {
  const scopes = ALL_DOCUMENT_KINDS.map((kind) => readableGovernments(kind, actor, now));
  const union = <T>(pick: (scope: ReadableGovernments) => readonly T[]) => [...new Set(scopes.flatMap(pick))];
  return { own: actor.governmentCode, codes: union((s) => s.codes), childrenOf: union((s) => s.childrenOf), actedBy: union((s) => s.actedBy), kinds: ALL_DOCUMENT_KINDS };
}
