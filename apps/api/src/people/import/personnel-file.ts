import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppException, validationFailed } from '../../common/errors/app.exception.js';
import { ErrorCode } from '../../common/errors/error-code.enum.js';
import type { PersonnelRow } from './import-plan.js';

export const PERSONNEL_COLUMNS = ['nip', 'name', 'email', 'username', 'unitCode', 'roles'] as const;
export const MAX_PERSONNEL_ROWS = 20_000;

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

async function xlsxTable(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw validationFailed('file: not a readable XLSX workbook', { fields: ['file: not a readable XLSX workbook'] });
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
