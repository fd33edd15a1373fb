/**
 * A number as Indonesians type it (ui.md writes 1.500.000 and Rp150.000.000): the dot groups
 * thousands, the comma marks decimals ("2,5"); a leading "Rp" and spaces are allowed. Plain digits
 * ("150000000") and a single decimal point ("87.5", as the API writes numbers) are read too. Anything
 * else, e.g. "1.5.0" or "150.00.000", is null: never guess, so 150.000.000 can never become 150.
 */
export function parseIndonesianNumber(raw: string): number | null {
  const text = raw.trim().replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (m) return Number(`${m[1]}${m[2]!.replace(/\./g, '')}${m[3] ? `.${m[3]}` : ''}`);
  // "87.5": a decimal point that cannot be a thousands dot (not followed by exactly three digits)
  const point = /^(-?\d+)\.(\d{1,2}|\d{4,})$/.exec(text);
  return point ? Number(text) : null;
}

/** How a number is shown in a field for editing: 150000000 -> "150.000.000", 2.5 -> "2,5". */
export function numberForInput(value: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 20 }).format(value);
}
