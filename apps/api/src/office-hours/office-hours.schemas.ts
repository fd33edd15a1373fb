import Type from 'typebox';
import { WEEKDAY_NAMES } from '#workflow';
import { Closed, DateTime, Nullable, Pattern } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

const OfficeDayRequest = named(
  'OfficeDay',
  Closed({
    opens: Pattern('^([01]\\d|2[0-3]):[0-5]\\d$', 'a time HH:MM from 00:00 to 23:59', { example: '07:30' }),
    closes: Pattern('^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', 'a time HH:MM from 00:01 to 24:00, later than opens', { example: '16:00' }),
  }),
);

const EXAMPLE: Record<string, { opens: string; closes: string } | null> = {
  monday: { opens: '07:30', closes: '16:00' },
  tuesday: { opens: '07:30', closes: '16:00' },
  wednesday: { opens: '07:30', closes: '16:00' },
  thursday: { opens: '07:30', closes: '16:00' },
  friday: { opens: '07:30', closes: '16:30' },
  saturday: null,
  sunday: null,
};

/** All seven weekdays, each `{opens, closes}` or null (closed). */
export const OfficeWeekSchema = named(
  'OfficeWeek',
  Type.Object(Object.fromEntries(WEEKDAY_NAMES.map((day) => [day, Nullable(OfficeDayRequest, { description: 'null: closed' })])), {
    additionalProperties: false,
    examples: [EXAMPLE],
  }),
);

export const UpdateOfficeHoursBody = named(
  'UpdateOfficeHoursRequest',
  Closed({
    days: Nullable(OfficeWeekSchema, { description: 'All seven days, at least one open, each closing after it opens; null: back to the national ASN hours' }),
  }),
);

const OfficeHoursFields = {
  governmentCode: Type.String({ examples: ['paser'] }),
  timeZone: Type.String({ examples: ['Asia/Makassar'] }),
  isDefault: Type.Boolean({ description: 'true: the government has none of its own; the national ASN hours apply' }),
  days: OfficeWeekSchema,
  updatedAt: Nullable(DateTime()),
  updatedBy: Nullable(Type.String(), { description: 'username', examples: ['paser.admin'] }),
};

export const OfficeHoursSchema = named('OfficeHours', Type.Object(OfficeHoursFields, { additionalProperties: false }));

export const OfficeHoursChangeSchema = named(
  'OfficeHoursChange',
  Type.Object(
    {
      ...OfficeHoursFields,
      rescheduledDeadlines: Type.Integer({ minimum: 0, description: "Pending working-day deadlines of the government whose times or explanation changed" }),
    },
    { additionalProperties: false },
  ),
);
