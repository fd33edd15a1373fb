import { describe, expect, it } from '@jest/globals';
import { crc32, deflateRawSync } from 'node:zlib';
import { MAX_PERSONNEL_ROWS, readPersonnelFile } from './personnel-file.js';

/** A ZIP archive of these parts, deflated; `declared` overrides the unpacked size the archive states for a part. */
function zip(parts: Record<string, string>, declared: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflateRawSync(raw);
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(raw), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(declared[name] ?? raw.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared[name] ?? raw.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const row = (n: number, texts: string[]) => `<row r="${n}">${texts.map((t, i) => `<c r="${'ABCDEF'[i]}${n}" t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`;
const HEADER = row(1, ['nip', 'name', 'email', 'username', 'unitCode', 'roles']);
/** `count` rows of one empty cell each, from row 2: about 35 bytes a row unpacked, very few packed. */
const emptyRows = (count: number) => Array.from({ length: count }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"/></row>`).join('');

/** The smallest workbook a spreadsheet program writes: one sheet whose data is `rows` (XML), `declare` its stated size. */
function workbook(rows: string, declare?: number): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  return zip(
    {
      '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${HEADER}${rows}</sheetData></worksheet>`,
    },
    declare === undefined ? {} : { 'xl/worksheets/sheet1.xml': declare },
  );
}

const upload = (buffer: Buffer) => ({ originalname: 'pegawai.xlsx', mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

/** Reads the file: the rows read, or the refusal it threw (as the API answers it). */
async function read(buffer: Buffer): Promise<{ rows?: number; status?: number; message?: string }> {
  try {
    return { rows: (await readPersonnelFile(upload(buffer))).length };
  } catch (error) {
    const e = error as { status?: number; message: string };
    return { status: e.status, message: e.message };
  }
}

describe('personnel file: an XLSX upload is read within bounds', () => {
  it('reads a workbook as spreadsheet programs write it (control)', async () => {
    const person = row(2, ['199103152015032004', 'Rina Wulandari', 'rina@example.go.id', 'kaltim.rina', 'diskominfo', 'DRAFTER']);
    expect(await read(workbook(person))).toMatchObject({ rows: 1 });
  });

  it('refuses a ZIP bomb before the workbook reader holds it: 10 MB of upload unpacking to far more is a 400 naming the limit', async () => {
    // 1.4 million rows of an empty cell: a few MB packed, about 50 MB of sheet unpacked; the reader held it all at once
    const bomb = workbook(emptyRows(1_400_000));
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const answer = await read(bomb);
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^file: the workbook unpacks to more than 40 MB/);
  });

  it('does not believe the sizes the archive declares', async () => {
    const liar = workbook(emptyRows(1_400_000), 1000);
    expect((await read(liar)).message).toMatch(/^file: the workbook unpacks to more than 40 MB/);
  });

  it(`refuses a worksheet of far more rows than ${MAX_PERSONNEL_ROWS} people before reading it, within the byte limit`, async () => {
    const rows = Array.from({ length: 2 * MAX_PERSONNEL_ROWS + 1 }, (_, i) => `<row r="${i + 2}"/>`).join('');
    const answer = await read(workbook(rows));
    expect([answer.status, answer.message]).toEqual([400, `file: a worksheet holds more than ${2 * MAX_PERSONNEL_ROWS} rows; import at most ${MAX_PERSONNEL_ROWS} people from the first sheet`]);
  });
});
