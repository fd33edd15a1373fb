import { describe, expect, it } from '@jest/globals';
import { InvalidSlaPolicyError, MAX_ESCALATIONS, parseSlaPolicy, validateSlaPolicy, type SlaPolicy } from './sla-policy.js';

const policy: SlaPolicy = { duration: 'P5D', businessDays: true, remindBefore: 'P1D', escalateAfter: 'P1D', escalateEvery: 'P2D', maxEscalations: 3 };

describe('SLA policy validation', () => {
  it('accepts a sound policy and parses its durations', () => {
    expect(validateSlaPolicy(policy)).toEqual([]);
    expect(parseSlaPolicy(policy).duration).toEqual({ weeks: 0, days: 5, hours: 0, minutes: 0, seconds: 0 });
  });

  it('names every bad field', () => {
    const issues = validateSlaPolicy({ ...policy, duration: 'P1M', remindBefore: 'soon', businessDays: 'yes' as unknown as boolean });
    expect(issues.map((issue) => issue.field)).toEqual(['duration', 'remindBefore', 'businessDays']);
  });

  it.each([-1, 1.5, MAX_ESCALATIONS + 1, Number.NaN])('rejects maxEscalations %p', (maxEscalations) => {
    expect(validateSlaPolicy({ ...policy, maxEscalations }).map((issue) => issue.field)).toEqual(['maxEscalations']);
  });

  it('rejects a zero escalateEvery only when escalations would repeat', () => {
    expect(validateSlaPolicy({ ...policy, escalateEvery: 'PT0S' }).map((issue) => issue.field)).toEqual(['escalateEvery']);
    expect(validateSlaPolicy({ ...policy, escalateEvery: 'PT0S', maxEscalations: 1 })).toEqual([]);
  });

  it('throws one error listing the problems', () => {
    expect(() => parseSlaPolicy({ ...policy, escalateAfter: '-P1D', maxEscalations: -1 })).toThrow(InvalidSlaPolicyError);
    expect(() => parseSlaPolicy({ ...policy, escalateAfter: '-P1D', maxEscalations: -1 })).toThrow(/escalateAfter: .*; maxEscalations:/);
  });
});
