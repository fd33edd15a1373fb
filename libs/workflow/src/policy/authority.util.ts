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

/**
 * The creators of a document: `createdBy` and, when a delegate (Plt/Plh of a drafter) wrote it for
 * them, that delegate too, as the history's creation entry (the one with no `fromState`) records.
 */
export function creatorsOf(document: DocumentFacts): string[] {
  const created = document.history.find((entry) => entry.fromState === null);
  return created === undefined || created.actor === document.createdBy ? [document.createdBy] : [document.createdBy, created.actor];
}

/** True when using this authority would make a creator act (directly or through a delegation). */
export function involvesCreator(actor: ActorFacts, authority: Authority, document: DocumentFacts): boolean {
  const creators = creatorsOf(document);
  return creators.includes(actor.username) || creators.includes(authority.as.username);
}
