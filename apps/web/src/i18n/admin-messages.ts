/**
 * Bahasa Indonesia for what the administration API says in English: a field rule of a 400, and the
 * reason an import row is refused. Unknown text gets a general sentence, never the English.
 */
const FIELD_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^username .*taken/, 'Nama pengguna sudah dipakai orang lain.'],
  [/^username/, 'Nama pengguna harus 3-60 huruf kecil, angka, titik, garis bawah atau tanda hubung.'],
  [/^nip .*(more than one row)/, 'NIP muncul di lebih dari satu baris.'],
  [/^nip .*another government/, 'NIP ini milik pegawai pemerintah daerah lain.'],
  [/^nip .*is already/, 'NIP ini sudah terdaftar dengan nama pengguna lain; nama pengguna tidak diubah lewat impor.'],
  [/^nip/, 'NIP harus 18 angka.'],
  [/^name is longer|^name must be shorter/, 'Nama paling banyak 200 karakter.'],
  [/^name/, 'Nama wajib diisi.'],
  [/^regionName/, 'Nama wilayah wajib diisi.'],
  [/^email/, 'Surel tidak sesuai format alamat surel.'],
  [/^unitCode .*not a unit|^unit .*not/i, 'Unit kerja tidak ada pada pemerintah daerah ini.'],
  [/^unitCode|^code must be a unit/, 'Kode unit kerja harus huruf kecil, angka atau tanda hubung, misalnya diskominfo.'],
  [/^code/, 'Kode hanya boleh huruf kecil, angka atau tanda hubung, tanpa spasi.'],
  [/OPERATOR is not granted/, 'Peran OPERATOR tidak dapat diberikan di sini.'],
  [/^unknown role|^each role|^roles? must be one of|is not a role/, 'Ada peran yang tidak dikenal.'],
  [/role is repeated|must not repeat/, 'Ada peran yang disebut lebih dari sekali.'],
  [/^headUsername|head/i, 'Kepala unit harus pegawai aktif unit kerja ini.'],
  [/^level/, 'Tingkat harus Kabupaten atau Kota.'],
  [/^timeZone|time zone/i, 'Zona waktu harus salah satu zona Indonesia, misalnya Asia/Makassar.'],
  [/^password|^newPassword/, 'Kata sandi harus 12 sampai 128 karakter.'],
  [/^currentPassword/, 'Kata sandi sekarang salah.'],
];

export function fieldRuleText(rule: string): string {
  return FIELD_RULES.find(([pattern]) => pattern.test(rule))?.[1] ?? 'Ada isian yang tidak sesuai.';
}

/** An import row's reason (problems joined by "; ") as Indonesian sentences. */
export function importReasonText(reason: string): string {
  return [...new Set(reason.split('; ').map(fieldRuleText))].join(' ');
}

/** The rules of a 400's `details.fields` in Indonesian (none: an empty list). */
export function fieldProblems(details: unknown): string[] {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(fields) ? [...new Set(fields.map((f) => fieldRuleText(String(f))))] : [];
}
