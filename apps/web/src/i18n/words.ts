import { formatIndonesianDateTime, formatIndonesianLocalDate, INDONESIAN_MONTH_NAMES, timeZoneAbbreviation } from '@workflow/calendar/indonesian-format.util.js';
import { toLocalDateTime } from '@workflow/calendar/zoned-time.util.js';
import { ROLE_LABELS, stageLabel } from '@workflow/domain/indonesian-labels.js';
import type { Kind } from '../api/views';

export { stageLabel };

/** The buttons of ui.md, one per action. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  SUBMIT: 'Ajukan',
  RESUBMIT: 'Ajukan Kembali',
  ENDORSE: 'Setujui dan Teruskan',
  VERIFY: 'Verifikasi',
  APPROVE: 'Setujui',
  RETURN: 'Kembalikan',
  REJECT: 'Tolak',
  WITHDRAW: 'Tarik Usulan',
  EVALUATE: 'Evaluasi',
  REQUEST_HARMONIZATION: 'Ajukan Harmonisasi',
  RECORD_HARMONIZATION: 'Catat Hasil Harmonisasi',
  FACILITATE: 'Berikan Fasilitasi',
  PARAF: 'Paraf',
  SIGN: 'Tandatangani',
  PROMULGATE: 'Undangkan',
  PUBLISH: 'Publikasikan di JDIH',
  REPORT_PROGRESS: 'Laporkan Kemajuan',
  COMPLETE: 'Nyatakan Selesai',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

export const roleLabel = (role: string) => (ROLE_LABELS as Record<string, string>)[role] ?? role;

/** A delegation's kind as officials write it: Plt (pelaksana tugas) or Plh (pelaksana harian). */
export const delegationKindLabel = (kind: 'PLT' | 'PLH') => (kind === 'PLT' ? 'Plt' : 'Plh');

export const KIND_LABELS: Readonly<Record<Kind, string>> = { 'quick-win': 'Quick Win', regulation: 'Rancangan Peraturan' };

/** API path segment of each kind, also the app's. */
/** Whose a document is, as inbox and list cards say it: its unit, and its government when that is not the reader's. */
export function whoseDocument(doc: { governmentCode: string; governmentName: string; unitName: string }, readerGovernment: string): string {
  return doc.governmentCode === readerGovernment ? doc.unitName : `${doc.unitName}, ${doc.governmentName}`;
}

/** Used only until an answer names its government's zone. */
export const FALLBACK_ZONE = 'Asia/Makassar';

/** "Senin, 2 Maret 2026 pukul 09.00 WITA" in the government's zone. */
export function dateTime(iso: string | null | undefined, timeZone = FALLBACK_ZONE): string {
  return iso ? formatIndonesianDateTime(new Date(iso), timeZone) : '-';
}

/** "2 Maret 2026", the day an instant falls on in the government's zone (where a whole `dateTime` is too long). */
export function dayIn(iso: string, timeZone = FALLBACK_ZONE): string {
  return formatIndonesianLocalDate(toLocalDateTime(new Date(iso), timeZone).date);
}

/** A zone as officials name it, with its IANA id: "WITA (Asia/Makassar)". */
export function zoneText(timeZone: string): string {
  return `${timeZoneAbbreviation(timeZone)} (${timeZone})`;
}

/** "1 Desember 2026" for a YYYY-MM-DD date. */
export function localDate(date: string | null | undefined): string {
  return date ? formatIndonesianLocalDate(date) : '-';
}

/** A month "2026-03" as "Maret 2026"; null for a text of another shape. */
export function monthText(month: string): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return m ? `${INDONESIAN_MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : null;
}

/** A stored period "2026-03" as "Maret 2026" (a text of another shape as it is). */
export function periodText(period: string): string {
  return monthText(period) ?? period;
}

/**
 * A report's week (the API's ISO `week`, "2026-W49", and its Monday) as a reader says it: "30 November 2026
 * (minggu ke-49)", with the week's year when it is not the Monday's ("29 Desember 2025 (minggu ke-1 tahun 2026)").
 */
export function weekText(week: string, monday: string): string {
  const [, year, number] = /^(\d{4})-W(\d{2})$/.exec(week) ?? [];
  if (!year) return localDate(monday);
  return `${localDate(monday)} (minggu ke-${Number(number)}${monday.startsWith(year) ? '' : ` tahun ${year}`})`;
}

/** 1.500.000 */
export function number(value: number): string {
  return new Intl.NumberFormat('id-ID').format(value);
}

/** Rp150.000.000 */
export function rupiah(value: number): string {
  return `Rp${number(value)}`;
}

/** "5 hari kerja", "14 hari", "30 detik" from an ISO 8601 duration of the SLA. */
export function durationText(iso: string, businessDays: boolean): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return iso;
  const [, d, h, min, s] = m;
  const parts: string[] = [];
  if (d) parts.push(`${d} ${businessDays ? 'hari kerja' : 'hari'}`);
  if (h) parts.push(`${h} jam`);
  if (min) parts.push(`${min} menit`);
  if (s) parts.push(`${s} detik`);
  return parts.join(' ') || iso;
}

/** The roles an ADMIN grants (OPERATOR belongs to the deployment, never granted here). */
export const GRANTABLE_ROLES: readonly string[] = Object.keys(ROLE_LABELS);

/** The 8 areas of RB General and the 4 themes of RB Tematik, as a Quick Win names them. */
export const QUICK_WIN_AREAS: ReadonlyArray<[string, string]> = [
  ['MANAJEMEN_PERUBAHAN', 'Manajemen Perubahan'],
  ['DEREGULASI', 'Deregulasi'],
  ['PENATAAN_ORGANISASI', 'Penataan Organisasi'],
  ['PENATAAN_TATA_LAKSANA', 'Penataan Tata Laksana'],
  ['MANAJEMEN_SDM', 'Manajemen SDM'],
  ['PENGUATAN_AKUNTABILITAS', 'Penguatan Akuntabilitas'],
  ['PENGUATAN_PENGAWASAN', 'Penguatan Pengawasan'],
  ['PELAYANAN_PUBLIK', 'Pelayanan Publik'],
  ['PENGENTASAN_KEMISKINAN', 'Pengentasan Kemiskinan'],
  ['PENINGKATAN_INVESTASI', 'Peningkatan Investasi'],
  ['DIGITALISASI_ADMINISTRASI', 'Digitalisasi Administrasi'],
  ['PRIORITAS_AKTUAL_PRESIDEN', 'Prioritas Aktual Presiden'],
];

const AREA_NAMES: ReadonlyMap<string, string> = new Map(QUICK_WIN_AREAS);
export const areaLabel = (area: string) => AREA_NAMES.get(area) ?? (area || '(tanpa area)');
