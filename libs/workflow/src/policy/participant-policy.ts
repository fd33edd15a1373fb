import type { AnyMachineSnapshot } from 'xstate';
import { pendingUnits } from '../coordination/coordination-round.js';
import type { CoordinationRound } from '../coordination/coordination.types.js';
import type { ActionRule } from '../machines/workflow-meta.types.js';
import { involvesCreator } from './authority.util.js';
import type { ActorFacts, Authority, DocumentFacts, PolicyDecision } from './policy.types.js';
import { barringAct, type ApprovalAct } from './separation-of-duties.js';

/** The coordination round kept in a regulation v2 snapshot's context, or null. */
export function coordinationRoundOf(context: unknown): CoordinationRound | null {
  const round = (context as { coordination?: CoordinationRound | null } | null | undefined)?.coordination;
  return round !== undefined && round !== null && Array.isArray(round.participants) ? round : null;
}

/**
 * A `participant`-scoped action (PARAF / RETURN in `coordination.agencies`): the caller answers for
 * the first unit of the round, among their own and their principals', that has not answered yet.
 * INVALID_TRANSITION when nobody is waited for any more or every unit the caller could answer for
 * has answered; FORBIDDEN when the caller heads no unit of the round; SEPARATION_OF_DUTIES for the
 * creator (PARAF), also as someone's Plt/Plh, and for someone who already acted on the document for
 * another approving role (`acts`, from its history).
 * `authorities`: the actor's (`authoritiesOf`) at the time of the decision.
 */
export function decideParticipantAction(
  live: AnyMachineSnapshot | null,
  state: string,
  rule: ActionRule,
  document: DocumentFacts,
  acts: readonly ApprovalAct[],
  actor: ActorFacts,
  authorities: readonly Authority[],
  action: string,
): PolicyDecision {
  const round = live === null ? null : coordinationRoundOf(live.context);
  const pending = live === null ? [...(document.pendingParticipants ?? [])] : pendingUnits(round);
  const named = round === null ? pending : round.participants.map((p) => p.unitCode);
  if (pending.length === 0 || (live !== null && live.status !== 'active')) {
    return { allowed: false, code: 'INVALID_TRANSITION', reason: `${action} is not possible in state ${state}: no OPD concerned is waited for` };
  }
  const candidates = authorities.filter(
    (a) => rule.roles.includes(a.role) && a.as.governmentCode === document.governmentCode && named.includes(a.as.unitCode),
  );
  if (candidates.length === 0) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: `${action} in ${state} needs ${rule.roles.join(' or ')} of one of the OPDs concerned (${named.join(', ')}) in ${document.governmentCode}`,
    };
  }
  const open = candidates.filter((a) => pending.includes(a.as.unitCode));
  if (open.length === 0) {
    const answered = [...new Set(candidates.map((a) => a.as.unitCode))].join(', ');
    return { allowed: false, code: 'INVALID_TRANSITION', reason: `${answered} has already answered in ${state}` };
  }
  const usable = rule.separationOfDuties ? open.filter((a) => !involvesCreator(actor, a, document)) : open;
  if (usable.length === 0) {
    return {
      allowed: false,
      code: 'SEPARATION_OF_DUTIES',
      reason: `The creator of the document (${document.createdBy}) may not ${action} it, also not on behalf of someone else`,
    };
  }
  // an initial here counts as the UNIT_HEAD role among the approving stages, like any other approving act
  const unbarred = rule.separationOfDuties ? usable.filter((a) => barringAct(acts, actor, a) === undefined) : usable;
  const chosen = unbarred[0];
  if (chosen === undefined) {
    const act = barringAct(acts, actor, usable[0]!)!;
    return {
      allowed: false,
      code: 'SEPARATION_OF_DUTIES',
      reason: `${actor.username} already acted on this document as ${act.role} (${act.action}); one person acts for one role only among the approving stages, so may not ${action} it as ${usable[0]!.role}`,
    };
  }
  const participant = chosen.as.unitCode;
  if (live !== null && !live.can({ type: action, participant })) {
    return { allowed: false, code: 'INVALID_TRANSITION', reason: `${action} is not possible in state ${state} for ${participant}` };
  }
  return { allowed: true, role: chosen.role, onBehalfOf: chosen.onBehalfOf, delegationId: chosen.delegationId, participant };
}
