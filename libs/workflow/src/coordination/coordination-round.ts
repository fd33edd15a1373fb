import type {
  CompletionRule,
  CoordinationRequest,
  CoordinationRound,
  Participant,
  ParticipantAnswer,
  ParticipantStatus,
  RoundOutcome,
} from './coordination.types.js';

/** A fresh round: every named unit PENDING, in the order named, duplicates dropped. */
export function openRound(request: CoordinationRequest): CoordinationRound {
  const units = [...new Set(request.units)];
  return { rule: request.rule, outcome: 'OPEN', participants: units.map((unitCode) => ({ unitCode, status: 'PENDING' })) };
}

/** The same participants and rule, all PENDING again (a new round after resubmission). */
export function restartRound(round: CoordinationRound): CoordinationRound {
  return openRound({ units: round.participants.map((p) => p.unitCode), rule: round.rule });
}

/** How many initials the rule needs out of `total` participants. */
export function requiredInitials(rule: CompletionRule, total: number): number {
  return rule.kind === 'ALL' ? total : rule.n;
}

const count = (round: CoordinationRound, status: ParticipantStatus) => round.participants.filter((p) => p.status === status).length;

export function pendingUnits(round: CoordinationRound | null | undefined): string[] {
  return round?.outcome === 'OPEN' ? round.participants.filter((p) => p.status === 'PENDING').map((p) => p.unitCode) : [];
}

export function isPendingParticipant(round: CoordinationRound | null | undefined, unitCode: unknown): boolean {
  return typeof unitCode === 'string' && pendingUnits(round).includes(unitCode);
}

/** The rule is met: enough participants initialled. */
export function isRuleMet(round: CoordinationRound): boolean {
  return count(round, 'INITIALLED') >= requiredInitials(round.rule, round.participants.length);
}

/** Even if every participant still pending initialled, the rule would not be met. */
export function isRuleUnreachable(round: CoordinationRound): boolean {
  return count(round, 'INITIALLED') + count(round, 'PENDING') < requiredInitials(round.rule, round.participants.length);
}

export function hasReturn(round: CoordinationRound): boolean {
  return count(round, 'RETURNED') > 0;
}

/** The round with `unitCode`'s answer recorded; unchanged when that participant is not pending. */
export function recordAnswer(round: CoordinationRound, unitCode: string, status: 'INITIALLED' | 'RETURNED', answer: ParticipantAnswer): CoordinationRound {
  if (!isPendingParticipant(round, unitCode)) return round;
  const participants = round.participants.map((p): Participant => (p.unitCode === unitCode ? { unitCode, status, ...answer } : p));
  return { ...round, participants };
}

/** The round closed with `outcome`; participants still pending are CANCELLED. */
export function closeRound(round: CoordinationRound, outcome: Exclude<RoundOutcome, 'OPEN'>): CoordinationRound {
  const participants = round.participants.map((p): Participant => (p.status === 'PENDING' ? { unitCode: p.unitCode, status: 'CANCELLED' } : p));
  return { ...round, outcome, participants };
}

/** "semua 3 OPD terkait" / "sekurang-kurangnya 2 dari 3 OPD terkait" */
export function describeRule(rule: CompletionRule, total: number): string {
  return rule.kind === 'ALL' ? `semua ${total} OPD terkait` : `sekurang-kurangnya ${rule.n} dari ${total} OPD terkait`;
}

/** Why a round went to revision without a RETURN: the rule can no longer be met (Bahasa Indonesia). */
export function unreachableExplanation(round: CoordinationRound): string {
  const initialled = count(round, 'INITIALLED');
  const open = count(round, 'PENDING');
  return (
    `Paraf koordinasi tidak dapat lagi memenuhi aturan (${describeRule(round.rule, round.participants.length)}): ` +
    `${initialled} OPD telah memberi paraf dan ${open} OPD masih dapat menjawab.`
  );
}
