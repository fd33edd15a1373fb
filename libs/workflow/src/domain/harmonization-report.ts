import type { LocalDate } from '../calendar/local-date.util.js';

/**
 * The Berita Acara Selesai Harmonisasi is recorded once Kanwil Kemenkumham has signed it: its date is
 * today at the latest, in the document's government's zone. Why `reportDate` may not be recorded, or null.
 */
export function harmonizationReportRefusal(reportDate: LocalDate, today: LocalDate): string | null {
  return reportDate > today ? `data.reportDate ${reportDate} is after today (${today}): a Berita Acara is recorded once it is signed` : null;
}
