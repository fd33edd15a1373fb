import type { ComponentChildren } from 'preact';
import { number } from '../i18n/words';
import { CellLabel, TableRegion } from './table';

export interface BarSeries {
  key: string;
  label: string;
  /** A CSS class giving the bar its colour (`bar-ok`, `bar-warn`, `bar-bad`, `bar-a`, `bar-b`). */
  tone: string;
}

export interface BarRow {
  label: string;
  values: Record<string, number>;
}

/**
 * Horizontal bars in inline SVG, one row per item: stacked series (`stack`) or one bar per series
 * (`group`). Each row also says its values in words, so the chart reads without the picture; the
 * bars themselves are hidden from screen readers. The table beside it holds every figure.
 */
export function BarChart({ title, rows, series, layout = 'stack', format = number }: { title: string; rows: readonly BarRow[]; series: readonly BarSeries[]; layout?: 'stack' | 'group'; format?: (n: number) => string }) {
  const total = (r: BarRow) => series.reduce((n, s) => n + (r.values[s.key] ?? 0), 0);
  const max = Math.max(1, ...rows.map((r) => (layout === 'stack' ? total(r) : Math.max(0, ...series.map((s) => r.values[s.key] ?? 0)))));
  const pct = (v: number) => `${((100 * v) / max).toFixed(2)}%`;
  const barHeight = 12;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <svg width="12" height="12" class={s.tone}>
                <rect width="12" height="12" />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ul class="bars">
        {rows.map((r) => {
          let x = 0;
          const height = layout === 'stack' ? barHeight : barHeight * series.length + 2 * (series.length - 1);
          return (
            <li key={r.label}>
              <span class="bar-label">{r.label}</span>
              <svg aria-hidden="true" class="bar" width="100%" height={height}>
                {series.map((s, i) => {
                  const v = r.values[s.key] ?? 0;
                  const rect =
                    layout === 'stack' ? (
                      <rect key={s.key} class={s.tone} x={pct(x)} y="0" width={pct(v)} height={barHeight} />
                    ) : (
                      <rect key={s.key} class={s.tone} x="0" y={i * (barHeight + 2)} width={pct(v)} height={barHeight} />
                    );
                  x += v;
                  return rect;
                })}
              </svg>
              <span class="bar-value">{series.length === 1 ? format(r.values[series[0]!.key] ?? 0) : series.map((s) => `${s.label} ${format(r.values[s.key] ?? 0)}`).join(' · ')}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  /** right-aligned figures */
  numeric?: boolean;
}

/**
 * A report's table in a scrollable, focusable region (axe: scrollable regions must be reachable by keyboard).
 * Its first column names the row; on a narrow screen each row becomes a card under that name, each figure
 * beside its column's name, so a phone reads it without scrolling sideways.
 */
export function DataTable<T>({ caption, columns, rows }: { caption: string; columns: ReadonlyArray<Column<T>>; rows: readonly T[] }) {
  return (
    <TableRegion label={caption} tableClass="stacked figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" class={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c, j) =>
              j === 0 ? (
                <th key={c.header} scope="row" class={c.numeric ? 'num' : undefined}>
                  {c.cell(r)}
                </th>
              ) : (
                <td key={c.header} class={c.numeric ? 'num' : undefined}>
                  <CellLabel>{c.header}</CellLabel>
                  {c.cell(r)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
