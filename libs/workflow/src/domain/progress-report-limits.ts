/** Evidence items (links, file references) one progress report may carry. */
export const MAX_EVIDENCE_PER_REPORT = 10;

export type ProgressReportRefusalCode = 'PERIOD_OUTSIDE_IMPLEMENTATION' | 'PERIOD_ALREADY_REPORTED';

export interface ProgressReportRefusal {
  readonly code: ProgressReportRefusalCode;
  readonly reason: string;
}

/** The months YYYY-MM from the month of `startDate` to the month of `endDate` (dates YYYY-MM-DD), both included. */
export function implementationPeriods(startDate: string, endDate: string): string[] {
  const periods: string[] = [];
  let year = Number(startDate.slice(0, 4));
  let month = Number(startDate.slice(5, 7));
  const last = endDate.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const period = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (period > last) break;
    periods.push(period);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return periods;
}

/**
 * A Quick Win gets one progress report per month of its implementation window (startDate to
 * endDate, at most 12 months, so at most 13 reports), each with at most MAX_EVIDENCE_PER_REPORT
 * evidence items: a document cannot grow without bound. Why `period` may not be reported, or null.
 */
export function progressReportRefusal(input: {
  period: string;
  startDate: string;
  endDate: string;
  reportedPeriods: readonly string[];
}): ProgressReportRefusal | null {
  const periods = implementationPeriods(input.startDate, input.endDate);
  if (!periods.includes(input.period)) {
    return {
      code: 'PERIOD_OUTSIDE_IMPLEMENTATION',
      reason: `period ${input.period} is outside the implementation window ${periods[0] ?? input.startDate.slice(0, 7)} to ${periods.at(-1) ?? input.endDate.slice(0, 7)}`,
    };
  }
  if (input.reportedPeriods.includes(input.period)) {
    return { code: 'PERIOD_ALREADY_REPORTED', reason: `period ${input.period} has been reported already: one progress report per month` };
  }
  return null;
}
