export type Cell = string | number | null;

/** A flat table of a report, as CSV or one worksheet of the workbook. */
export interface ReportTable {
  /** Worksheet name (at most 31 characters). */
  readonly sheet: string;
  readonly columns: ReadonlyArray<{ readonly key: string; readonly header: string }>;
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>;
}

/** A report: the JSON body, and its tables for downloads (the first is the CSV). */
export interface BuiltReport {
  readonly json: Record<string, unknown>;
  readonly tables: readonly ReportTable[];
}

/** Rounds to 2 decimals (working days, hours, shares). */
export const round2 = (n: number): number => Math.round(n * 100) / 100;
