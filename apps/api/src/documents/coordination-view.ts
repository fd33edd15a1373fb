import { coordinationRoundOf, type CompletionRule, type ParticipantStatus, type RoundOutcome } from '#workflow';
import type { DocumentRecord } from './document-record.js';

export interface CoordinationParticipantView {
  unitCode: string;
  unitName: string;
  status: ParticipantStatus;
  actor: string | null;
  onBehalfOf: string | null;
  at: string | null;
  comment: string | null;
}

export interface CoordinationView {
  rule: CompletionRule;
  /** OPEN while answers are awaited, else how the round ended. */
  outcome: RoundOutcome;
  /** Why the round went to revision without a RETURN (the rule could no longer be met), else null. */
  explanation: string | null;
  participants: CoordinationParticipantView[];
}

/** The paraf koordinasi of the OPDs concerned, as the document shows it; null when none were named. */
export function coordinationViewOf(record: DocumentRecord): CoordinationView | null {
  const round = coordinationRoundOf(record.snapshot.context);
  if (round === null) return null;
  const names = (record.facts.coordinationUnits ?? {}) as Record<string, string>;
  return {
    rule: round.rule,
    outcome: round.outcome,
    explanation: round.explanation ?? null,
    participants: round.participants.map((p) => ({
      unitCode: p.unitCode,
      unitName: names[p.unitCode] ?? p.unitCode,
      status: p.status,
      actor: p.actor ?? null,
      onBehalfOf: p.onBehalfOf ?? null,
      at: p.at ?? null,
      comment: p.comment ?? null,
    })),
  };
}
