import { setup } from 'xstate';
import { Role } from '../domain/role.types.js';
import type { GovernmentLevel } from '../domain/government.types.js';
import type { RegulationAction } from './workflow-action.types.js';
import type { WorkflowStateMeta } from './workflow-meta.types.js';
import { assertWorkflowInput, type WorkflowInput } from './workflow-input.types.js';
import {
  FINAL_STATE_META,
  assignNumbers,
  notify,
  notifyAssigned,
  rule,
  stageLifecycle,
  stateMeta,
  workflowActionImplementations,
} from './machine-actions.util.js';

export const REGULATION_MACHINE_VERSION = 1;

export interface RegulationContext {
  /** Level of the enacting government: PROVINCE skips facilitation. */
  readonly level: GovernmentLevel;
}

/** Events carry only the action; comments and data are validated and stored by the server. */
export type RegulationEvent = { readonly type: RegulationAction };

const { DRAFTER, UNIT_HEAD, LEGAL, ASSISTANT, SECRETARY, REGIONAL_HEAD } = Role;

const withdraw = rule('WITHDRAW', [DRAFTER], 'creator');
const returned = { target: 'revision', actions: [notify('RETURNED', 'creator', 'revision')] } as const;
const returnedFromCoordination = { ...returned, target: '#regulation.revision' } as const;
const withdrawn = { target: 'withdrawn' } as const;

/** Work-system regulation workflow (domain.md "Work-system regulation"); the table is the specification. */
export const regulationMachine = setup({
  types: {
    context: {} as RegulationContext,
    events: {} as RegulationEvent,
    input: {} as WorkflowInput,
    meta: {} as WorkflowStateMeta,
  },
  guards: {
    isProvince: ({ context }) => context.level === 'PROVINCE',
    isRegencyOrCity: ({ context }) => context.level === 'REGENCY' || context.level === 'CITY',
  },
  actions: workflowActionImplementations,
}).createMachine({
  id: 'regulation',
  context: ({ input }) => {
    assertWorkflowInput(input);
    return { level: input.level };
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
        REQUEST_HARMONIZATION: { target: 'harmonization', actions: [notifyAssigned('harmonization')] },
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
          {
            target: 'coordination.assistant',
            guard: 'isProvince',
            actions: [notifyAssigned('coordination.assistant')],
          },
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
        FACILITATE: { target: 'coordination.assistant', actions: [notifyAssigned('coordination.assistant')] },
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

export type RegulationMachine = typeof regulationMachine;
