import Type, { type Static } from 'typebox';
import { Closed, DateOnly, OneOf, Pattern } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const REPORT_NAMES = ['stage-times', 'open-by-sla', 'throughput', 'workload', 'quick-wins'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /api/reports/:name?year=&kind=&unitCode=&from=&to=&format=` (strings as they arrive). */
export const ReportQuery = Closed({
  year: Type.Optional(Pattern('^(19[7-9]\\d|2\\d{3})$', 'a year from 1970 to 2999', { description: "Calendar year (default: this year in the government's zone, unless from/to are given)", example: '2026' })),
  kind: Type.Optional(OneOf(['quick-win', 'regulation'] as const)),
  unitCode: Type.Optional(Pattern('^[a-z0-9][a-z0-9-]{0,62}$', 'a unit code such as diskominfo', { description: "One unit (OPD) of the caller's government", example: 'diskominfo' })),
  from: Type.Optional(DateOnly('2026-01-01', 'First day (inclusive)')),
  to: Type.Optional(DateOnly('2026-06-30', 'Last day (inclusive)')),
  format: Type.Optional(OneOf(REPORT_FORMATS, { description: 'json (default), csv or xlsx' })),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportNameParam = OneOf(REPORT_NAMES, { example: 'stage-times' });

/** The JSON of a report: its scope and its tables, whose columns differ by report (README "Reports"). */
export const ReportSchema = named(
  'Report',
  Type.Object(
    { governmentCode: Type.String({ examples: ['kaltim'] }) },
    { additionalProperties: true, description: 'The scope (governmentCode, units, period) and the tables of the report named in the path' },
  ),
);
