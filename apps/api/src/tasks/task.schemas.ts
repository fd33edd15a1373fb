import Type from 'typebox';
import { Closed, GovernmentCode, Nullable, OneOf, Pattern, QueryInt, StateName, TitleWords, UnitCode } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';
import { ListGovernmentSchema } from '../documents/document.schemas.js';
import { TASK_CURSOR_PATTERN } from './task-cursor.js';

export const TasksQuerySchema = Closed({
  limit: Type.Optional(QueryInt(1, 200, 'At most this many tasks', 50)),
  kind: Type.Optional(OneOf(['quick-win', 'regulation'] as const, { description: 'Only tasks on documents of this kind', example: 'quick-win' })),
  state: Type.Optional(StateName('Only tasks in this state')),
  governmentCode: Type.Optional(GovernmentCode("Only tasks on documents of this government (a task's `governmentCode`), one of the answer's `governments` (another gives no task)")),
  unitCode: Type.Optional(UnitCode("Only tasks on documents of this unit (a task's `unitCode`), in the document's government")),
  overdue: Type.Optional(Type.Boolean({ description: 'true: only the overdue tasks (due at or before now); false: only those that are not' })),
  q: Type.Optional(TitleWords('Only tasks on documents whose title holds every word, in any case and order')),
  after: Type.Optional(
    Pattern(TASK_CURSOR_PATTERN, "the next of an earlier page of tasks", {
      description: 'The `next` of the page before (with the same filters): the tasks that come after its last, in the same order',
      maxLength: 80,
      example: '1765000000123456.1764990000000000.3f9c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f',
    }),
  ),
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
  Type.Object(
    {
      items: Type.Array(TaskSchema),
      limit: Type.Integer({ minimum: 1, maximum: 200 }),
      next: Nullable(Type.String(), {
        description:
          'Pass as `after` for the tasks that come after these; null when no more wait. A page may be shorter than `limit` and still have a next (the inbox stopped reading candidates the caller cannot act on).',
        examples: [null],
      }),
      governments: Type.Array(ListGovernmentSchema, {
        description:
          "The governments whose documents the caller's tasks can be on, their own first (a province's LEGAL, and its Plt/Plh: also the regencies and cities whose regulations it facilitates): what `governmentCode` narrows to, whatever the page's filters",
      }),
    },
    { additionalProperties: false },
  ),
);
