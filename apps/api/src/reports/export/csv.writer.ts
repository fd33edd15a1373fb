import type { ReportTable } from '../report-table.js';
import { safeCell } from './safe-cell.js';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF), with a UTF-8 byte order mark so spreadsheets read Indonesian names right. */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => field(safeCell(c.header)))];
  for (const row of table.rows) lines.push(table.columns.map((c) => field(safeCell(row[c.key] ?? null))));
  return `\ufeff${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
