import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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

/**
 * Unpacks one member of the archive a chunk at a time, stopping once it passes `budget` bytes, so a
 * member that declares a small size and unpacks to gigabytes costs no more than the budget; counts the
 * `<row` elements on the way when asked.
 */
function unpackWithin(member: JSZip.JSZipObject, budget: number, countRows: boolean): Promise<{ bytes: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const stream = member.nodeStream('nodebuffer');
    let bytes = 0;
    let rows = 0;
    let tail = ''; // a `<row` element may begin in one chunk and end in the next
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > budget) {
        stream.pause(); // unpacks no further: the stream holds at most one more chunk until it is collected
        stream.removeAllListeners('data').removeAllListeners('end'); // its 'error' listener stays: a settled promise ignores it
        return resolve({ bytes, rows });
      }
      if (countRows) {
        const text = tail + chunk.toString('latin1');
        rows += text.match(/<row[\s>/]/g)?.length ?? 0;
        tail = text.slice(-4);
      }
    });
    stream.on('end', () => resolve({ bytes, rows }));
    stream.on('error', reject);
  });
}

/**
 * Unpacks the workbook once with a budget before the workbook reader sees it: more than
 * MAX_XLSX_UNPACKED_BYTES in all (whatever sizes the archive declares), or a worksheet of more than
 * MAX_XLSX_SHEET_ROWS rows, is a 400 that costs no more memory than the budget.
 */
async function assertWorkbookFits(buffer: Buffer): Promise<void> {
  let members: JSZip.JSZipObject[];
  try {
    members = Object.values((await JSZip.loadAsync(buffer)).files).filter((member) => !member.dir);
  } catch {
    throw unreadable();
  }
  let budget = MAX_XLSX_UNPACKED_BYTES;
  for (const member of members) {
    const isSheet = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(member.name);
    const unpacked = await unpackWithin(member, budget, isSheet).catch(() => {
      throw unreadable();
    });
    budget -= unpacked.bytes;
    if (budget < 0) {
      const message = `file: the workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / (1024 * 1024)} MB; import at most ${MAX_PERSONNEL_ROWS} people from its first sheet`;
      throw validationFailed(message, { fields: [message] });
    }
    if (unpacked.rows > MAX_XLSX_SHEET_ROWS) {
      const message = `file: a worksheet holds more than ${MAX_XLSX_SHEET_ROWS} rows; import at most ${MAX_PERSONNEL_ROWS} people from the first sheet`;
      throw validationFailed(message, { fields: [message] });
    }
  }
}

async function xlsxTable(buffer: Buffer): Promise<string[][]> {
  await assertWorkbookFits(buffer);
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
