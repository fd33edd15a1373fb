import { describe, expect, it } from '@jest/globals';
import { InvalidSlaPolicyError, MAX_ESCALATIONS, parseSlaPolicy, validateSlaPolicy, validateSlaSetting, type SlaPolicy } from './sla-policy.js';

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

  it('lets an ADMIN set only a duration longer than zero, which the schedule itself does not need', () => {
    expect(validateSlaSetting(policy)).toEqual([]);
    for (const duration of ['PT0S', 'P0D', 'P0W']) {
      expect(validateSlaPolicy({ ...policy, duration })).toEqual([]);
      expect(validateSlaSetting({ ...policy, duration })).toEqual([{ field: 'duration', message: 'must be longer than zero: a stage gives its actors some time' }]);
    }
    expect(validateSlaSetting({ ...policy, duration: 'soon' }).map((issue) => issue.field)).toEqual(['duration']);
    expect(validateSlaSetting({ ...policy, duration: 'PT1S' })).toEqual([]);
  });
});
