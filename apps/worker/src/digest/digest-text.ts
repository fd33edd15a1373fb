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

/** The notice to a province's ADMIN that national holidays of `years` are missing, in Bahasa Indonesia. */
export function holidaysMissingText(name: string, years: readonly number[]): { title: string; message: string } {
  const list = years.join(' dan ');
  return {
    title: `Hari libur nasional tahun ${list} belum diisi`,
    message: [
      `Yth. ${name},`,
      `hari libur nasional tahun ${list} belum diisi di alur. Batas waktu hari kerja yang jatuh pada tahun itu menghitung setiap Senin sampai Jumat sebagai hari kerja, termasuk hari raya dan cuti bersama.`,
      'Silakan isi hari libur nasional dan cuti bersama menurut SKB 3 Menteri di Pengaturan, bagian Hari Libur; batas waktu yang berjalan dihitung ulang.',
    ].join('\n'),
  };
}
