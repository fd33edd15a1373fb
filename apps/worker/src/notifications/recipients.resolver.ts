import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SEPARATION_OF_DUTIES_ACTIONS, type ActorScope, type Role, type WorkflowAction } from '#workflow';
import type { DocumentContext } from './document-context.js';

/** Someone to notify, and in which capacity. */
export interface Recipient {
  userId: string;
  username: string;
  name: string;
  email: string | null;
  /** The role they are notified for (their own, or the principal's for a delegate). */
  role: Role;
  /** Set when they are notified as the delegate (Plt/Plh) of `principalUsername`. */
  principalUsername: string | null;
  principalName: string | null;
  delegationKind: 'PLT' | 'PLH' | null;
}

/** Holders of `role` standing in `scope` relative to the document. */
export interface RecipientTarget {
  role: Role;
  scope: Exclude<ActorScope, 'creator'>;
  /** Leave the document's creator out (they may not take any of the actions waited for). */
  excludeCreator: boolean;
  /** Scope `participant`: the participating unit whose holders are meant (none without it). */
  participantUnitId?: string | null;
}

/** Whether the creator cannot take any of these actions (separation of duties). */
export function creatorExcluded(actions: readonly WorkflowAction[]): boolean {
  return actions.length > 0 && actions.every((action) => SEPARATION_OF_DUTIES_ACTIONS.has(action));
}

/**
 * Turns (role, scope) pairs into people: active users holding the role in the document's unit,
 * government or parent province, plus whoever holds an active delegation (Plt/Plh) of that role
 * from one of them (domain.md: "Notifications for the principal's queue also reach the delegate").
 */
@Injectable()
export class RecipientsResolver {
  async resolve(manager: EntityManager, doc: DocumentContext, targets: readonly RecipientTarget[], now: Date): Promise<Recipient[]> {
    const wanted = targets.flatMap((t) => {
      if (t.scope === 'parent-province') {
        return doc.parentGovernmentId ? [{ role: t.role, government_id: doc.parentGovernmentId, unit_id: null, exclude_creator: t.excludeCreator }] : [];
      }
      if (t.scope === 'participant') {
        return t.participantUnitId ? [{ role: t.role, government_id: doc.governmentId, unit_id: t.participantUnitId, exclude_creator: t.excludeCreator }] : [];
      }
      return [{ role: t.role, government_id: doc.governmentId, unit_id: t.scope === 'unit' ? doc.unitId : null, exclude_creator: t.excludeCreator }];
    });
    if (wanted.length === 0) return [];
    return manager.query(
      `WITH wanted AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(role text, government_id uuid, unit_id uuid, exclude_creator boolean)
       ), holders AS (
         SELECT u.id, u.username, u.name, u.email, w.role, w.exclude_creator
           FROM wanted w
           JOIN users u ON u.government_id = w.government_id AND (w.unit_id IS NULL OR u.unit_id = w.unit_id) AND w.role = ANY(u.roles)
          WHERE u.active
       ), everyone AS (
         SELECT id, username, name, email, role, exclude_creator,
                NULL::text AS principal_username, NULL::text AS principal_name, NULL::text AS delegation_kind, 0 AS rank
           FROM holders
         UNION ALL
         SELECT du.id, du.username, du.name, du.email, h.role, h.exclude_creator, h.username, h.name, dg.kind, 1
           FROM holders h
           JOIN delegations dg ON dg.principal_id = h.id AND dg.role = h.role AND dg.revoked_at IS NULL
                              AND dg.starts_at <= $2 AND dg.ends_at > $2
           JOIN users du ON du.id = dg.delegate_id AND du.active
       )
       SELECT DISTINCT ON (id) id AS "userId", username, name, email, role,
              principal_username AS "principalUsername", principal_name AS "principalName", delegation_kind AS "delegationKind"
         FROM everyone
        WHERE NOT (exclude_creator AND id = $3)
        ORDER BY id, rank, role, principal_username`,
      [JSON.stringify(wanted), now, doc.creatorId],
    );
  }

  async creator(manager: EntityManager, doc: DocumentContext): Promise<Recipient[]> {
    const rows: Array<{ userId: string; username: string; name: string; email: string | null; roles: Role[] }> = await manager.query(
      `SELECT id AS "userId", username, name, email, roles FROM users WHERE id = $1 AND active`,
      [doc.creatorId],
    );
    return rows.map((r) => ({
      userId: r.userId,
      username: r.username,
      name: r.name,
      email: r.email,
      role: r.roles[0] ?? 'DRAFTER',
      principalUsername: null,
      principalName: null,
      delegationKind: null,
    }));
  }
}
