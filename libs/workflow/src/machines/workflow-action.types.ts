/** Every action a document can receive, across both kinds (the `action` of POST .../actions). */
export const WorkflowAction = {
  SUBMIT: 'SUBMIT',
  ENDORSE: 'ENDORSE',
  RETURN: 'RETURN',
  VERIFY: 'VERIFY',
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  RESUBMIT: 'RESUBMIT',
  REPORT_PROGRESS: 'REPORT_PROGRESS',
  COMPLETE: 'COMPLETE',
  EVALUATE: 'EVALUATE',
  REQUEST_HARMONIZATION: 'REQUEST_HARMONIZATION',
  RECORD_HARMONIZATION: 'RECORD_HARMONIZATION',
  FACILITATE: 'FACILITATE',
  PARAF: 'PARAF',
  SIGN: 'SIGN',
  PROMULGATE: 'PROMULGATE',
  PUBLISH: 'PUBLISH',
  WITHDRAW: 'WITHDRAW',
} as const;

export type WorkflowAction = (typeof WorkflowAction)[keyof typeof WorkflowAction];

export const QUICK_WIN_ACTIONS = [
  'SUBMIT',
  'ENDORSE',
  'VERIFY',
  'APPROVE',
  'REJECT',
  'RETURN',
  'RESUBMIT',
  'REPORT_PROGRESS',
  'COMPLETE',
  'EVALUATE',
  'WITHDRAW',
] as const satisfies readonly WorkflowAction[];

export type QuickWinAction = (typeof QUICK_WIN_ACTIONS)[number];

export const REGULATION_ACTIONS = [
  'SUBMIT',
  'ENDORSE',
  'REQUEST_HARMONIZATION',
  'RECORD_HARMONIZATION',
  'FACILITATE',
  'PARAF',
  'SIGN',
  'PROMULGATE',
  'PUBLISH',
  'RETURN',
  'RESUBMIT',
  'WITHDRAW',
] as const satisfies readonly WorkflowAction[];

export type RegulationAction = (typeof REGULATION_ACTIONS)[number];

/**
 * Actions the creator of a document may never perform on it (endorsing, verifying, approving,
 * rejecting, completing, evaluating, harmonisation, facilitating, initialling, signing,
 * promulgating, publishing). SUBMIT, RESUBMIT, WITHDRAW, REPORT_PROGRESS and RETURN are not here.
 */
export const SEPARATION_OF_DUTIES_ACTIONS: ReadonlySet<WorkflowAction> = new Set<WorkflowAction>([
  'ENDORSE',
  'VERIFY',
  'APPROVE',
  'REJECT',
  'COMPLETE',
  'EVALUATE',
  'REQUEST_HARMONIZATION',
  'RECORD_HARMONIZATION',
  'FACILITATE',
  'PARAF',
  'SIGN',
  'PROMULGATE',
  'PUBLISH',
]);

/** Actions that need a non-empty comment (400 VALIDATION_FAILED otherwise; checked by the server). */
export const COMMENT_REQUIRED_ACTIONS: ReadonlySet<WorkflowAction> = new Set<WorkflowAction>(['RETURN', 'REJECT']);

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WorkflowAction, value);
}

export function isCommentRequired(action: string): boolean {
  return COMMENT_REQUIRED_ACTIONS.has(action as WorkflowAction);
}
