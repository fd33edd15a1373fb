import ExcelJS from 'exceljs';
import type { ReportTable } from '../report-table.js';
import { safeCell } from './safe-cell.js';

/** A workbook with one worksheet per table: a bold header row, then the rows; text cells never formulas. */
export async function toXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'alur';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
    sheet.columns = table.columns.map((c) => ({ key: c.key, width: Math.max(10, Math.min(50, c.header.length + 2)) }));
    sheet.addRow(table.columns.map((c) => safeCell(c.header))).font = { bold: true };
    for (const row of table.rows) sheet.addRow(table.columns.map((c) => safeCell(row[c.key] ?? null)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
