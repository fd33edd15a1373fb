import type { RoundOutcome } from '../coordination/coordination.types.js';

/** Why the participants still pending were released from a coordination round. */
export type ParticipantRelease = Exclude<RoundOutcome, 'OPEN'>;

/** Parameters of `openParticipants`: each participant gets a deadline and an ASSIGNED notification. */
export interface OpenParticipantsParams {
  readonly stage: string;
  readonly participants: readonly string[];
}

/** Parameters of `participantAnswered`: that participant's deadline closes. */
export interface ParticipantAnsweredParams {
  readonly stage: string;
  readonly participant: string;
  readonly status: 'INITIALLED' | 'RETURNED';
}

/** Parameters of `releaseParticipants`: their deadlines and jobs are cancelled and they are told why. */
export interface ReleaseParticipantsParams {
  readonly stage: string;
  readonly participants: readonly string[];
  readonly reason: ParticipantRelease;
}

/** No-op implementations: the engine reads these actions from `transition` and turns them into effects. */
export const coordinationActionImplementations = {
  openParticipants: (_args: unknown, _params: OpenParticipantsParams): void => undefined,
  participantAnswered: (_args: unknown, _params: ParticipantAnsweredParams): void => undefined,
  releaseParticipants: (_args: unknown, _params: ReleaseParticipantsParams): void => undefined,
};
