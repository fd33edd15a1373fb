import type { Role } from '../domain/role.types.js';
import type { UserPlacement } from './policy.types.js';

/** The author of a document: a DRAFTER (pemrakarsa), of the document's unit. */
export interface AuthorFacts extends UserPlacement {
  readonly roles: readonly (Role | string)[];
}

export interface AuthoringRefusal {
  readonly code: 'FORBIDDEN' | 'NOT_EDITABLE';
  readonly reason: string;
}

/** States in which a document's content may change. */
export const EDITABLE_STATES: ReadonlySet<string> = new Set(['draft', 'revision']);

/**
 * May `author` create a document (of `unitCode` when named)? A DRAFTER creates documents of their own
 * unit only. The caller's own roles count; a delegation (Plt/Plh) does not make anyone an author.
 */
export function createRefusal(author: AuthorFacts, unitCode?: string): AuthoringRefusal | null {
  if (!author.roles.includes('DRAFTER')) return { code: 'FORBIDDEN', reason: 'Only a DRAFTER (pemrakarsa) creates documents' };
  if (unitCode !== undefined && unitCode !== author.unitCode) {
    return { code: 'FORBIDDEN', reason: `A drafter creates documents of their own unit (${author.unitCode}), not of ${unitCode}` };
  }
  return null;
}

/**
 * May `author` edit the document's content now? Only in draft or revision (NOT_EDITABLE), and only a
 * DRAFTER of the document's unit in its government (FORBIDDEN), in that order.
 */
export function editRefusal(author: AuthorFacts, document: { state: string; governmentCode: string; unitCode: string }): AuthoringRefusal | null {
  if (!EDITABLE_STATES.has(document.state)) {
    return { code: 'NOT_EDITABLE', reason: `A document is edited only in draft or revision, not in ${document.state}` };
  }
  const isUnitDrafter = author.roles.includes('DRAFTER') && author.governmentCode === document.governmentCode && author.unitCode === document.unitCode;
  if (!isUnitDrafter) return { code: 'FORBIDDEN', reason: `Only a DRAFTER of ${document.unitCode} edits this document` };
  return null;
}
