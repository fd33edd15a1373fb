import { assign, setup } from 'xstate';
import { Role } from '../domain/role.types.js';
import type { GovernmentLevel } from '../domain/government.types.js';
import {
  closeRound,
  hasReturn,
  isPendingParticipant,
  isRuleMet,
  isRuleUnreachable,
  openRound,
  pendingUnits,
  recordAnswer,
  restartRound,
  unreachableExplanation,
} from '../coordination/coordination-round.js';
import type { CoordinationRequest, CoordinationRound, ParticipantAnswer } from '../coordination/coordination.types.js';
import type { RegulationAction } from './workflow-action.types.js';
import type { WorkflowStateMeta } from './workflow-meta.types.js';
import { assertWorkflowInput, type WorkflowInput } from './workflow-input.types.js';
import {
  FINAL_STATE_META,
  assignNumbers,
  multiInstanceStateMeta,
  notify,
  notifyAssigned,
  rule,
  stageLifecycle,
  stateMeta,
  workflowActionImplementations,
} from './machine-actions.util.js';
import { coordinationActionImplementations, type ParticipantRelease } from './coordination-actions.util.js';

/** Version 2 adds paraf koordinasi by the OPDs concerned (`coordination.agencies`) before the Asisten. */
export const REGULATION_MACHINE_V2_VERSION = 2;

export const AGENCIES_STAGE = 'coordination.agencies';

export interface RegulationContextV2 {
  readonly level: GovernmentLevel;
  /** The OPDs concerned and the completion rule LEGAL named, with this round's answers; null when none. */
  readonly coordination: CoordinationRound | null;
}

/**
 * Events carry the action, plus what the server established: REQUEST_HARMONIZATION its validated
 * `data.coordination`; PARAF and RETURN in `coordination.agencies` the `participant` (unit code)
 * the caller answers for and the `answer` (who, on whose behalf, when, comment).
 */
export interface RegulationEventV2 {
  readonly type: RegulationAction;
  readonly data?: { readonly coordination?: CoordinationRequest | null } | null;
  readonly participant?: string;
  readonly answer?: ParticipantAnswer;
}

const { DRAFTER, UNIT_HEAD, LEGAL, ASSISTANT, SECRETARY, REGIONAL_HEAD } = Role;

const withdraw = rule('WITHDRAW', [DRAFTER], 'creator');
const returned = { target: 'revision', actions: [notify('RETURNED', 'creator', 'revision')] } as const;
const returnedFromCoordination = { ...returned, target: '#regulation.revision' } as const;
const withdrawn = { target: 'withdrawn' } as const;
const toAssistant = { target: 'coordination.assistant', actions: [notifyAssigned('coordination.assistant')] } as const;
// Entering the stage assigns each participant (openParticipants), so no stage-wide ASSIGNED.
const toAgencies = { target: 'coordination.agencies', guard: 'hasCoordination' } as const;

const NO_ANSWER: ParticipantAnswer = { actor: 'unknown', onBehalfOf: null, at: new Date(0).toISOString(), comment: null };

/** Release the participants still pending and close the round with `reason` (in this order: the effect names them). */
const release = (reason: ParticipantRelease) =>
  [
    {
      type: 'releaseParticipants',
      params: ({ context }: { context: RegulationContextV2 }) => ({ stage: AGENCIES_STAGE, participants: pendingUnits(context.coordination), reason }),
    },
    { type: 'closeRound', params: { outcome: reason } },
  ] as const;

/** Work-system regulation workflow, version 2 (domain.md table plus README "Paraf koordinasi OPD terkait"). */
export const regulationMachineV2 = setup({
  types: {
    context: {} as RegulationContextV2,
    events: {} as RegulationEventV2,
    input: {} as WorkflowInput,
    meta: {} as WorkflowStateMeta,
  },
  guards: {
    isProvince: ({ context }) => context.level === 'PROVINCE',
    isRegencyOrCity: ({ context }) => context.level === 'REGENCY' || context.level === 'CITY',
    hasCoordination: ({ context }) => context.coordination !== null && context.coordination.participants.length > 0,
    isProvinceWithCoordination: ({ context }) =>
      context.level === 'PROVINCE' && context.coordination !== null && context.coordination.participants.length > 0,
    isPendingParticipant: ({ context, event }) => isPendingParticipant(context.coordination, event.participant),
    ruleMet: ({ context }) => context.coordination !== null && isRuleMet(context.coordination),
    participantReturned: ({ context }) => context.coordination !== null && hasReturn(context.coordination),
    ruleUnreachable: ({ context }) => context.coordination !== null && isRuleUnreachable(context.coordination),
  },
  actions: {
    ...workflowActionImplementations,
    ...coordinationActionImplementations,
    nameParticipants: assign({
      coordination: ({ event }) => (event.data?.coordination ? openRound(event.data.coordination) : null),
    }),
    startRound: assign({
      coordination: ({ context }) => (context.coordination === null ? null : restartRound(context.coordination)),
    }),
    recordInitials: assign({
      coordination: ({ context, event }) =>
        context.coordination && recordAnswer(context.coordination, event.participant ?? '', 'INITIALLED', event.answer ?? NO_ANSWER),
    }),
    recordReturn: assign({
      coordination: ({ context, event }) =>
        context.coordination && recordAnswer(context.coordination, event.participant ?? '', 'RETURNED', event.answer ?? NO_ANSWER),
    }),
    closeRound: assign({
      coordination: ({ context }, params: { outcome: ParticipantRelease }) => {
        if (context.coordination === null) return null;
        const closed = closeRound(context.coordination, params.outcome);
        return params.outcome === 'UNREACHABLE' ? { ...closed, explanation: unreachableExplanation(context.coordination) } : closed;
      },
    }),
  },
}).createMachine({
  id: 'regulation',
  context: ({ input }) => {
    assertWorkflowInput(input);
    return { level: input.level, coordination: null };
  },
  initial: 'draft',
  states: {
    draft: {
      meta: stateMeta(null, {
        SUBMIT: rule('SUBMIT', [DRAFTER], 'unit'),
        WITHDRAW: withdraw,
      }),
      on: {
        SUBMIT: { target: 'endorsement', actions: [notifyAssigned('endorsement')] },
        WITHDRAW: withdrawn,
      },
    },
    endorsement: {
      ...stageLifecycle('endorsement'),
      meta: stateMeta('endorsement', {
        ENDORSE: rule('ENDORSE', [UNIT_HEAD], 'unit'),
        RETURN: rule('RETURN', [UNIT_HEAD], 'unit'),
        WITHDRAW: withdraw,
      }),
      on: {
        ENDORSE: { target: 'legal_review', actions: [notifyAssigned('legal_review')] },
        RETURN: returned,
        WITHDRAW: withdrawn,
      },
    },
    legal_review: {
      ...stageLifecycle('legal_review'),
      meta: stateMeta('legal_review', {
        REQUEST_HARMONIZATION: rule('REQUEST_HARMONIZATION', [LEGAL], 'government'),
        RETURN: rule('RETURN', [LEGAL], 'government'),
        WITHDRAW: withdraw,
      }),
      on: {
        REQUEST_HARMONIZATION: { target: 'harmonization', actions: ['nameParticipants', notifyAssigned('harmonization')] },
        RETURN: returned,
        WITHDRAW: withdrawn,
      },
    },
    harmonization: {
      ...stageLifecycle('harmonization'),
      meta: stateMeta('harmonization', {
        RECORD_HARMONIZATION: rule('RECORD_HARMONIZATION', [LEGAL], 'government'),
        RETURN: rule('RETURN', [LEGAL], 'government'),
        WITHDRAW: withdraw,
      }),
      on: {
        RECORD_HARMONIZATION: [
          { ...toAgencies, guard: 'isProvinceWithCoordination' },
          { ...toAssistant, guard: 'isProvince' },
          { target: 'facilitation', guard: 'isRegencyOrCity', actions: [notifyAssigned('facilitation')] },
        ],
        RETURN: returned,
        WITHDRAW: withdrawn,
      },
    },
    facilitation: {
      ...stageLifecycle('facilitation'),
      meta: stateMeta('facilitation', {
        FACILITATE: rule('FACILITATE', [LEGAL], 'parent-province'),
        RETURN: rule('RETURN', [LEGAL], 'parent-province'),
        WITHDRAW: withdraw,
      }),
      on: {
        FACILITATE: [toAgencies, toAssistant],
        RETURN: returned,
        WITHDRAW: withdrawn,
      },
    },
    coordination: {
      initial: 'assistant',
      on: {
        WITHDRAW: withdrawn,
      },
      states: {
        agencies: {
          // Every entry is a new round: the participants named by LEGAL all answer again.
          entry: [
            'startRound',
            {
              type: 'openParticipants',
              params: ({ context }) => ({ stage: AGENCIES_STAGE, participants: pendingUnits(context.coordination) }),
            },
          ],
          meta: multiInstanceStateMeta(AGENCIES_STAGE, {
            PARAF: rule('PARAF', [UNIT_HEAD], 'participant'),
            RETURN: rule('RETURN', [UNIT_HEAD], 'participant'),
            WITHDRAW: withdraw,
          }),
          on: {
            // Answers keep the document in the stage; the eventless transitions below decide when it leaves.
            PARAF: {
              guard: 'isPendingParticipant',
              actions: [
                'recordInitials',
                { type: 'participantAnswered', params: ({ event }) => ({ stage: AGENCIES_STAGE, participant: event.participant ?? '', status: 'INITIALLED' }) },
              ],
            },
            RETURN: {
              guard: 'isPendingParticipant',
              actions: [
                'recordReturn',
                { type: 'participantAnswered', params: ({ event }) => ({ stage: AGENCIES_STAGE, participant: event.participant ?? '', status: 'RETURNED' }) },
              ],
            },
            WITHDRAW: { target: '#regulation.withdrawn', actions: [...release('WITHDRAWN')] },
          },
          always: [
            { guard: 'participantReturned', target: '#regulation.revision', actions: [...release('RETURNED'), notify('RETURNED', 'creator', 'revision')] },
            { guard: 'ruleMet', target: 'assistant', actions: [...release('COMPLETED'), notifyAssigned('coordination.assistant')] },
            { guard: 'ruleUnreachable', target: '#regulation.revision', actions: [...release('UNREACHABLE'), notify('RETURNED', 'creator', 'revision')] },
          ],
        },
        assistant: {
          ...stageLifecycle('coordination.assistant'),
          meta: stateMeta('coordination.assistant', {
            PARAF: rule('PARAF', [ASSISTANT], 'government'),
            RETURN: rule('RETURN', [ASSISTANT], 'government'),
            WITHDRAW: withdraw,
          }),
          on: {
            PARAF: { target: 'secretary', actions: [notifyAssigned('coordination.secretary')] },
            RETURN: returnedFromCoordination,
          },
        },
        secretary: {
          ...stageLifecycle('coordination.secretary'),
          meta: stateMeta('coordination.secretary', {
            PARAF: rule('PARAF', [SECRETARY], 'government'),
            RETURN: rule('RETURN', [SECRETARY], 'government'),
            WITHDRAW: withdraw,
          }),
          on: {
            PARAF: { target: '#regulation.signature', actions: [notifyAssigned('signature')] },
            RETURN: returnedFromCoordination,
          },
        },
      },
    },
    signature: {
      ...stageLifecycle('signature'),
      meta: stateMeta('signature', {
        SIGN: rule('SIGN', [REGIONAL_HEAD], 'government'),
        RETURN: rule('RETURN', [REGIONAL_HEAD], 'government'),
      }),
      on: {
        SIGN: {
          target: 'promulgation',
          actions: [notify('APPROVED', 'creator', 'promulgation'), notifyAssigned('promulgation')],
        },
        RETURN: returned,
      },
    },
    promulgation: {
      ...stageLifecycle('promulgation'),
      meta: stateMeta('promulgation', {
        PROMULGATE: rule('PROMULGATE', [SECRETARY], 'government'),
      }),
      on: {
        PROMULGATE: { target: 'promulgated', actions: [assignNumbers(), notifyAssigned('promulgated')] },
      },
    },
    promulgated: {
      ...stageLifecycle('promulgated'),
      meta: stateMeta('promulgated', {
        PUBLISH: rule('PUBLISH', [LEGAL], 'government'),
      }),
      on: {
        PUBLISH: { target: 'published', actions: [notify('PUBLISHED', 'creator', null)] },
      },
    },
    revision: {
      ...stageLifecycle('revision'),
      meta: stateMeta('revision', {
        RESUBMIT: rule('RESUBMIT', [DRAFTER], 'unit'),
        WITHDRAW: withdraw,
      }),
      on: {
        RESUBMIT: { target: 'endorsement', actions: [notifyAssigned('endorsement')] },
        WITHDRAW: withdrawn,
      },
    },
    published: { type: 'final', meta: FINAL_STATE_META },
    withdrawn: { type: 'final', meta: FINAL_STATE_META },
  },
});

export type RegulationMachineV2 = typeof regulationMachineV2;
