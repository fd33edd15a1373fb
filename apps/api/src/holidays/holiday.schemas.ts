import Type from 'typebox';
import { Closed, DateOnly, GOVERNMENT_CODE_PATTERN, Nullable, Pattern, Text } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const CreateHolidayBody = named(
  'CreateHolidayRequest',
  Closed({
    date: DateOnly('2026-01-09', 'YYYY-MM-DD'),
    name: Text({ max: 200, nonBlank: true, example: 'Hari Ulang Tahun Provinsi Kalimantan Timur' }),
    governmentCode: Nullable(Pattern(GOVERNMENT_CODE_PATTERN, 'a government code such as kaltim, or null', { example: 'kaltim' }), {
      description: "The caller's own government, or null for a national holiday (a PROVINCE's ADMIN only); required",
    }),
  }),
);

export const ListHolidaysQuery = Closed({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999, description: 'Only this year', examples: [2026] })),
});

const HolidayFields = {
  id: Type.String({ format: 'uuid' }),
  date: Type.String({ format: 'date', examples: ['2026-08-17'] }),
  name: Type.String({ examples: ['Hari Proklamasi Kemerdekaan Republik Indonesia'] }),
  governmentCode: Nullable(Type.String(), { description: 'null: national', examples: [null] }),
};

export const HolidaySchema = named('Holiday', Type.Object(HolidayFields, { additionalProperties: false }));

export const HolidayListSchema = named(
  'HolidayList',
  Type.Object(
    {
      items: Type.Array(HolidaySchema),
      missingNationalYears: Type.Array(Type.Integer(), {
        description:
          "This year and, from 1 October, the next (in the caller's government's zone) when no national holiday is entered for it: working-day deadlines in such a year would count every weekday as a working day. A province's ADMIN adds them.",
        examples: [[2028]],
      }),
    },
    { additionalProperties: false },
  ),
);

export const HolidayChangeSchema = named(
  'HolidayChange',
  Type.Object(
    {
      ...HolidayFields,
      rescheduledDeadlines: Type.Integer({ minimum: 0, description: 'Pending working-day deadlines whose times or explanation changed' }),
    },
    { additionalProperties: false },
  ),
);
