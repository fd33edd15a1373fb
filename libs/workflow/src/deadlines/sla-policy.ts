import { InvalidIsoDurationError, parseIsoDuration, type IsoDuration } from './iso-duration.util.js';

/**
 * The deadline rules of one stage, as stored per government, kind and stage and sent by the API.
 *
 * When `businessDays` is true, the day part of every duration (`duration`, `remindBefore`,
 * `escalateAfter`, `escalateEvery`) counts working days in the government's zone, a week (`W`)
 * counts 5 working days, and hours, minutes and seconds are added as plain elapsed time after the
 * days. When false, days are local calendar days, a week is 7 of them, and hours, minutes and
 * seconds are plain time. The flag holds for all four durations: a stage measured in calendar days
 * is reminded and escalated in calendar days too.
 */
export interface SlaPolicy {
  /** Time allowed in the stage, e.g. `P5D`. */
  readonly duration: string;
  readonly businessDays: boolean;
  /** The `REMINDER` goes out this long before `dueAt`. */
  readonly remindBefore: string;
  /** The first `ESCALATION` goes out this long after `dueAt`... */
  readonly escalateAfter: string;
  /** ...and the next ones this long after the previous one... */
  readonly escalateEvery: string;
  /** ...up to this many in all (0: none). */
  readonly maxEscalations: number;
}

export interface ParsedSlaPolicy {
  readonly duration: IsoDuration;
  readonly businessDays: boolean;
  readonly remindBefore: IsoDuration;
  readonly escalateAfter: IsoDuration;
  readonly escalateEvery: IsoDuration;
  readonly maxEscalations: number;
}

export const MAX_ESCALATIONS = 20;

export interface SlaPolicyIssue {
  readonly field: keyof SlaPolicy;
  readonly message: string;
}

export class InvalidSlaPolicyError extends Error {
  readonly code = 'INVALID_SLA_POLICY';

  constructor(readonly issues: readonly SlaPolicyIssue[]) {
    super(`Invalid SLA policy: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidSlaPolicyError';
  }
}

const DURATION_FIELDS = ['duration', 'remindBefore', 'escalateAfter', 'escalateEvery'] as const;

/**
 * Every problem with a policy (an empty list when it is valid): bad durations, `businessDays` not a
 * boolean, `maxEscalations` not a whole number from 0 to `MAX_ESCALATIONS`, and a zero
 * `escalateEvery` with more than one escalation (they would all fire at once).
 */
export function validateSlaPolicy(policy: SlaPolicy): SlaPolicyIssue[] {
  const issues: SlaPolicyIssue[] = [];
  const parsed: Partial<Record<(typeof DURATION_FIELDS)[number], IsoDuration>> = {};
  for (const field of DURATION_FIELDS) {
    try {
      parsed[field] = parseIsoDuration(policy[field]);
    } catch (error) {
      if (!(error instanceof InvalidIsoDurationError)) throw error;
      issues.push({ field, message: error.message });
    }
  }
  if (typeof policy.businessDays !== 'boolean') issues.push({ field: 'businessDays', message: 'must be true or false' });
  const { maxEscalations } = policy;
  if (!Number.isInteger(maxEscalations) || maxEscalations < 0 || maxEscalations > MAX_ESCALATIONS) {
    issues.push({ field: 'maxEscalations', message: `must be a whole number from 0 to ${MAX_ESCALATIONS}` });
  } else if (maxEscalations > 1 && parsed.escalateEvery && isZero(parsed.escalateEvery)) {
    issues.push({ field: 'escalateEvery', message: 'must be longer than zero when there is more than one escalation' });
  }
  return issues;
}

/**
 * What an ADMIN may set for a stage: a valid policy (`validateSlaPolicy`) whose duration is longer than
 * zero, as every stage gives its actors some time; a zero duration would make each document overdue the
 * moment it enters the stage. (The schedule itself still computes a zero duration: due at entry.)
 */
export function validateSlaSetting(policy: SlaPolicy): SlaPolicyIssue[] {
  const issues = validateSlaPolicy(policy);
  if (issues.some((issue) => issue.field === 'duration')) return issues;
  return isZero(parseIsoDuration(policy.duration)) ? [...issues, { field: 'duration', message: 'must be longer than zero: a stage gives its actors some time' }] : issues;
}

/** The policy with its durations parsed; throws `InvalidSlaPolicyError` listing every problem. */
export function parseSlaPolicy(policy: SlaPolicy): ParsedSlaPolicy {
  const issues = validateSlaPolicy(policy);
  if (issues.length > 0) throw new InvalidSlaPolicyError(issues);
  return {
    duration: parseIsoDuration(policy.duration),
    businessDays: policy.businessDays,
    remindBefore: parseIsoDuration(policy.remindBefore),
    escalateAfter: parseIsoDuration(policy.escalateAfter),
    escalateEvery: parseIsoDuration(policy.escalateEvery),
    maxEscalations: policy.maxEscalations,
  };
}

function isZero(duration: IsoDuration): boolean {
  return Object.values(duration).every((value) => value === 0);
}
