import { describe, expect, it } from '@jest/globals';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { createDefaultRegistry } from '../registry/default-registry.js';
import type { ActorFacts } from '../policy/policy.types.js';
import { reportScopeOf, selectReportUnits } from './report-scope.js';
import { slaStatusBounds, slaStatusOf } from './sla-status.util.js';
import { histogramPercentile, stageTimeBucket } from './stage-time-histogram.util.js';
import { isoWeekLabel, isoWeekStartOf, throughputEventOf } from './throughput.util.js';
import { workingMillisBetween } from './working-time.util.js';
import { workloadOf, type ReportPerson } from './workload.util.js';
import { digestTimeOf, digestToSchedule } from './weekly-digest.util.js';

const H = 3_600_000;
/** Wall-clock time in WITA (UTC+8, no DST). */
const wita = (local: string) => new Date(`${local}+08:00`);
const calendar = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [{ date: '2026-03-19', name: 'Hari Suci Nyepi' }] });

describe('working time between two instants', () => {
  it('counts only the working days: Friday 10:00 to Monday 10:00 is one working day', () => {
    expect(workingMillisBetween(calendar, wita('2026-03-13T10:00'), wita('2026-03-16T10:00'))).toBe(24 * H);
  });
  it('skips a holiday: Wednesday 09:00 to Friday 09:00 over Nyepi is 15 + 9 hours', () => {
    expect(workingMillisBetween(calendar, wita('2026-03-18T09:00'), wita('2026-03-20T09:00'))).toBe(24 * H);
  });
  it('a stage entered on Saturday counts from Monday 00:00', () => {
    expect(workingMillisBetween(calendar, wita('2026-03-14T10:00'), wita('2026-03-17T00:00'))).toBe(24 * H);
    expect(workingMillisBetween(calendar, wita('2026-03-14T10:00'), wita('2026-03-15T23:00'))).toBe(0);
  });
  it('is zero backwards and within a day is the plain difference', () => {
    expect(workingMillisBetween(calendar, wita('2026-03-16T10:00'), wita('2026-03-16T09:00'))).toBe(0);
    expect(workingMillisBetween(calendar, wita('2026-03-16T08:00'), wita('2026-03-16T11:30'))).toBe(3.5 * H);
  });
  it('counts 24 hours for each whole working day: from the start of a working day to the start of the Nth working day after', () => {
    for (const date of ['2026-03-10', '2026-03-13', '2026-03-18', '2026-03-16']) {
      for (const n of [1, 2, 3, 5, 10]) {
        const from = calendar.startOfDay(date);
        const to = calendar.startOfDay(calendar.addWorkingDaysToDate(date, n));
        expect(workingMillisBetween(calendar, from, to)).toBe(n * 24 * H);
      }
    }
  });
});

describe('stage time histogram', () => {
  it('rounds down on a grid that widens with the duration', () => {
    const h = 3600;
    expect([0, 899, 900, 2 * h - 1, 2 * h + 1799, 2 * h + 1800, 8 * h + 3599, 47 * h + 3599, 48 * h + 14_399, 240 * h + 86_399, 1344 * h + 7 * 86_400 - 1].map(stageTimeBucket)).toEqual([
      0, 0, 900, 2 * h - 900, 2 * h, 2 * h + 1800, 8 * h, 47 * h, 48 * h, 240 * h, 1344 * h,
    ]);
  });
  it('takes nearest-rank percentiles', () => {
    const buckets = [{ value: 3, count: 1 }, { value: 1, count: 1 }, { value: 4, count: 1 }, { value: 2, count: 1 }];
    expect(histogramPercentile(buckets, 0.5)).toBe(2);
    expect(histogramPercentile(buckets, 0.9)).toBe(4);
    expect(histogramPercentile([{ value: 7, count: 9 }, { value: 100, count: 1 }], 0.9)).toBe(7);
    expect(histogramPercentile([], 0.5)).toBeNull();
  });
});

describe('SLA status of an open stage', () => {
  // Friday 10:00: due soon runs to Tuesday 16.00, the close of office two working days later (over the weekend)
  const bounds = slaStatusBounds(calendar, wita('2026-03-13T10:00'));
  it('splits at now and two working days ahead', () => {
    expect(bounds.dueSoonUntil).toEqual(wita('2026-03-17T16:00'));
    expect(slaStatusOf(wita('2026-03-13T10:00'), bounds)).toBe('OVERDUE');
    expect(slaStatusOf(wita('2026-03-13T10:01'), bounds)).toBe('DUE_SOON');
    expect(slaStatusOf(wita('2026-03-17T16:00'), bounds)).toBe('DUE_SOON');
    expect(slaStatusOf(wita('2026-03-17T16:01'), bounds)).toBe('ON_TIME');
  });
  it('a holiday pushes the due-soon window a day further', () => {
    const beforeNyepi = slaStatusBounds(calendar, wita('2026-03-18T10:00'));
    expect(beforeNyepi.dueSoonUntil).toEqual(wita('2026-03-23T16:00'));
  });
});

describe('weekly throughput', () => {
  it('counts a submission as started and reaching a final state as finished', () => {
    expect(throughputEventOf({ state: 'draft', final: false }, { state: 'endorsement', final: false })).toBe('STARTED');
    expect(throughputEventOf({ state: 'approval', final: false }, { state: 'rejected', final: true })).toBe('FINISHED');
    expect(throughputEventOf({ state: 'endorsement', final: false }, { state: 'withdrawn', final: true })).toBe('FINISHED');
    expect(throughputEventOf({ state: 'draft', final: false }, { state: 'withdrawn', final: true })).toBeNull();
    expect(throughputEventOf({ state: 'revision', final: false }, { state: 'endorsement', final: false })).toBeNull();
    expect(throughputEventOf({ state: 'implementation', final: false }, { state: 'implementation', final: false })).toBeNull();
  });
  it('weeks start on Monday 00:00 WITA', () => {
    expect(isoWeekStartOf(wita('2026-03-15T23:30'), 'Asia/Makassar')).toBe('2026-03-09');
    expect(isoWeekStartOf(wita('2026-03-16T00:30'), 'Asia/Makassar')).toBe('2026-03-16');
    // the same instant is still Sunday in WIB
    expect(isoWeekStartOf(wita('2026-03-16T00:30'), 'Asia/Jakarta')).toBe('2026-03-09');
  });
  it('labels ISO weeks across the year end', () => {
    expect(isoWeekLabel('2026-03-09')).toBe('2026-W11');
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
  });
});

const person = (username: string, unitCode: string, roles: string[], extra: Partial<ReportPerson> = {}): ReportPerson =>
  ({ username, name: username, governmentCode: 'kaltim', unitCode, roles, delegations: [], ...extra }) as ReportPerson;
const now = wita('2026-03-16T10:00');
const plhGrant = (revokedAt: string | null = null) => [
  { id: 'd1', role: 'SECRETARY' as const, principal: { username: 'kaltim.sekda', governmentCode: 'kaltim', unitCode: 'setda' }, startsAt: wita('2026-03-16T00:00'), endsAt: wita('2026-03-20T00:00'), revokedAt },
];

describe('who sees which reports', () => {
  const actor = (roles: string[], extra: Partial<ActorFacts> = {}) => ({ username: 'x', governmentCode: 'kaltim', unitCode: 'diskominfo', roles, delegations: [], ...extra }) as ActorFacts;
  it('the Sekda, Organisasi, Inspektorat and ADMIN see their whole government; a province also its regencies as totals', () => {
    for (const role of ['SECRETARY', 'ORG_VERIFIER', 'INSPECTOR', 'ADMIN']) {
      expect(reportScopeOf(actor([role]), 'PROVINCE', now)).toEqual({ governmentCode: 'kaltim', unitCodes: null, childrenAsAggregates: true });
      expect(reportScopeOf(actor([role]), 'REGENCY', now)?.childrenAsAggregates).toBe(false);
    }
  });
  it('a Kepala OPD sees their unit, others nothing', () => {
    expect(reportScopeOf(actor(['UNIT_HEAD']), 'PROVINCE', now)).toEqual({ governmentCode: 'kaltim', unitCodes: ['diskominfo'], childrenAsAggregates: false });
    for (const roles of [['DRAFTER'], ['LEGAL'], ['ASSISTANT'], ['REGIONAL_HEAD'], []]) expect(reportScopeOf(actor(roles), 'PROVINCE', now)).toBeNull();
  });
  it('a Plh of the Sekda sees what the Sekda sees while the delegation runs', () => {
    expect(reportScopeOf(actor([], { delegations: plhGrant() }), 'PROVINCE', now)?.unitCodes).toBeNull();
    expect(reportScopeOf(actor([], { delegations: plhGrant('2026-03-16T01:00:00Z') }), 'PROVINCE', now)).toBeNull();
  });
  it('a unit filter inside the scope narrows it; outside it is refused', () => {
    const unitHead = reportScopeOf(actor(['UNIT_HEAD']), 'PROVINCE', now)!;
    expect(selectReportUnits(unitHead, null)).toEqual({ ok: true, unitCodes: ['diskominfo'] });
    expect(selectReportUnits(unitHead, 'biro-hukum').ok).toBe(false);
    expect(selectReportUnits(reportScopeOf(actor(['ADMIN']), 'PROVINCE', now)!, 'biro-hukum')).toEqual({ ok: true, unitCodes: ['biro-hukum'] });
  });
});

describe('workload per person and role', () => {
  const registry = createDefaultRegistry();
  const people = [
    person('kaltim.kadis', 'diskominfo', ['UNIT_HEAD']),
    person('kaltim.organisasi', 'biro-organisasi', ['ORG_VERIFIER']),
    person('kaltim.sekda', 'setda', ['SECRETARY']),
    person('kaltim.plh', 'setda', [], { delegations: plhGrant() }),
    person('kaltim.drafter', 'diskominfo', ['DRAFTER']),
  ];
  it('counts each open stage for whoever may act in it, delegates included', () => {
    const rows = workloadOf(registry, 'kaltim', people, [
      { kind: 'quick-win', stage: 'endorsement', unitCode: 'diskominfo', open: 3, overdue: 1 },
      { kind: 'quick-win', stage: 'endorsement', unitCode: 'biro-hukum', open: 2, overdue: 2 },
      { kind: 'quick-win', stage: 'verification', unitCode: 'diskominfo', open: 4, overdue: 2 },
      { kind: 'quick-win', stage: 'approval', unitCode: 'biro-hukum', open: 1, overdue: 0 },
      { kind: 'quick-win', stage: 'revision', unitCode: 'diskominfo', open: 5, overdue: 0 },
    ], now);
    expect(rows.map((r) => [r.username, r.role, r.onBehalfOf, r.open, r.overdue])).toEqual([
      ['kaltim.drafter', 'DRAFTER', null, 5, 0],
      ['kaltim.organisasi', 'ORG_VERIFIER', null, 4, 2],
      ['kaltim.kadis', 'UNIT_HEAD', null, 3, 1],
      ['kaltim.plh', 'SECRETARY', 'kaltim.sekda', 1, 0],
      ['kaltim.sekda', 'SECRETARY', null, 1, 0],
    ]);
  });
});

describe('weekly digest time', () => {
  const lebaran = new WorkingDayCalendar({
    timeZone: 'Asia/Makassar',
    holidays: [{ date: '2026-03-23', name: 'Cuti Bersama Idul Fitri' }, { date: '2026-03-24', name: 'Cuti Bersama Idul Fitri' }],
  });
  it('is Monday 07:00 in the zone, or the next working day when Monday is a holiday', () => {
    expect(digestTimeOf(lebaran, '2026-03-09')).toEqual(wita('2026-03-09T07:00'));
    expect(digestTimeOf(lebaran, '2026-03-23')).toEqual(wita('2026-03-25T07:00'));
    expect(digestTimeOf(new WorkingDayCalendar({ timeZone: 'Asia/Jakarta' }), '2026-03-09')).toEqual(new Date('2026-03-09T07:00+07:00'));
  });
  it('schedules this week until it is sent, then next week', () => {
    expect(digestToSchedule(lebaran, wita('2026-03-10T09:00'), false)).toEqual({ week: '2026-03-09', at: wita('2026-03-09T07:00') });
    expect(digestToSchedule(lebaran, wita('2026-03-15T23:59'), true)).toEqual({ week: '2026-03-16', at: wita('2026-03-16T07:00') });
    expect(digestToSchedule(lebaran, wita('2026-03-16T00:30'), false)).toEqual({ week: '2026-03-16', at: wita('2026-03-16T07:00') });
  });
});
