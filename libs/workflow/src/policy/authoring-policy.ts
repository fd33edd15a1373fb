import { authoritiesOf } from './authority.util.js';
import type { ActorFacts, Authority, UserPlacement } from './policy.types.js';

export interface AuthoringRefusal {
  readonly code: 'FORBIDDEN' | 'NOT_EDITABLE';
  readonly reason: string;
}

/**
 * Who a document is written as: the author's own placement, or, through an active delegation of the
 * DRAFTER role (Plt/Plh), the principal's; `onBehalfOf` and `delegationId` are then set (audit `onBehalfOf`).
 */
export interface AuthoringAllowed {
  readonly as: UserPlacement;
  readonly onBehalfOf: string | null;
  readonly delegationId: string | null;
}

export type AuthoringDecision = ({ readonly allowed: true } & AuthoringAllowed) | ({ readonly allowed: false } & AuthoringRefusal);

/** States in which a document's content may change. */
export const EDITABLE_STATES: ReadonlySet<string> = new Set(['draft', 'revision']);

/** The DRAFTER authorities of the actor at `now`: their own role first, then delegations (oldest first). */
function drafterAuthorities(actor: ActorFacts, now: Date): Authority[] {
  return authoritiesOf(actor, now).filter((authority) => authority.role === 'DRAFTER');
}

function allowed(authority: Authority): AuthoringDecision {
  return { allowed: true, as: authority.as, onBehalfOf: authority.onBehalfOf, delegationId: authority.delegationId };
}

/**
 * May `actor` create a document (of `unitCode` when named) at `now`, and as whom? A DRAFTER creates
 * documents of their own unit; a delegate holding the DRAFTER role of a drafter (Plt/Plh, inside the
 * window) creates them for the principal's unit, as the principal. Without `unitCode` the first
 * DRAFTER authority counts: the actor's own role before any delegation.
 */
export function decideCreate(actor: ActorFacts, now: Date, unitCode?: string): AuthoringDecision {
  const drafters = drafterAuthorities(actor, now);
  if (drafters.length === 0) return { allowed: false, code: 'FORBIDDEN', reason: 'Only a DRAFTER (pemrakarsa) creates documents' };
  const chosen = unitCode === undefined ? drafters[0] : drafters.find((authority) => authority.as.unitCode === unitCode);
  if (chosen === undefined) {
    const units = [...new Set(drafters.map((authority) => authority.as.unitCode))].join(', ');
    return { allowed: false, code: 'FORBIDDEN', reason: `A drafter creates documents of their own unit (${units}), not of ${unitCode}` };
  }
  return allowed(chosen);
}

/**
 * May `actor` edit the document's content at `now`, and as whom? Only in draft or revision
 * (NOT_EDITABLE), and only a DRAFTER of the document's unit in its government, in their own right or
 * as the delegate of one (FORBIDDEN), in that order. The actor's own role is preferred to a delegation.
 */
export function decideEdit(actor: ActorFacts, now: Date, document: { state: string; governmentCode: string; unitCode: string }): AuthoringDecision {
  if (!EDITABLE_STATES.has(document.state)) {
    return { allowed: false, code: 'NOT_EDITABLE', reason: `A document is edited only in draft or revision, not in ${document.state}` };
  }
  const chosen = drafterAuthorities(actor, now).find(
    (authority) => authority.as.governmentCode === document.governmentCode && authority.as.unitCode === document.unitCode,
  );
  if (chosen === undefined) return { allowed: false, code: 'FORBIDDEN', reason: `Only a DRAFTER of ${document.unitCode} edits this document` };
  return allowed(chosen);
}
