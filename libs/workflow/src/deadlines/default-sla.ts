import type { SlaPolicy } from './sla-policy.js';

/** Document kinds, as in the API paths' singular (`quick-win`, `regulation`). */
export type SlaKind = 'quick-win' | 'regulation';

/** Quick Win states that wait for someone and so have a deadline. */
export const QUICK_WIN_SLA_STAGES = Object.freeze([
  'endorsement',
  'verification',
  'approval',
  'revision',
  'implementation',
  'evaluation',
] as const);
export type QuickWinSlaStage = (typeof QUICK_WIN_SLA_STAGES)[number];

/** Regulation states (nested ones dotted) that wait for someone and so have a deadline. */
export const REGULATION_SLA_STAGES = Object.freeze([
  'endorsement',
  'legal_review',
  'harmonization',
  'facilitation',
  'coordination.agencies',
  'coordination.assistant',
  'coordination.secretary',
  'signature',
  'promulgation',
  'promulgated',
  'revision',
] as const);
export type RegulationSlaStage = (typeof REGULATION_SLA_STAGES)[number];

export interface SlaStagesByKind {
  readonly 'quick-win': QuickWinSlaStage;
  readonly regulation: RegulationSlaStage;
}

export type SlaTable = { readonly [K in SlaKind]: Readonly<Record<SlaStagesByKind[K], SlaPolicy>> };

/** Reminder and escalation defaults from the domain: 1 working day before, 1 after, every 2, 3 times. */
function workingDays(days: number): SlaPolicy {
  return Object.freeze({
    duration: `P${days}D`,
    businessDays: true,
    remindBefore: 'P1D',
    escalateAfter: 'P1D',
    escalateEvery: 'P2D',
    maxEscalations: 3,
  });
}

/**
 * Calendar-day stages keep the same numbers, but with `businessDays` false they count calendar days
 * (see `SlaPolicy`): reminded 1 day before, escalated 1 day after and every 2 days.
 */
function calendarDays(days: number): SlaPolicy {
  return Object.freeze({ ...workingDays(days), businessDays: false });
}

/** What a government that has set no SLA of its own uses (domain.md, "Deadlines"). */
export const DEFAULT_SLA: SlaTable = Object.freeze({
  'quick-win': Object.freeze({
    endorsement: workingDays(3),
    verification: workingDays(5),
    approval: workingDays(5),
    revision: workingDays(10),
    // A progress report is due every 30 calendar days; each report re-enters the stage.
    implementation: calendarDays(30),
    evaluation: workingDays(10),
  }),
  regulation: Object.freeze({
    endorsement: workingDays(3),
    legal_review: workingDays(10),
    harmonization: workingDays(20),
    facilitation: calendarDays(14),
    // one deadline per OPD concerned, each with its own reminders and escalations
    'coordination.agencies': workingDays(3),
    'coordination.assistant': workingDays(3),
    'coordination.secretary': workingDays(3),
    signature: workingDays(5),
    promulgation: workingDays(2),
    promulgated: workingDays(5),
    revision: workingDays(10),
  }),
});

/** The default policy of a stage, or undefined for a stage without a deadline (draft, final states). */
export function defaultSlaPolicy(kind: SlaKind, stage: string): SlaPolicy | undefined {
  const stages: Readonly<Record<string, SlaPolicy>> = DEFAULT_SLA[kind];
  return Object.hasOwn(stages, stage) ? stages[stage] : undefined;
}
