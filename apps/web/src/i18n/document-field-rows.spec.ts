import { describe, expect, it } from '@jest/globals';
import { fieldRows } from './document-field-rows';

describe("a document's fields as people read them", () => {
  it('names the area of change, the regulation type and the unit as the pages and the law do, not by their codes', () => {
    const rows = new Map([
      ...fieldRows({ area: 'MANAJEMEN_SDM', category: 'RB_GENERAL', budget: 150000000, target: { value: 80, unit: 'persen' } }),
      ...fieldRows({ type: 'PERWALI', legalBasis: ['UU 23/2014', 'PP 18/2016'], governmentCode: 'paser', governmentName: 'Pemerintah Kabupaten Paser', unitCode: 'diskominfo', unitName: 'Dinas Komunikasi dan Informatika' }),
    ]);
    expect(Object.fromEntries(rows)).toEqual({
      'Area perubahan': 'Manajemen SDM',
      Kategori: 'RB General',
      Anggaran: 'Rp150.000.000',
      Target: '80 persen',
      Jenis: 'Peraturan Wali Kota',
      'Dasar hukum': 'UU 23/2014; PP 18/2016',
      'Pemerintah daerah': 'Pemerintah Kabupaten Paser',
      'Unit pemrakarsa': 'Dinas Komunikasi dan Informatika',
    });
  });

  it('leaves out the fields a document does not have', () => {
    expect(fieldRows({ title: 'Layanan Izin Daring', description: '', officialTitle: null })).toEqual([['Judul', 'Layanan Izin Daring']]);
  });
});
