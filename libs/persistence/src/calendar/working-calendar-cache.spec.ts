import { describe, expect, it } from '@jest/globals';
import { WorkingDayCalendar } from '#workflow';
import { WorkingCalendarCache } from './working-calendar-cache.js';

const makassar = new WorkingDayCalendar({ timeZone: 'Asia/Makassar' });
const jakarta = new WorkingDayCalendar({ timeZone: 'Asia/Jakarta' });
const reading = { governmentId: 'kaltim', timeZone: 'Asia/Makassar', from: '2026-12-05' };

describe('WorkingCalendarCache', () => {
  it('gives back what it kept for the same government, zone and first date, with its revision', () => {
    const cache = new WorkingCalendarCache();
    expect(cache.get(reading)).toBeNull();
    cache.remember(reading, 'r1', makassar);
    expect(cache.get({ ...reading })).toEqual({ revision: 'r1', calendar: makassar });
  });

  it('keeps nothing for another government, another zone (the government moved) or another day', () => {
    const cache = new WorkingCalendarCache();
    cache.remember(reading, 'r1', makassar);
    expect(cache.get({ ...reading, governmentId: 'paser' })).toBeNull();
    expect(cache.get({ ...reading, timeZone: 'Asia/Jakarta' })).toBeNull();
    expect(cache.get({ ...reading, from: '2026-12-06' })).toBeNull();
  });

  it('keeps one calendar per government, the last read', () => {
    const cache = new WorkingCalendarCache();
    cache.remember(reading, 'r1', makassar);
    cache.remember({ ...reading, timeZone: 'Asia/Jakarta', from: '2026-12-06' }, 'r2', jakarta);
    expect(cache.get(reading)).toBeNull();
    expect(cache.get({ ...reading, timeZone: 'Asia/Jakarta', from: '2026-12-06' })).toEqual({ revision: 'r2', calendar: jakarta });
  });

  it('forgets the longest kept first beyond 1,024 governments', () => {
    const cache = new WorkingCalendarCache();
    for (let i = 0; i <= 1_024; i++) cache.remember({ ...reading, governmentId: `g${i}` }, 'r1', makassar);
    expect(cache.get({ ...reading, governmentId: 'g0' })).toBeNull();
    expect(cache.get({ ...reading, governmentId: 'g1' })).not.toBeNull();
    expect(cache.get({ ...reading, governmentId: 'g1024' })).not.toBeNull();
  });
});
