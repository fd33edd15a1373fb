/**
 * Bahasa Indonesia for the API's field rules on a Quick Win or regulation (a 400's `details.fields`,
 * each starting with the field's path: "year must not be less than 2000", "target.value: ..."), by
 * the form field they belong to. A rule of an unknown field is left to the form's general message.
 */
const RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^title\b/, 'title', 'Judul harus 3 sampai 200 karakter (rancangan peraturan: sampai 300).'],
  [/^description\b/, 'description', 'Uraian wajib diisi, paling banyak 5.000 karakter.'],
  [/^year\b/, 'year', 'Tahun harus bilangan bulat antara 2000 dan 2100.'],
  [/^category\b/, 'category', 'Pilih kategori dari daftar.'],
  [/^area\b/, 'area', 'Area perubahan tidak termasuk kategori yang dipilih.'],
  [/^indicator\b/, 'indicator', 'Indikator wajib diisi, paling banyak 500 karakter.'],
  [/^target\.value\b/, 'targetValue', 'Target harus angka 0 atau lebih.'],
  [/^target\.unit\b/, 'targetUnit', 'Satuan target wajib diisi, paling banyak 100 karakter.'],
  [/^target\b/, 'targetValue', 'Target dan satuannya wajib diisi.'],
  [/^output\b/, 'output', 'Keluaran wajib diisi, paling banyak 1.000 karakter.'],
  [/^startDate\b/, 'startDate', 'Tanggal mulai harus tanggal yang sah.'],
  [/^endDate must not be before/, 'endDate', 'Tanggal selesai tidak boleh sebelum tanggal mulai.'],
  [/^endDate must be at most 12 months/, 'endDate', 'Quick Win paling lama 12 bulan sejak tanggal mulai.'],
  [/^endDate\b/, 'endDate', 'Tanggal selesai harus tanggal yang sah.'],
  [/^budget\b/, 'budget', 'Anggaran harus bilangan bulat rupiah, tidak negatif.'],
  [/^legalBasis\b/, 'legalBasis', 'Dasar hukum: 1 sampai 50 baris, setiap baris paling banyak 500 karakter.'],
  [/^body\b/, 'body', 'Batang tubuh wajib diisi.'],
  [/^targetDate \S+ is before today/, 'targetDate', 'Target penetapan tidak boleh sebelum hari ini: tanggal itu sudah lewat.'],
  [/^targetDate\b/, 'targetDate', 'Target penetapan harus tanggal yang sah.'],
];

/** The field messages of a refused save, by form field; fields the rules do not know are left out. */
export function documentFieldProblems(details: unknown): Record<string, string> {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  const found: Record<string, string> = {};
  if (!Array.isArray(fields)) return found;
  for (const rule of fields.map(String)) {
    const match = RULES.find(([pattern]) => pattern.test(rule));
    if (match && !found[match[1]]) found[match[1]] = match[2];
  }
  return found;
}
