import Type from 'typebox';
import { Closed, Nullable, OneOf, QueryInt } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const TasksQuerySchema = Closed({
  limit: Type.Optional(QueryInt(1, 200, 'At most this many tasks', 50)),
});

export const TaskSchema = named(
  'Task',
  Type.Object(
    {
      kind: OneOf(['quick-win', 'regulation'] as const, { example: 'quick-win' }),
      id: Type.String({ format: 'uuid' }),
      title: Type.String({ examples: ['Layanan Perizinan Terpadu Satu Pintu Daring'] }),
      state: Type.String({ examples: ['approval'] }),
      governmentCode: Type.String({ examples: ['kaltim'] }),
      governmentName: Type.String({ description: "The document's government", examples: ['Pemerintah Provinsi Kalimantan Timur'] }),
      unitCode: Type.String({ examples: ['diskominfo'] }),
      unitName: Type.String({ description: 'The drafting unit (OPD)', examples: ['Dinas Komunikasi dan Informatika'] }),
      dueAt: Nullable(Type.String({ format: 'date-time' })),
      overdue: Type.Boolean(),
      dueSoon: Type.Boolean({
        description: "Not overdue, and due within 2 working days of the document's government (office hours and holidays): the reports' \"Segera jatuh tempo\"",
      }),
      explanation: Nullable(Type.String(), {
        description: 'The deadline explained in Bahasa Indonesia',
        examples: ['3 hari kerja, dihitung sejak 2 Maret 2026 pukul 08.00 WITA, hingga akhir jam kerja'],
      }),
      timeZone: Type.String({ description: "The zone of the document's government", examples: ['Asia/Makassar'] }),
      allowedActions: Type.Array(Type.String(), { examples: [['APPROVE', 'RETURN', 'REJECT']] }),
      onBehalfOf: Nullable(Type.String(), { description: 'The principal the caller would act for, when only a delegation (Plt/Plh) lets them act', examples: [null] }),
    },
    { additionalProperties: false },
  ),
);

export const TaskListSchema = named(
  'TaskList',
  Type.Object({ items: Type.Array(TaskSchema), limit: Type.Integer({ minimum: 1, maximum: 200 }) }, { additionalProperties: false }),
);
