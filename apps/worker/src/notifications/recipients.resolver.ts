import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { findActiveUserAsRecipient, findRoleHoldersAndDelegatesOfEach, type Recipient, type RoleHolderWanted } from '#persistence';
import { SEPARATION_OF_DUTIES_ACTIONS, type ActorScope, type Role, type WorkflowAction } from '#workflow';
import type { DocumentContext } from './document-context.js';

export type { Recipient };

/** Holders of `role` standing in `scope` relative to the document. */
export interface RecipientTarget {
  role: Role;
  scope: Exclude<ActorScope, 'creator'>;
  /** Leave the document's creator out (they may not take any of the actions waited for). */
  excludeCreator: boolean;
  /** Scope `participant`: the participating unit whose holders are meant (none without it). */
  participantUnitId?: string | null;
  /** Scope `unit` or `participant`: the unit's stored head (`units.head_user_id`) when it has one, before the role's holders. */
  preferUnitHead?: boolean;
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
    const [people] = await this.resolveEach(manager, [{ doc, targets }], now);
    return people;
  }

  /** `resolve` for several documents in one round trip; one list per request, in order. */
  async resolveEach(manager: EntityManager, requests: ReadonlyArray<{ doc: DocumentContext; targets: readonly RecipientTarget[] }>, now: Date): Promise<Recipient[][]> {
    if (requests.length === 0) return [];
    return findRoleHoldersAndDelegatesOfEach(
      manager,
      requests.map(({ doc, targets }) => ({ wanted: wantedOf(doc, targets), creatorId: doc.creatorId })),
      now,
    );
  }

  async creator(manager: EntityManager, doc: DocumentContext): Promise<Recipient[]> {
    const creator = await findActiveUserAsRecipient(manager, doc.creatorId);
    return creator ? [creator] : [];
  }
}

/** The role holders wanted for these targets, relative to the document. */
function wantedOf(doc: DocumentContext, targets: readonly RecipientTarget[]): RoleHolderWanted[] {
  return targets.flatMap((t): RoleHolderWanted[] => {
    if (t.scope === 'parent-province') {
      return doc.parentGovernmentId ? [{ role: t.role, governmentId: doc.parentGovernmentId, unitId: null, excludeCreator: t.excludeCreator }] : [];
    }
    if (t.scope === 'participant') {
      return t.participantUnitId
        ? [{ role: t.role, governmentId: doc.governmentId, unitId: t.participantUnitId, excludeCreator: t.excludeCreator, preferUnitHead: t.preferUnitHead }]
        : [];
    }
    const unitId = t.scope === 'unit' ? doc.unitId : null;
    return [{ role: t.role, governmentId: doc.governmentId, unitId, excludeCreator: t.excludeCreator, preferUnitHead: t.preferUnitHead && unitId !== null }];
  });
}
