import { authoritiesOf } from './authority.util.js';
import type { ActorFacts, DocumentFacts } from './policy.types.js';

/**
 * Read scope: every user reads the documents of their own government; a province's LEGAL also reads
 * the regulations of its regencies and cities. A delegate additionally reads what each of its active
 * principals' delegated role lets the principal read. Outside this scope a document is a 404.
 */
export function canRead(document: DocumentFacts, actor: ActorFacts, now: Date): boolean {
  if (actor.governmentCode === document.governmentCode) {
    return true;
  }
  return authoritiesOf(actor, now).some(
    (authority) =>
      authority.as.governmentCode === document.governmentCode ||
      (authority.role === 'LEGAL' &&
        document.kind === 'regulation' &&
        document.governmentLevel !== 'PROVINCE' &&
        document.parentGovernmentCode !== null &&
        authority.as.governmentCode === document.parentGovernmentCode),
  );
}
