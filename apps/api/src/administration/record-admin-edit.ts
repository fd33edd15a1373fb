import type { EntityManager } from 'typeorm';
import { recordAdminChanges, type AdminAuditEntry } from '#persistence';
import { canonicalJson } from '#workflow';

/**
 * Records an edit of a government, a unit or a person in the administration audit, unless it changed
 * nothing the audit keeps (`{}`, or the values already held): the audit names who changed what, and an
 * entry whose before and after are the same would say someone did when nobody did.
 */
export async function recordAdminEdit(tx: EntityManager, entry: AdminAuditEntry & { before: object; after: object }, at: Date): Promise<void> {
  if (canonicalJson(entry.before) === canonicalJson(entry.after)) return;
  await recordAdminChanges(tx, [entry], at);
}
