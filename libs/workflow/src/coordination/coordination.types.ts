/** When the paraf koordinasi of the OPDs concerned is complete: all of them, or at least `n`. */
export type CompletionRule = { readonly kind: 'ALL' } | { readonly kind: 'AT_LEAST'; readonly n: number };

export const PARTICIPANT_STATUSES = ['PENDING', 'INITIALLED', 'RETURNED', 'CANCELLED'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** How a round ended; OPEN while answers are awaited. */
export type RoundOutcome = 'OPEN' | 'COMPLETED' | 'RETURNED' | 'UNREACHABLE' | 'WITHDRAWN';

/** Who answered for a participant, as the server saw it (actor, principal when a Plt/Plh, time, comment). */
export interface ParticipantAnswer {
  readonly actor: string;
  readonly onBehalfOf: string | null;
  /** ISO 8601 instant. */
  readonly at: string;
  readonly comment: string | null;
}

/** One OPD concerned: the unit answers (through its UNIT_HEAD or their Plt/Plh), not a person. */
export interface Participant extends Partial<ParticipantAnswer> {
  readonly unitCode: string;
  readonly status: ParticipantStatus;
}

/** The participants and rule of one round of paraf koordinasi, kept in the machine's context. */
export interface CoordinationRound {
  readonly rule: CompletionRule;
  readonly outcome: RoundOutcome;
  readonly participants: readonly Participant[];
  /** Why the round went to revision without a RETURN (outcome UNREACHABLE), Bahasa Indonesia. */
  readonly explanation?: string;
}

/** What LEGAL names with REQUEST_HARMONIZATION (`data.coordination`). */
export interface CoordinationRequest {
  readonly units: readonly string[];
  readonly rule: CompletionRule;
}

/** Limits on a request, checked by the server before the machine sees it. */
export const MAX_COORDINATION_UNITS = 20;
