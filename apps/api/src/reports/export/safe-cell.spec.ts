import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.writer.js';
import { safeCell } from './safe-cell.js';

describe('spreadsheet-safe cells', () => {
  it('turns every formula start into text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(safeCell(`${start}SUM(A1:A9)`)).toBe(`'${start}SUM(A1:A9)`);
  });
  it('leaves other text, numbers and empty cells alone', () => {
    expect(safeCell('Layanan = cepat')).toBe('Layanan = cepat');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
  });
  it('writes CSV with a header, quotes where needed and safe cells', () => {
    const csv = toCsv({ sheet: 'x', columns: [{ key: 'a', header: 'Judul' }, { key: 'b', header: 'Jumlah' }], rows: [{ a: '=1+1', b: 3 }, { a: 'Satu, "dua"\nbaris', b: null }] });
    expect(csv).toBe('\ufeffJudul,Jumlah\r\n\'=1+1,3\r\n"Satu, ""dua""\nbaris",\r\n');
  });
  it("quotes a cell holding `;`, so Excel in an Indonesian locale (list separator `;`) cannot split a formula out of it", () => {
    // a person's or unit's name, as an ADMIN or an import file may give it
    const csv = toCsv({ sheet: 'x', columns: [{ key: 'a', header: 'Nama' }], rows: [{ a: 'Budi;=HYPERLINK("http://contoh.test","klik")' }, { a: 'Budi;-2+3' }] });
    expect(csv).toBe('\ufeffNama\r\n"Budi;=HYPERLINK(""http://contoh.test"",""klik"")"\r\n"Budi;-2+3"\r\n');
  });
});
