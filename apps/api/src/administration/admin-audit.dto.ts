import type { AUDIT_TARGETS } from '../people/people.schemas.js';

/** One change to governments, units, people or roles. */
export interface AdminAuditView {
  id: string;
  at: Date;
  /** null: the bootstrap command */
  actor: string | null;
  /** The actor's name now; null with `actor` */
  actorName: string | null;
  action: string;
  targetType: (typeof AUDIT_TARGETS)[number];
  targetKey: string;
  governmentCode: string;
  before: object | null;
  after: object | null;
}
