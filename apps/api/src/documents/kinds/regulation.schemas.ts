import Type from 'typebox';
import { MAX_COORDINATION_UNITS, PARTICIPANT_STATUSES, REGULATION_ACTIONS } from '#workflow';
import { Closed, DateOnly, Nullable, OneOf, Pattern, Text, UNIT_CODE_PATTERN } from '../../common/contract/fields.js';
import { named } from '../../common/contract/schema-names.js';
import { actionRequestSchemas, CommonDocumentFields, documentListSchema, summaryOf, UnitCodeField, versionListSchema } from '../document.schemas.js';

const { id: DocumentId, ...DocumentFields } = CommonDocumentFields;

const ContentFields = {
  title: Text({ min: 3, max: 300, nonBlank: true, description: 'What follows "tentang"', example: 'Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur' }),
  legalBasis: Type.Array(Text({ max: 500, nonBlank: true }), { minItems: 1, maxItems: 50, examples: [['Peraturan Menteri PANRB Nomor 7 Tahun 2022']] }),
  body: Text({ max: 200_000, nonBlank: true, description: 'The draft text', example: 'Pasal 1\nDalam Peraturan Gubernur ini yang dimaksud dengan ...' }),
  targetDate: Type.Optional(
    DateOnly('2026-12-31', "The date by which it must be enacted. Set or changed, it is today or later in the government's zone (400 VALIDATION_FAILED otherwise); a stored date that has passed since may be sent unchanged"),
  ),
};

export const RegulationContentSchema = named('RegulationContent', Closed(ContentFields));
export const CreateRegulationBody = named('CreateRegulationRequest', Closed({ ...ContentFields, unitCode: UnitCodeField }));
export const UpdateRegulationBody = named(
  'UpdateRegulationRequest',
  Closed(Type.Partial(Type.Object(ContentFields)).properties, { minProperties: 1, description: 'The fields to change; the others stay' }),
);

export const HarmonizationReportData = named(
  'HarmonizationReport',
  Closed({
    reportNumber: Text({ max: 200, nonBlank: true, description: 'Nomor Berita Acara Selesai Harmonisasi', example: 'W18-PP.04.02-123' }),
    reportDate: DateOnly('2026-05-04'),
  }),
);

export const PublicationData = named(
  'Publication',
  Closed({
    url: Type.Optional(Pattern('^https?://[^\\s]+$', 'an http or https address', { description: 'Where the JDIH publishes it', maxLength: 2000, example: 'https://jdih.kaltimprov.go.id/produk-hukum/sistem-kerja' })),
  }),
);

const COMPLETION_KINDS = ['ALL', 'AT_LEAST'] as const;

/** When paraf koordinasi is complete: `{ kind: "ALL" }` or `{ kind: "AT_LEAST", n }` (n: 1 to the number named). */
export const CompletionRuleRequest = named(
  'CompletionRuleRequest',
  Type.Object(
    {
      kind: OneOf(COMPLETION_KINDS, { example: 'ALL' }),
      n: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_COORDINATION_UNITS, description: 'AT_LEAST only: how many OPDs must initial', examples: [2] })),
    },
    // the server refuses n with ALL itself, saying why
    { additionalProperties: false, if: Type.Object({ kind: Type.Literal('AT_LEAST') }), then: Type.Object({}, { required: ['n'] }) },
  ),
);

/** `data` of REQUEST_HARMONIZATION: optionally the OPDs concerned (OPD terkait) that initial the draft in parallel (workflow version 2). */
export const HarmonizationRequestData = named(
  'HarmonizationRequest',
  Closed({
    coordination: Type.Optional(
      named(
        'CoordinationRequest',
        Closed({
          units: Type.Array(Pattern(UNIT_CODE_PATTERN, 'a unit code such as inspektorat'), {
            minItems: 1,
            maxItems: MAX_COORDINATION_UNITS,
            uniqueItems: true,
            description: `1-${MAX_COORDINATION_UNITS} unit codes of the document's government, not the drafting unit`,
            examples: [['inspektorat', 'biro-organisasi']],
          }),
          rule: CompletionRuleRequest,
        }),
      ),
    ),
  }),
);

export const RegulationActionRequests = actionRequestSchemas('Regulation', REGULATION_ACTIONS, {
  REQUEST_HARMONIZATION: HarmonizationRequestData,
  RECORD_HARMONIZATION: HarmonizationReportData,
  PUBLISH: PublicationData,
}, ['REQUEST_HARMONIZATION']);

export const CoordinationSchema = named(
  'Coordination',
  Type.Object(
    {
      rule: Type.Union([
        Type.Object({ kind: Type.Literal('ALL') }, { additionalProperties: false }),
        Type.Object({ kind: Type.Literal('AT_LEAST'), n: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      ]),
      outcome: OneOf(['OPEN', 'COMPLETED', 'RETURNED', 'UNREACHABLE', 'WITHDRAWN'] as const, { description: 'OPEN while answers are awaited, else how the round ended' }),
      explanation: Nullable(Type.String(), { description: 'Why the round went to revision without a RETURN (the rule could no longer be met)' }),
      participants: Type.Array(
        Type.Object(
          {
            unitCode: Type.String({ examples: ['inspektorat'] }),
            unitName: Type.String({ examples: ['Inspektorat Daerah'] }),
            status: OneOf(PARTICIPANT_STATUSES),
            actor: Nullable(Type.String()),
            onBehalfOf: Nullable(Type.String()),
            at: Nullable(Type.String({ format: 'date-time' })),
            comment: Nullable(Type.String()),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);

export const RegulationSchema = named(
  'Regulation',
  Type.Object(
    {
      id: DocumentId,
      kind: Type.Literal('regulation'),
      title: ContentFields.title,
      legalBasis: ContentFields.legalBasis,
      body: ContentFields.body,
      targetDate: Nullable(Type.String({ format: 'date' })),
      type: OneOf(['PERGUB', 'PERBUP', 'PERWALI'] as const),
      harmonization: Nullable(
        Type.Object(
          { ...HarmonizationReportData.properties, recordedBy: Type.String(), recordedAt: Type.String({ format: 'date-time' }) },
          { additionalProperties: false },
        ),
      ),
      number: Nullable(Type.Integer({ minimum: 1 }), { description: 'Once promulgated' }),
      year: Nullable(Type.Integer(), { description: 'Once promulgated' }),
      gazetteNumber: Nullable(Type.Integer({ minimum: 1 }), { description: 'Nomor Berita Daerah, once promulgated' }),
      officialTitle: Nullable(Type.String(), { examples: ['Peraturan Gubernur Kalimantan Timur Nomor 1 Tahun 2026 tentang Sistem Kerja ...'] }),
      promulgatedAt: Nullable(Type.String({ format: 'date-time' })),
      publication: Nullable(
        Type.Object(
          { url: Nullable(Type.String()), publishedBy: Type.String(), publishedAt: Type.String({ format: 'date-time' }) },
          { additionalProperties: false },
        ),
      ),
      coordination: Nullable(CoordinationSchema, { description: 'The paraf koordinasi of the OPDs concerned; null when none were named' }),
      ...DocumentFields,
    },
    { additionalProperties: false },
  ),
);

/** A regulation as list pages show it: without its body (`GET /api/regulations/:id` carries it). */
export const RegulationSummarySchema = summaryOf('RegulationSummary', RegulationSchema, ['body']);
export const RegulationListSchema = documentListSchema('RegulationList', RegulationSummarySchema);
export const RegulationVersionsSchema = versionListSchema('RegulationVersions', RegulationContentSchema);
