import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { createTestApp, tableFingerprint, type TestApp } from '#testing';

const HEADER = ['nip', 'name', 'email', 'username', 'unitCode', 'roles'];

/**
 * Personnel files of any shape, as CSV text and as Excel workbooks, to a dry run of the import:
 * never a 5xx, every refusal with a code, and nothing written (a dry run writes nothing, even for a
 * file it would apply).
 */
describe('arbitrary personnel files', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    auth = await t.auth('paser.admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const cell = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', '199001012015011001', 'Dewi Lestari', 'dewi@paser.go.id', 'paser.dewi', 'diskominfo', 'DRAFTER', 'DRAFTER;UNIT_HEAD', 'ADMIN', '"', '""', '"a,b"', '=1+1', '-1e400', '\u0000', '\ufeff', 'x'.repeat(5000)),
  );
  const row = fc.array(cell, { maxLength: 8 });
  const separator = fc.constantFrom(',', ';', '\t', '|');
  const csv = fc.record({
    bom: fc.boolean(),
    header: fc.oneof(fc.constant(HEADER), fc.shuffledSubarray(HEADER), row),
    rows: fc.array(row, { maxLength: 6 }),
    separator,
    newline: fc.constantFrom('\n', '\r\n', '\r'),
  }).map(({ bom, header, rows, separator: sep, newline }) => ({
    name: 'pegawai.csv',
    bytes: Buffer.from(`${bom ? '\ufeff' : ''}${[header, ...rows].map((r) => r.join(sep)).join(newline)}`),
  }));

  const value = fc.oneof(
    cell,
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: true }),
    fc.constantFrom<ExcelJS.CellValue>({ formula: '1+1', result: 2 }, { richText: [{ text: 'Dewi' }, { text: ' Lestari' }] }, { text: 'tautan', hyperlink: 'https://example.go.id' }, { error: '#N/A' }, null),
  );
  const xlsx = fc.record({ header: fc.oneof(fc.constant<ExcelJS.CellValue[]>(HEADER), fc.array(value, { maxLength: 8 })), rows: fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 6 }), sheets: fc.integer({ min: 0, max: 2 }) }).map(
    async ({ header, rows, sheets }) => {
      const book = new ExcelJS.Workbook();
      if (sheets > 0) {
        const sheet = book.addWorksheet('Pegawai');
        for (const r of [header, ...rows]) sheet.addRow(r);
        if (sheets > 1) book.addWorksheet('Lain').addRow(['catatan']);
      }
      return { name: 'pegawai.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) };
    },
  );
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => ({ name: 'pegawai.xlsx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)]) }));

  it('never answers 5xx, always with a code, and a dry run writes nothing', async () => {
    const before = await tableFingerprint(t.dataSource);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(csv.map(async (f) => f), xlsx, bytes.map(async (f) => f)), async (made) => {
        const file = await made;
        const res = await t.http.post('/api/users/import?dryRun=true').set(auth).attach('file', file.bytes, file.name);
        statuses.add(res.status);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(typeof res.body.code).toBe('string');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) }, // FUZZ_RUNS=2000 for a longer search
    );
    expect(await tableFingerprint(t.dataSource)).toEqual(before);
    expect([...statuses].some((s) => s === 400)).toBe(true);
  }, 240_000);
});
