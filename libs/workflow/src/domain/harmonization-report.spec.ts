import { describe, expect, it } from '@jest/globals';
import { harmonizationReportRefusal } from './harmonization-report.js';

describe('harmonizationReportRefusal', () => {
  it('takes a Berita Acara dated today or before, not one dated after today', () => {
    expect(harmonizationReportRefusal('2026-12-04', '2026-12-04')).toBeNull();
    expect(harmonizationReportRefusal('2026-11-20', '2026-12-04')).toBeNull();
    expect(harmonizationReportRefusal('2026-12-05', '2026-12-04')).toBe('data.reportDate 2026-12-05 is after today (2026-12-04): a Berita Acara is recorded once it is signed');
  });
});
