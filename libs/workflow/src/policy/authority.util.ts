import type { Role } from '../domain/role.types.js';
import type { ActorScope } from '../machines/workflow-meta.types.js';
import { activeDelegations } from './delegation.util.js';
import type { ActorFacts, Authority, DocumentFacts, UserPlacement } from './policy.types.js';

/**
 * Every authority of the actor at `now`: own roles first (in the actor's order), then the roles of
 * active delegations exercised as the principal. Delegations are never chained: only the grants the
 * actor received directly count.
 */
export function authoritiesOf(actor: ActorFacts, now: Date): Authority[] {
  const self: UserPlacement = { username: actor.username, governmentCode: actor.governmentCode, unitCode: actor.unitCode };
  const own = actor.roles.map((role): Authority => ({ role, as: self, onBehalfOf: null, delegationId: null }));
  const delegated = activeDelegations(actor.delegations, now).map(
    (delegation): Authority => ({
      role: delegation.role,
      as: delegation.principal,
      onBehalfOf: delegation.principal.username,
      delegationId: delegation.id,
    }),
  );
  return [...own, ...delegated];
}

/** The roles the actor holds at `now`, own and by delegation, each once. */
export function heldRoles(actor: ActorFacts, now: Date): Role[] {
  return [...new Set(authoritiesOf(actor, now).map((authority) => authority.role))];
}

/** Whether someone placed at `as` stands in `scope` relative to the document. */
export function scopeMatches(scope: ActorScope, as: UserPlacement, document: DocumentFacts): boolean {
  switch (scope) {
    case 'unit':
      return as.governmentCode === document.governmentCode && as.unitCode === document.unitCode;
    case 'government':
      return as.governmentCode === document.governmentCode;
    case 'parent-province':
      return (
        document.governmentLevel !== 'PROVINCE' &&
        document.parentGovernmentCode !== null &&
        as.governmentCode === document.parentGovernmentCode
      );
    case 'participant':
      return as.governmentCode === document.governmentCode && (document.pendingParticipants ?? []).includes(as.unitCode);
    case 'creator':
      return as.username === document.createdBy && as.governmentCode === document.governmentCode;
    default:
      return false;
  }
}

/** The history action of an edit of a document's content (a new content version). */
export const EDIT_ACTION = 'EDIT';

/**
 * The creators of a document: `createdBy` and whoever wrote it for them as their delegate (Plt/Plh of
 * a drafter), as the history records: the creation entry (the one with no `fromState`) and every
 * edit made on the creator's behalf.
 */
export function creatorsOf(document: DocumentFacts): string[] {
  const writers = document.history
    .filter((entry) => entry.fromState === null || (entry.action === EDIT_ACTION && entry.onBehalfOf === document.createdBy))
    .map((entry) => entry.actor);
  return [...new Set([document.createdBy, ...writers])];
}

/** True when using this authority would make a creator act (directly or through a delegation). */
export function involvesCreator(actor: ActorFacts, authority: Authority, document: DocumentFacts): boolean {
  const creators = creatorsOf(document);
  return creators.includes(actor.username) || creators.includes(authority.as.username);
}
