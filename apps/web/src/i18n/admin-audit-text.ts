import type { AdminAuditEntry } from '../api/views';
import { roleLabel, zoneText } from './words';

/** Each action the administration audit records, as the ADMIN reads it; another shows as its code. */
const ACTIONS: Readonly<Record<string, string>> = {
  GOVERNMENT_CREATED: 'Pemerintah daerah ditambahkan',
  GOVERNMENT_UPDATED: 'Pemerintah daerah diubah',
  UNIT_CREATED: 'Unit kerja ditambahkan',
  UNIT_UPDATED: 'Unit kerja diubah',
  USER_CREATED: 'Pegawai ditambahkan',
  USER_IMPORTED: 'Pegawai ditambahkan lewat impor',
  USER_UPDATED: 'Data pegawai diubah',
  USER_UPDATED_BY_IMPORT: 'Data pegawai diubah lewat impor',
  USER_DEACTIVATED: 'Pegawai dinonaktifkan',
  USER_REACTIVATED: 'Pegawai diaktifkan kembali',
  USER_PASSWORD_RESET: 'Kata sandi diatur ulang oleh admin',
  USER_PASSWORD_RESET_BY_EMAIL: 'Kata sandi diatur ulang lewat tautan surel',
  USER_PASSWORD_CHANGED: 'Kata sandi diganti sendiri',
};

export const auditActionText = (action: string): string => ACTIONS[action] ?? action;

/** The fields an entry's before and after keep, by name; a field not named here shows as its key. */
const FIELDS: Readonly<Record<string, string>> = {
  name: 'Nama',
  nip: 'NIP',
  email: 'Surel',
  unitCode: 'Unit kerja',
  roles: 'Peran',
  active: 'Status',
  hasPassword: 'Punya kata sandi',
  mustChangePassword: 'Wajib ganti kata sandi',
  linkSentTo: 'Tautan dikirim ke',
  regionName: 'Nama wilayah',
  level: 'Tingkat',
  timeZone: 'Zona waktu',
  headUsername: 'Kepala unit',
};

const ORDER = Object.keys(FIELDS);
/** A field's place among FIELDS; a field not named there comes after them. */
function fieldOrder(field: string): number {
  const place = ORDER.indexOf(field);
  return place === -1 ? ORDER.length : place;
}

/** Fields that say which row (the entry's target says it already) or when it was stored. */
const LEFT_OUT = new Set(['code', 'username', 'governmentCode', 'parentCode', 'createdAt', 'updatedAt']);

const LEVELS: Readonly<Record<string, string>> = { PROVINCE: 'Provinsi', REGENCY: 'Kabupaten', CITY: 'Kota' };

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (field === 'roles' && Array.isArray(value)) return value.length === 0 ? '-' : value.map((role) => roleLabel(String(role))).join(', ');
  if (field === 'active') return value ? 'Aktif' : 'Nonaktif';
  if (field === 'level') return LEVELS[String(value)] ?? String(value);
  if (field === 'timeZone') return zoneText(String(value));
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * What an entry changed, a line per field it keeps after: "Peran: Pemrakarsa → Pemrakarsa, Kepala Perangkat
 * Daerah" for an edited field, "Nama: Budi Santoso" for one it did not hold before (what was added; empty
 * fields left out), in the order of FIELDS (PostgreSQL keeps an entry's keys in an order of its own).
 */
export function auditChangeLines(entry: Pick<AdminAuditEntry, 'before' | 'after'>): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const label = (field: string) => FIELDS[field] ?? field;
  return Object.keys(after)
    .filter((field) => !LEFT_OUT.has(field))
    .sort((a, b) => fieldOrder(a) - fieldOrder(b))
    .flatMap((field) => {
      const now = valueText(field, after[field]);
      if (!(field in before)) return now === '-' ? [] : [`${label(field)}: ${now}`];
      return JSON.stringify(before[field]) === JSON.stringify(after[field]) ? [] : [`${label(field)}: ${valueText(field, before[field])} → ${now}`];
    });
}
