import Type from 'typebox';
import { Closed, DateTime, GovernmentCode, Nullable, OneOf, Pattern, Text } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const SUBORDINATE_LEVELS = ['REGENCY', 'CITY'] as const;

const Code = GovernmentCode('Never changes');
const Name = (example: string) => Text({ max: 200, nonBlank: true, example });
const Level = Type.Unsafe<(typeof SUBORDINATE_LEVELS)[number]>({
  type: 'string',
  enum: [...SUBORDINATE_LEVELS],
  'x-shape': 'REGENCY or CITY (the province is created by the bootstrap command)',
  description: 'A province comes from the bootstrap command only',
  examples: ['REGENCY'],
});
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone: Asia/Jakarta (WIB), Asia/Pontianak, Asia/Makassar (WITA), Asia/Jayapura (WIT)',
  examples: ['Asia/Makassar'],
});

export const CreateGovernmentBody = named(
  'CreateGovernmentRequest',
  Closed({
    code: Code,
    name: Name('Pemerintah Kabupaten Paser'),
    regionName: Text({ max: 200, nonBlank: true, description: 'The region as regulation titles name it', example: 'Paser' }),
    level: Level,
    timeZone: TimeZone,
  }),
);

export const UpdateGovernmentBody = named(
  'UpdateGovernmentRequest',
  Closed(
    {
      name: Type.Optional(Name('Pemerintah Kabupaten Paser')),
      regionName: Type.Optional(Text({ max: 200, nonBlank: true, example: 'Paser' })),
      level: Type.Optional(Level),
      timeZone: Type.Optional(TimeZone),
    },
    { description: "The fields to change; the others stay. level: a regency's or city's only" },
  ),
);

export const GovernmentSchema = named(
  'Government',
  Type.Object(
    {
      code: Type.String({ examples: ['paser'] }),
      name: Type.String({ examples: ['Pemerintah Kabupaten Paser'] }),
      regionName: Type.String({ examples: ['Paser'] }),
      level: OneOf(['PROVINCE', 'REGENCY', 'CITY'] as const),
      parentCode: Nullable(Type.String(), { examples: ['kaltim'] }),
      timeZone: Type.String({ examples: ['Asia/Makassar'] }),
      createdAt: DateTime(),
    },
    { additionalProperties: false },
  ),
);

export const GovernmentListSchema = named('GovernmentList', Type.Object({ items: Type.Array(GovernmentSchema) }, { additionalProperties: false }));

export const CreateUnitBody = named(
  'CreateUnitRequest',
  Closed({
    code: Pattern('^[a-z0-9-]{2,60}$', '2-60 lowercase letters, digits or hyphens', { description: 'Unique in the government; never changes', example: 'diskominfo' }),
    name: Name('Dinas Komunikasi dan Informatika'),
  }),
);

export const UpdateUnitBody = named(
  'UpdateUnitRequest',
  Closed({
    name: Type.Optional(Name('Dinas Komunikasi, Informatika, Statistik dan Persandian')),
    headUsername: Type.Optional(
      Nullable(Pattern('^[a-z0-9._-]{1,60}$', 'a username or null', { example: 'paser.rizal' }), {
        description: 'The head of the unit (Kepala OPD) that escalations of its drafters reach: an active person of this unit; null removes it',
      }),
    ),
  }),
);

export const UnitSchema = named(
  'Unit',
  Type.Object(
    {
      code: Type.String({ examples: ['diskominfo'] }),
      name: Type.String({ examples: ['Dinas Komunikasi dan Informatika'] }),
      governmentCode: Type.String({ examples: ['paser'] }),
      headUsername: Nullable(Type.String(), { examples: ['paser.rizal'] }),
      createdAt: DateTime(),
    },
    { additionalProperties: false },
  ),
);

export const UnitListSchema = named('UnitList', Type.Object({ items: Type.Array(UnitSchema) }, { additionalProperties: false }));

/** A unit as every signed-in user of its government may know it: the list pages filter by it. */
export const UnitNameSchema = named(
  'UnitName',
  Type.Object(
    {
      code: Type.String({ examples: ['diskominfo'] }),
      name: Type.String({ examples: ['Dinas Komunikasi dan Informatika'] }),
    },
    { additionalProperties: false },
  ),
);

export const UnitDirectoryParams = Closed({
  governmentCode: Type.Optional(GovernmentCode("Another government whose documents the caller's lists read (one of a list's `governments`); the caller's own by default")),
});

export const UnitDirectorySchema = named('UnitDirectory', Type.Object({ items: Type.Array(UnitNameSchema) }, { additionalProperties: false }));
