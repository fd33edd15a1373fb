import { describe, expect, it } from '@jest/globals';
import { targetDateRefusal } from './regulation-target-date.js';

describe('targetDateRefusal', () => {
  const today = '2026-12-05';
  const zone = 'WITA';

  it('takes a target date of today or later, and none at all', () => {
    expect(targetDateRefusal({ targetDate: today, stored: undefined, today, zone })).toBeNull();
    expect(targetDateRefusal({ targetDate: '2027-03-31', stored: undefined, today, zone })).toBeNull();
    expect(targetDateRefusal({ targetDate: undefined, stored: undefined, today, zone })).toBeNull();
    expect(targetDateRefusal({ targetDate: undefined, stored: '2026-01-10', today, zone })).toBeNull();
  });

  it('refuses a target date set or changed to a day before today, naming the field, the date and today in the zone', () => {
    const refusal = 'targetDate 2026-12-04 is before today (2026-12-05 in WITA): a regulation cannot be enacted by a date that has passed';
    expect(targetDateRefusal({ targetDate: '2026-12-04', stored: undefined, today, zone })).toBe(refusal);
    expect(targetDateRefusal({ targetDate: '2026-12-04', stored: '2026-12-31', today, zone })).toBe(refusal);
    // changed from one passed date to another passed date is a new date, judged too
    expect(targetDateRefusal({ targetDate: '2026-12-04', stored: '2026-01-10', today, zone })).toBe(refusal);
  });

  it('leaves a stored date that has passed since as it is (an edit of another field, or the same date sent again)', () => {
    expect(targetDateRefusal({ targetDate: '2026-01-10', stored: '2026-01-10', today, zone })).toBeNull();
  });
});
