import Type from 'typebox';
import { REGULATION_ACTIONS } from '#workflow';
import { Closed, DateOnly, Nullable, OneOf, Pattern, Text } from '../../common/contract/fields.js';
import { named } from '../../common/contract/schema-names.js';
import { actionRequestSchemas, CommonDocumentFields, documentListSchema, UnitCodeField, versionListSchema } from '../document.schemas.js';

const { id: DocumentId, ...DocumentFields } = CommonDocumentFields;

const ContentFields = {
  title: Text({ min: 3, max: 300, description: 'What follows "tentang"', example: 'Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur' }),
  legalBasis: Type.Array(Text({ max: 500 }), { maxItems: 50, examples: [['Peraturan Menteri PANRB Nomor 7 Tahun 2022']] }),
  body: Text({ max: 200_000, description: 'The draft text', example: 'Pasal 1\nDalam Peraturan Gubernur ini yang dimaksud dengan ...' }),
  targetDate: Type.Optional(DateOnly('2026-12-31')),
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
    reportNumber: Text({ max: 200, description: 'Nomor Berita Acara Selesai Harmonisasi', example: 'W18-PP.04.02-123' }),
    reportDate: DateOnly('2026-05-04'),
  }),
);

export const PublicationData = named(
  'Publication',
  Closed({
    url: Type.Optional(Pattern('^https?://[^\\s]+$', 'an http or https address', { description: 'Where the JDIH publishes it', maxLength: 2000, example: 'https://jdih.kaltimprov.go.id/produk-hukum/sistem-kerja' })),
  }),
);

export const RegulationActionRequests = actionRequestSchemas('Regulation', REGULATION_ACTIONS, {
  RECORD_HARMONIZATION: HarmonizationReportData,
  PUBLISH: PublicationData,
});

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
      ...DocumentFields,
    },
    { additionalProperties: false },
  ),
);

export const RegulationListSchema = documentListSchema('RegulationList', RegulationSchema);
export const RegulationVersionsSchema = versionListSchema('RegulationVersions', RegulationContentSchema);
