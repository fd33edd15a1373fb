import { REGULATION_TYPE_LABEL } from '@workflow/domain/regulation-type.util.js';
import { areaLabel, localDate, number, rupiah } from './words';

const CATEGORY: Record<string, string> = { RB_GENERAL: 'RB General', RB_TEMATIK: 'RB Tematik' };

/** Label and readable value of each field of a document's content. */
export function fieldRows(doc: Record<string, unknown>): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const add = (label: string, value: unknown, format: (v: never) => string = (v) => String(v)) => {
    if (value !== undefined && value !== null && value !== '') rows.push([label, format(value as never)]);
  };
  add('Judul', doc.title);
  add('Judul resmi', doc.officialTitle);
  add('Jenis', doc.type, (v: keyof typeof REGULATION_TYPE_LABEL) => REGULATION_TYPE_LABEL[v] ?? v);
  add('Uraian', doc.description);
  add('Tahun', doc.year);
  add('Kategori', doc.category, (v: string) => CATEGORY[v] ?? v);
  add('Area perubahan', doc.area, areaLabel);
  add('Indikator', doc.indicator);
  add('Target', doc.target, (v: { value: number; unit: string }) => `${number(v.value)} ${v.unit}`);
  add('Keluaran', doc.output);
  add('Tanggal mulai', doc.startDate, localDate);
  add('Tanggal selesai', doc.endDate, localDate);
  add('Anggaran', doc.budget, rupiah);
  add('Dasar hukum', doc.legalBasis, (v: string[]) => v.join('; '));
  add('Batang tubuh', doc.body);
  add('Target penetapan', doc.targetDate, localDate);
  add('Nomor', doc.number);
  add('Nomor Berita Daerah', doc.gazetteNumber);
  add('Pemerintah daerah', doc.governmentName ?? doc.governmentCode);
  add('Unit pemrakarsa', doc.unitName ?? doc.unitCode);
  return rows;
}
