import type { TransitionNotificationType } from '../domain/notification-type.types.js';
import type { NotifyRecipient } from '../machines/machine-actions.util.js';
import type { ParticipantRelease } from '../machines/coordination-actions.util.js';

/** The document left a waiting stage: cancel its pending deadline (and its jobs). */
export interface StageLeftEffect {
  readonly type: 'stage-left';
  readonly stage: string;
}

/** The document entered a waiting stage: create its deadline from the government's SLA. */
export interface StageEnteredEffect {
  readonly type: 'stage-entered';
  readonly stage: string;
}

/** Send a notification to the creator, or to everyone who may act in `stage` (delegates included). */
export interface NotifyEffect {
  readonly type: 'notify';
  readonly notification: TransitionNotificationType;
  readonly to: NotifyRecipient;
  /** The stage the document is now in (null when it reached a final state). */
  readonly stage: string | null;
}

/** PROMULGATE: assign `number`, `gazetteNumber`, `year`, `promulgatedAt`, `officialTitle` in the same transaction. */
export interface AssignNumbersEffect {
  readonly type: 'assign-numbers';
}

/** A stage answered in parallel opened: each participant gets their own deadline and an ASSIGNED notification. */
export interface ParticipantsOpenedEffect {
  readonly type: 'participants-opened';
  readonly stage: string;
  /** Unit codes of the participants. */
  readonly participants: readonly string[];
}

/** One participant answered: close their deadline (cancel its jobs). */
export interface ParticipantAnsweredEffect {
  readonly type: 'participant-answered';
  readonly stage: string;
  readonly participant: string;
  readonly status: 'INITIALLED' | 'RETURNED';
}

/** The round closed: the participants still pending lose their deadlines and jobs and are told why. */
export interface ParticipantsReleasedEffect {
  readonly type: 'participants-released';
  readonly stage: string;
  readonly participants: readonly string[];
  readonly reason: ParticipantRelease;
}

/** What the server must do after a transition, in the order the machine produced it. */
export type WorkflowEffect =
  | StageLeftEffect
  | StageEnteredEffect
  | NotifyEffect
  | AssignNumbersEffect
  | ParticipantsOpenedEffect
  | ParticipantAnsweredEffect
  | ParticipantsReleasedEffect;
