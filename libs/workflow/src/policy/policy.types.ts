import type { DocumentKind } from '../domain/document-kind.types.js';
import type { GovernmentLevel } from '../domain/government.types.js';
import type { Role } from '../domain/role.types.js';

/** What the policy needs to know about a document. */
export interface DocumentFacts {
  readonly kind: DocumentKind;
  /** Dotted state, e.g. `coordination.assistant`. */
  readonly state: string;
  /** Username of the creator. */
  readonly createdBy: string;
  readonly governmentCode: string;
  readonly governmentLevel: GovernmentLevel;
  /** The province of a regency or city; null for a province. */
  readonly parentGovernmentCode: string | null;
  readonly unitCode: string;
  /** Units of an open coordination round that have not answered; read from the snapshot when one is given. */
  readonly pendingParticipants?: readonly string[];
  /** The document's history, oldest first (separation of duties reads who acted for which role). */
  readonly history: readonly PastAction[];
}

/** One entry of a document's history, as the policy reads it. */
export interface PastAction {
  readonly action: string;
  /** Dotted state the action was fired in; null for the entry that created the document. */
  readonly fromState: string | null;
  /** Username of who fired it. */
  readonly actor: string;
  /** Username of the principal when the actor acted as a delegate. */
  readonly onBehalfOf: string | null;
}

/** Where a user stands: their government and unit. */
export interface UserPlacement {
  readonly username: string;
  readonly governmentCode: string;
  readonly unitCode: string;
}

/** A delegation (Plt/Plh) received by the actor. Windows are half-open: [startsAt, endsAt). */
export interface DelegationGrant {
  readonly id: string;
  readonly role: Role;
  readonly principal: UserPlacement;
  readonly startsAt: Date | string;
  readonly endsAt: Date | string;
  /** Any non-null value means revoked: a revoked delegation never counts. */
  readonly revokedAt: Date | string | null;
}

/** The user asking, with their own roles and the delegations they received. */
export interface ActorFacts extends UserPlacement {
  readonly roles: readonly Role[];
  readonly delegations: readonly DelegationGrant[];
}

/**
 * One authority an actor can use: an own role (onBehalfOf null) or a role received by an active
 * delegation (then the placement is the principal's).
 */
export interface Authority {
  readonly role: Role;
  /** The identity the role is exercised as (the actor's, or the principal's for a delegation). */
  readonly as: UserPlacement;
  readonly onBehalfOf: string | null;
  readonly delegationId: string | null;
}

export type PolicyRefusalCode = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'SEPARATION_OF_DUTIES';

export interface PolicyAllowed {
  readonly allowed: true;
  /** The role used. */
  readonly role: Role;
  /** Username of the principal when acting through a delegation, else null (audit `onBehalfOf`). */
  readonly onBehalfOf: string | null;
  readonly delegationId: string | null;
  /** The unit answered for, in a stage where participants answer in parallel. */
  readonly participant?: string;
}

export interface PolicyRefused {
  readonly allowed: false;
  readonly code: PolicyRefusalCode;
  readonly reason: string;
}

export type PolicyDecision = PolicyAllowed | PolicyRefused;
