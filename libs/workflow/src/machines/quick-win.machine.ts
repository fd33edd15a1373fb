import { assign, setup } from 'xstate';
import { Role } from '../domain/role.types.js';
import type { GovernmentLevel } from '../domain/government.types.js';
import type { QuickWinAction } from './workflow-action.types.js';
import type { WorkflowStateMeta } from './workflow-meta.types.js';
import { assertWorkflowInput, type WorkflowInput } from './workflow-input.types.js';
import {
  FINAL_STATE_META,
  notify,
  notifyAssigned,
  rule,
  stageLifecycle,
  stateMeta,
  workflowActionImplementations,
} from './machine-actions.util.js';

export const QUICK_WIN_MACHINE_VERSION = 1;

export interface QuickWinContext {
  readonly level: GovernmentLevel;
  /** Number of REPORT_PROGRESS received; COMPLETE needs at least one. */
  readonly progressReports: number;
}

/** Events carry only the action; comments and data are validated and stored by the server. */
export type QuickWinEvent = { readonly type: QuickWinAction };

const { DRAFTER, UNIT_HEAD, ORG_VERIFIER, SECRETARY, INSPECTOR } = Role;

const withdraw = rule('WITHDRAW', [DRAFTER], 'creator');
const returnBy = (role: Role, scope: 'unit' | 'government') => rule('RETURN', [role], scope);

/** Quick Win workflow (domain.md "Quick Win"); the table is the specification. */
export const quickWinMachine = setup({
  types: {
    context: {} as QuickWinContext,
    events: {} as QuickWinEvent,
    input: {} as WorkflowInput,
    meta: {} as WorkflowStateMeta,
  },
  guards: {
    hasProgressReport: ({ context }) => context.progressReports > 0,
  },
  actions: {
    ...workflowActionImplementations,
    countProgressReport: assign({ progressReports: ({ context }) => context.progressReports + 1 }),
  },
}).createMachine({
  id: 'quick-win',
  context: ({ input }) => {
    assertWorkflowInput(input);
    return { level: input.level, progressReports: 0 };
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
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    endorsement: {
      ...stageLifecycle('endorsement'),
      meta: stateMeta('endorsement', {
        ENDORSE: rule('ENDORSE', [UNIT_HEAD], 'unit'),
        RETURN: returnBy(UNIT_HEAD, 'unit'),
        WITHDRAW: withdraw,
      }),
      on: {
        ENDORSE: { target: 'verification', actions: [notifyAssigned('verification')] },
        RETURN: { target: 'revision', actions: [notify('RETURNED', 'creator', 'revision')] },
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    verification: {
      ...stageLifecycle('verification'),
      meta: stateMeta('verification', {
        VERIFY: rule('VERIFY', [ORG_VERIFIER], 'government'),
        RETURN: returnBy(ORG_VERIFIER, 'government'),
        WITHDRAW: withdraw,
      }),
      on: {
        VERIFY: { target: 'approval', actions: [notifyAssigned('approval')] },
        RETURN: { target: 'revision', actions: [notify('RETURNED', 'creator', 'revision')] },
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    approval: {
      ...stageLifecycle('approval'),
      meta: stateMeta('approval', {
        APPROVE: rule('APPROVE', [SECRETARY], 'government'),
        RETURN: returnBy(SECRETARY, 'government'),
        REJECT: rule('REJECT', [SECRETARY], 'government'),
      }),
      on: {
        APPROVE: {
          target: 'implementation',
          actions: [notify('APPROVED', 'creator', 'implementation'), notifyAssigned('implementation')],
        },
        RETURN: { target: 'revision', actions: [notify('RETURNED', 'creator', 'revision')] },
        REJECT: { target: 'rejected', actions: [notify('REJECTED', 'creator', null)] },
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
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    implementation: {
      ...stageLifecycle('implementation'),
      meta: stateMeta('implementation', {
        REPORT_PROGRESS: rule('REPORT_PROGRESS', [DRAFTER], 'unit'),
        COMPLETE: rule('COMPLETE', [UNIT_HEAD], 'unit'),
      }),
      on: {
        // Re-entering restarts the stage: the next progress report is due a full period after this one.
        REPORT_PROGRESS: { target: 'implementation', reenter: true, actions: ['countProgressReport'] },
        COMPLETE: { target: 'evaluation', guard: 'hasProgressReport', actions: [notifyAssigned('evaluation')] },
      },
    },
    evaluation: {
      ...stageLifecycle('evaluation'),
      meta: stateMeta('evaluation', {
        EVALUATE: rule('EVALUATE', [INSPECTOR], 'government'),
        RETURN: returnBy(INSPECTOR, 'government'),
      }),
      on: {
        EVALUATE: { target: 'completed' },
        RETURN: {
          target: 'implementation',
          actions: [notify('RETURNED', 'creator', 'implementation'), notifyAssigned('implementation')],
        },
      },
    },
    completed: { type: 'final', meta: FINAL_STATE_META },
    rejected: { type: 'final', meta: FINAL_STATE_META },
    withdrawn: { type: 'final', meta: FINAL_STATE_META },
  },
});

export type QuickWinMachine = typeof quickWinMachine;
