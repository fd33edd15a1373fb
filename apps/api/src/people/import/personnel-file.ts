import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { AppException, validationFailed } from '../../common/errors/app.exception.js';
import { ErrorCode } from '../../common/errors/error-code.enum.js';
import type { PersonnelRow } from './import-plan.js';

export const PERSONNEL_COLUMNS = ['nip', 'name', 'email', 'username', 'unitCode', 'roles'] as const;
export const MAX_PERSONNEL_ROWS = 20_000;
/**
 * What an XLSX upload may unpack to, all its parts together: 20,000 people take about 9 MB (sheet and
 * shared strings). The 10 MB upload limit says nothing about this: a ZIP archive of 10 MB unpacks to
 * gigabytes, which the workbook reader would hold in memory at once.
 */
export const MAX_XLSX_UNPACKED_BYTES = 40 * 1024 * 1024;
/** Rows a worksheet of an uploaded workbook may hold (every sheet is read): room for empty and formatted rows. */
export const MAX_XLSX_SHEET_ROWS = 2 * MAX_PERSONNEL_ROWS;

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function kindOf(file: UploadedFile): 'csv' | 'xlsx' {
  const name = file.originalname.toLowerCase();
  // an XLSX file is a ZIP archive: it starts with PK
  if (name.endsWith('.xlsx') || file.mimetype === XLSX_MIME || file.buffer.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  if (name.endsWith('.csv') || /^text\/(csv|plain)$/.test(file.mimetype) || file.mimetype === 'application/vnd.ms-excel') return 'csv';
  throw new AppException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'file must be a CSV (.csv) or Excel (.xlsx) file');
}

/** Header names matched without case, spaces or underscores: "Unit Code", "unit_code" and "unitCode" alike. */
function columnKey(header: string): string {
  return header.replace(/[\s_-]/g, '').toLowerCase();
}

function toRows(table: string[][]): PersonnelRow[] {
  const [header, ...body] = table;
  if (!header) throw validationFailed('file: the file is empty', { fields: ['file: the file is empty'] });
  const index = new Map(header.map((h, i) => [columnKey(h), i]));
  const missing = PERSONNEL_COLUMNS.filter((c) => !index.has(columnKey(c)));
  if (missing.length > 0) {
    const message = `file: missing column ${missing.join(', ')} (columns: ${PERSONNEL_COLUMNS.join(', ')})`;
    throw validationFailed(message, { fields: [message] });
  }
  const cell = (values: string[], column: string): string => (values[index.get(columnKey(column))!] ?? '').trim();
  const rows = body
    .map((values, i) => ({ values, row: i + 2 }))
    .filter(({ values }) => values.some((v) => v.trim() !== ''))
    .map(({ values, row }) => ({
      row,
      nip: cell(values, 'nip').replace(/\s/g, ''),
      name: cell(values, 'name'),
      email: cell(values, 'email'),
      username: cell(values, 'username').toLowerCase(),
      unitCode: cell(values, 'unitCode').toLowerCase(),
      roles: cell(values, 'roles'),
    }));
  if (rows.length === 0) throw validationFailed('file: no person in the file', { fields: ['file: no person in the file'] });
  if (rows.length > MAX_PERSONNEL_ROWS) {
    const message = `file: at most ${MAX_PERSONNEL_ROWS} people per import`;
    throw validationFailed(message, { fields: [message] });
  }
  return rows;
}

const unreadable = () => validationFailed('file: not a readable XLSX workbook', { fields: ['file: not a readable XLSX workbook'] });

/** One member of a ZIP archive, as its central directory describes it. */
interface ZipMember {
  name: string;
  method: number;
  data: Buffer;
}

/** The members of a ZIP archive (no ZIP64: larger than any workbook taken here), or null when it is not one. */
function zipMembers(buffer: Buffer): ZipMember[] | null {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length) return null;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const members: ZipMember[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return null;
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    if (compressedSize === 0xffffffff || local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressedSize > buffer.length) return null;
    members.push({ name, method, data: buffer.subarray(start, start + compressedSize) });
  }
  return members;
}

/**
 * Unpacks the workbook once with a budget before the workbook reader sees it: more than
 * MAX_XLSX_UNPACKED_BYTES in all (whatever sizes the archive declares), or a worksheet of more than
 * MAX_XLSX_SHEET_ROWS rows, is a 400 that costs no more memory than the budget.
 */
function assertWorkbookFits(buffer: Buffer): void {
  const members = zipMembers(buffer);
  if (members === null) throw unreadable();
  let budget = MAX_XLSX_UNPACKED_BYTES;
  for (const member of members) {
    let content: Buffer;
    if (member.method === 0) content = member.data;
    else if (member.method === 8) {
      try {
        content = inflateRawSync(member.data, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') content = Buffer.alloc(budget + 1);
        else throw unreadable();
      }
    } else throw unreadable();
    budget -= content.length;
    if (budget < 0) {
      const message = `file: the workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / (1024 * 1024)} MB; import at most ${MAX_PERSONNEL_ROWS} people from its first sheet`;
      throw validationFailed(message, { fields: [message] });
    }
    if (/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(member.name) && (content.toString('utf8').match(/<row[\s>/]/g)?.length ?? 0) > MAX_XLSX_SHEET_ROWS) {
      const message = `file: a worksheet holds more than ${MAX_XLSX_SHEET_ROWS} rows; import at most ${MAX_PERSONNEL_ROWS} people from the first sheet`;
      throw validationFailed(message, { fields: [message] });
    }
  }
}

async function xlsxTable(buffer: Buffer): Promise<string[][]> {
  assertWorkbookFits(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).text ?? '');
    table[number - 1] = values;
  });
  return Array.from(table, (values) => values ?? []);
}

/** Excel in an Indonesian locale saves CSV with `;`: the header line tells which separator the file uses. */
function delimiterOf(buffer: Buffer): string {
  const header = buffer.subarray(0, 4096).toString('utf8').split(/\r?\n/, 1)[0];
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

function csvTable(buffer: Buffer): string[][] {
  try {
    return parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: true, delimiter: delimiterOf(buffer) }) as string[][];
  } catch (error) {
    const message = `file: not a readable CSV file (${(error as Error).message})`;
    throw validationFailed(message, { fields: [message] });
  }
}

/** The people of a personnel file (CSV or the first sheet of an XLSX workbook), with their row numbers. */
export async function readPersonnelFile(file: UploadedFile | undefined): Promise<PersonnelRow[]> {
  if (!file) throw validationFailed('file is required: send the personnel file as multipart/form-data field "file"', { fields: ['file is required'] });
  const table = kindOf(file) === 'xlsx' ? await xlsxTable(file.buffer) : csvTable(file.buffer);
  return toRows(table);
}
