import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SLA, QUICK_WIN_SLA_STAGES, REGULATION_SLA_STAGES, defaultSlaPolicy } from './default-sla.js';
import { validateSlaPolicy } from './sla-policy.js';

const durations = (stages: Readonly<Record<string, { duration: string; businessDays: boolean }>>) =>
  Object.fromEntries(Object.entries(stages).map(([stage, policy]) => [stage, `${policy.duration} ${policy.businessDays ? 'working' : 'calendar'}`]));

describe('DEFAULT_SLA', () => {
  it('has the Quick Win defaults of the domain', () => {
    expect(durations(DEFAULT_SLA['quick-win'])).toEqual({
      endorsement: 'P3D working',
      verification: 'P5D working',
      approval: 'P5D working',
      revision: 'P10D working',
      implementation: 'P30D calendar',
      evaluation: 'P10D working',
    });
  });

  it('has the regulation defaults of the domain', () => {
    expect(durations(DEFAULT_SLA.regulation)).toEqual({
      'coordination.agencies': 'P3D working',
      endorsement: 'P3D working',
      legal_review: 'P10D working',
      harmonization: 'P20D working',
      facilitation: 'P14D calendar',
      'coordination.assistant': 'P3D working',
      'coordination.secretary': 'P3D working',
      signature: 'P5D working',
      promulgation: 'P2D working',
      promulgated: 'P5D working',
      revision: 'P10D working',
    });
  });

  it('reminds 1 day before, escalates 1 day after and every 2 days, 3 times, for every stage', () => {
    for (const stages of [DEFAULT_SLA['quick-win'], DEFAULT_SLA.regulation]) {
      for (const policy of Object.values(stages)) {
        expect(policy).toMatchObject({ remindBefore: 'P1D', escalateAfter: 'P1D', escalateEvery: 'P2D', maxEscalations: 3 });
        expect(validateSlaPolicy(policy)).toEqual([]);
      }
    }
  });

  it('covers exactly the listed waiting stages', () => {
    expect(Object.keys(DEFAULT_SLA['quick-win']).sort()).toEqual([...QUICK_WIN_SLA_STAGES].sort());
    expect(Object.keys(DEFAULT_SLA.regulation).sort()).toEqual([...REGULATION_SLA_STAGES].sort());
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_SLA)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA.regulation)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA.regulation.signature)).toBe(true);
  });

  it('looks up a stage, and has none for draft or unknown stages', () => {
    expect(defaultSlaPolicy('regulation', 'coordination.secretary')?.duration).toBe('P3D');
    expect(defaultSlaPolicy('quick-win', 'draft')).toBeUndefined();
    expect(defaultSlaPolicy('quick-win', 'legal_review')).toBeUndefined();
    expect(defaultSlaPolicy('quick-win', 'toString')).toBeUndefined();
  });
});
