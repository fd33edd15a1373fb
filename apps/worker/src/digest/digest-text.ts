import { formatIndonesianDateTime, formatIndonesianLocalDate, isoWeekLabel, type LocalDate } from '#workflow';

/** What one person's digest says. */
export interface DigestFigures {
  name: string;
  /** "Pemerintah Provinsi Kalimantan Timur" for the Sekda, the unit's name for a Kepala OPD. */
  scopeName: string;
  open: number;
  overdue: number;
  waitingOnYou: number;
  waitingOnYouOverdue: number;
  /** The Monday of the week before the digest's. */
  lastWeek: LocalDate;
  started: number;
  finished: number;
  at: Date;
  timeZone: string;
}

/** The digest's title and message, in Bahasa Indonesia. */
export function weeklyDigestText(f: DigestFigures): { title: string; message: string } {
  return {
    title: `Ringkasan mingguan ${f.scopeName}: ${f.overdue} tahap terlambat`,
    message: [
      `Yth. ${f.name},`,
      `berikut ringkasan alur per ${formatIndonesianDateTime(f.at, f.timeZone)}.`,
      `Terlambat di ${f.scopeName}: ${f.overdue} dari ${f.open} tahap yang sedang berjalan.`,
      `Menunggu tindakan Anda: ${f.waitingOnYou} (${f.waitingOnYouOverdue} terlambat).`,
      `Minggu lalu (${isoWeekLabel(f.lastWeek)}, mulai ${formatIndonesianLocalDate(f.lastWeek)}): ${f.started} dokumen diajukan, ${f.finished} selesai.`,
      'Silakan buka alur untuk melihat rinciannya.',
    ].join('\n'),
  };
}
