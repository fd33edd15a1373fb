import Type from 'typebox';
import { ALL_QUICK_WIN_AREAS, ALL_QUICK_WIN_CATEGORIES, MAX_EVIDENCE_PER_REPORT, QUICK_WIN_ACTIONS } from '#workflow';
import { Closed, DateOnly, Nullable, OneOf, Pattern, Text } from '../../common/contract/fields.js';
import { named } from '../../common/contract/schema-names.js';
import { actionRequestSchemas, CommonDocumentFields, documentListSchema, summaryOf, UnitCodeField, versionListSchema } from '../document.schemas.js';

const { id: DocumentId, ...DocumentFields } = CommonDocumentFields;

const ContentFields = {
  title: Text({ min: 3, max: 200, nonBlank: true, example: 'Layanan Perizinan Terpadu Satu Pintu Daring' }),
  description: Text({ max: 5000, nonBlank: true, example: 'Permohonan izin usaha diajukan dan dilacak secara daring tanpa datang ke kantor.' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100, examples: [2026] }),
  category: OneOf(ALL_QUICK_WIN_CATEGORIES, { example: 'RB_TEMATIK' }),
  area: OneOf(ALL_QUICK_WIN_AREAS, { description: 'One of the areas of the category', example: 'DIGITALISASI_ADMINISTRASI' }),
  indicator: Text({ max: 500, nonBlank: true, example: 'Persentase layanan perizinan yang dapat diajukan secara daring' }),
  target: named(
    'QuickWinTarget',
    Closed({
      value: Type.Number({ minimum: 0, maximum: 1e12, examples: [100] }),
      unit: Text({ max: 100, nonBlank: true, example: 'persen layanan daring' }),
    }),
  ),
  output: Text({ max: 1000, nonBlank: true, example: 'Aplikasi perizinan daring yang dipakai di seluruh kecamatan' }),
  startDate: DateOnly('2026-01-05'),
  endDate: DateOnly('2026-12-31', 'At most 12 months after startDate'),
  budget: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Whole rupiah', examples: [150000000] }),
};

export const QuickWinContentSchema = named('QuickWinContent', Closed(ContentFields));
export const CreateQuickWinBody = named('CreateQuickWinRequest', Closed({ ...ContentFields, unitCode: UnitCodeField }));
export const UpdateQuickWinBody = named(
  'UpdateQuickWinRequest',
  Closed(Type.Partial(Type.Object(ContentFields)).properties, { minProperties: 1, description: 'The fields to change; the others stay' }),
);

export const ProgressReportData = named(
  'ProgressReport',
  Closed({
    period: Pattern('^\\d{4}-(0[1-9]|1[0-2])$', 'a month written YYYY-MM', { example: '2026-03' }),
    percent: Type.Number({ minimum: 0, maximum: 100, examples: [40] }),
    realization: Text({ max: 2000, nonBlank: true, example: 'Aplikasi perizinan daring sudah dipakai di tiga kecamatan.' }),
    supportingFactors: Type.Optional(Text({ min: 0, max: 2000, example: 'Dukungan pimpinan daerah' })),
    inhibitingFactors: Type.Optional(Text({ min: 0, max: 2000, example: 'Jaringan internet belum merata' })),
    evidence: Type.Optional(Type.Array(Text({ min: 0, max: 500 }), { maxItems: MAX_EVIDENCE_PER_REPORT, examples: [['https://diskominfo.kaltimprov.go.id/laporan/2026-03.pdf']] })),
  }),
);

export const EvaluationData = named(
  'Evaluation',
  Closed({
    score: Type.Number({ minimum: 0, maximum: 100, examples: [87.5] }),
    notes: Text({ max: 5000, nonBlank: true, example: 'Manfaat dirasakan masyarakat; waktu layanan turun dari 14 hari menjadi 3 hari.' }),
  }),
);

export const QuickWinActionRequests = actionRequestSchemas('QuickWin', QUICK_WIN_ACTIONS, {
  REPORT_PROGRESS: ProgressReportData,
  EVALUATE: EvaluationData,
});

const ContentView = Type.Object(ContentFields).properties;

export const QuickWinSchema = named(
  'QuickWin',
  Type.Object(
    {
      id: DocumentId,
      kind: Type.Literal('quick-win'),
      ...ContentView,
      progressReports: Type.Array(
        Type.Object(
          {
            ...ProgressReportData.properties,
            reportedBy: Type.String({ examples: ['kaltim.drafter'] }),
            reportedAt: Type.String({ format: 'date-time' }),
          },
          { additionalProperties: false },
        ),
      ),
      evaluation: Nullable(
        Type.Object(
          { ...EvaluationData.properties, evaluatedBy: Type.String({ examples: ['kaltim.inspektur'] }), evaluatedAt: Type.String({ format: 'date-time' }) },
          { additionalProperties: false },
        ),
      ),
      ...DocumentFields,
    },
    { additionalProperties: false },
  ),
);

/** A Quick Win as list pages show it: without its progress reports (`GET /api/quick-wins/:id` carries them). */
export const QuickWinSummarySchema = summaryOf('QuickWinSummary', QuickWinSchema, ['progressReports']);
export const QuickWinListSchema = documentListSchema('QuickWinList', QuickWinSummarySchema);
export const QuickWinVersionsSchema = versionListSchema('QuickWinVersions', QuickWinContentSchema);
