import type { Cell } from '../report-table.js';

/** First characters a spreadsheet may read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell value that a spreadsheet shows as written: text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading apostrophe, so a title such as `=HYPERLINK(...)` stays text.
 * Numbers stay numbers (a negative number is not text a person typed).
 */
export function safeCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
