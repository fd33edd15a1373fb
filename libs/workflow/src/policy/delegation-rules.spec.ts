import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ALL_ROLES } from '../domain/role.types.js';
import { DELEGATION_BACKDATING_MINUTES, delegationRefusal, isDelegableRole, MAX_DELEGATION_DAYS, type DelegationRequestFacts } from './delegation-rules.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const request = (overrides: Partial<DelegationRequestFacts> = {}): DelegationRequestFacts => ({
  recordedBy: 'kaltim.sekda',
  principal: 'kaltim.sekda',
  delegate: 'kaltim.plh',
  startsAt: at(-MINUTE),
  endsAt: at(7 * DAY),
  now: NOW,
  ...overrides,
});

describe('delegation rules', () => {
  it('lets every role of a government be delegated but ADMIN', () => {
    expect(ALL_ROLES.filter((role) => !isDelegableRole(role))).toEqual(['ADMIN']);
  });

  it('lets a principal, or an ADMIN for them, delegate to someone else for up to 90 days from at most 5 minutes ago', () => {
    expect(delegationRefusal(request())).toBeNull();
    expect(delegationRefusal(request({ recordedBy: 'kaltim.admin' }))).toBeNull();
    expect(delegationRefusal(request({ startsAt: at(-5 * MINUTE), endsAt: at(-5 * MINUTE + 90 * DAY) }))).toBeNull();
    expect(delegationRefusal(request({ startsAt: at(30 * DAY), endsAt: at(120 * DAY) }))).toBeNull();
  });

  it('refuses the ADMIN who records a delegation to themselves on someone’s behalf, and a principal delegating to themselves', () => {
    expect(delegationRefusal(request({ recordedBy: 'kaltim.admin', principal: 'kaltim.kadis', delegate: 'kaltim.admin' }))).toEqual({
      code: 'SELF_DELEGATION',
      reason: expect.stringMatching(/kaltim\.admin .* an ADMIN never delegates to themselves/),
    });
    expect(delegationRefusal(request({ delegate: 'kaltim.sekda' }))).toMatchObject({ code: 'SELF_DELEGATION', reason: expect.stringMatching(/themselves/) });
  });

  it.each([
    ['an inverted window', { startsAt: at(2 * DAY), endsAt: at(DAY) }, /endsAt must be after startsAt/],
    ['an empty window', { startsAt: at(DAY), endsAt: at(DAY) }, /endsAt must be after startsAt/],
    ['a window that has ended', { startsAt: at(-2 * MINUTE), endsAt: at(-MINUTE) }, /future/],
    ['a start more than 5 minutes back', { startsAt: at(-5 * MINUTE - 1) }, /at most 5 minutes before/],
    ['the finding’s 2000-01-01 to 9999-12-31', { startsAt: new Date('2000-01-01T00:00:00Z'), endsAt: new Date('9999-12-31T00:00:00Z') }, /5 minutes/],
    ['a window of 90 days and a millisecond', { startsAt: at(DAY), endsAt: at(91 * DAY + 1) }, /at most 90 days; this window lasts 91 days/],
  ])('refuses %s with DELEGATION_WINDOW', (_name, overrides, reason) => {
    expect(delegationRefusal(request(overrides))).toEqual({ code: 'DELEGATION_WINDOW', reason: expect.stringMatching(reason) });
  });

  it('property: accepted windows start no earlier than 5 minutes back, end in the future and last at most 90 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200 * DAY, max: 200 * DAY }), fc.integer({ min: -200 * DAY, max: 200 * DAY }), (start, length) => {
        const startsAt = at(start);
        const endsAt = at(start + length);
        const refusal = delegationRefusal(request({ startsAt, endsAt }));
        const ok = length > 0 && start + length > 0 && start >= -DELEGATION_BACKDATING_MINUTES * MINUTE && length <= MAX_DELEGATION_DAYS * DAY;
        expect(refusal === null).toBe(ok);
      }),
    );
  });
});
