import type { ReportTable } from '../report-table.js';
import { safeCell } from './safe-cell.js';

/**
 * A quoted field when it holds a separator, a quote or a line break. `;` counts as a separator too:
 * Excel in an Indonesian locale splits a CSV file at `;` (its list separator), and an unquoted
 * `Budi;=HYPERLINK(...)` would become a cell starting with `=` that safeCell never saw.
 */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF), with a UTF-8 byte order mark so spreadsheets read Indonesian names right. */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => field(safeCell(c.header)))];
  for (const row of table.rows) lines.push(table.columns.map((c) => field(safeCell(row[c.key] ?? null))));
  return `\ufeff${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
