import Type, { type TObject, type TSchema } from 'typebox';
import { Closed, GovernmentCode, Nullable, OneOf, PageOf, PageQuery, Pattern, QueryInt, StateName, Text, TitleWords, UNIT_CODE_PATTERN, UnitCode } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

/** `unitCode` of a create: the drafter's own unit by default; a drafter's Plt/Plh writes for the principal's. */
export const UnitCodeField = Type.Optional(
  Pattern(UNIT_CODE_PATTERN, 'a unit code such as diskominfo', {
    description: "The responsible unit; the drafter's own by default. A drafter's Plt/Plh writes for the principal's unit (the first they may write for by default)",
    example: 'diskominfo',
  }),
);

export const ListDocumentsQuery = Closed({
  state: Type.Optional(StateName('Only documents in this state')),
  unitCode: Type.Optional(UnitCode('Only documents of this unit')),
  governmentCode: Type.Optional(GovernmentCode("Only documents of this government, one of the list's `governments` (another gives an empty page)")),
  year: Type.Optional(QueryInt(1000, 9999, 'Only documents of this year')),
  q: Type.Optional(TitleWords('Only documents whose title holds every word, in any case and order')),
  ...PageQuery(100, 20),
});

export interface ActionRequestSchemas {
  /** The request body as the document shows it: one branch per action that takes data, one for the others. */
  body: TSchema;
  /** The branch a request of this action must match (the use case validates with it). */
  branchOf(action: string): TSchema;
  /** Only `action`, checked first so that an unknown action is told as such. */
  action: TSchema;
  takesData(action: string): boolean;
}

const pascal = (action: string) => action.toLowerCase().replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * POST .../actions: `{action, comment?, data?}`, where `data` is the schema of the action (required
 * unless the action is in `dataOptional`), and no data for the others.
 */
export function actionRequestSchemas(
  noun: string,
  actions: readonly string[],
  dataOf: Readonly<Record<string, TSchema>>,
  dataOptional: readonly string[] = [],
): ActionRequestSchemas {
  const comment = Type.Optional(Text({ min: 0, max: 4000, description: 'Required (not blank) for RETURN and REJECT; empty means none', example: 'Lengkapi indikator dan anggaran.' }));
  const branches = new Map<string, TSchema>(
    Object.entries(dataOf).map(([action, data]) => {
      const branch = Closed({ action: Type.Literal(action), comment, data });
      // not Type.Optional(data): that copies the schema, and the document would no longer name it
      if (dataOptional.includes(action)) (branch as { required: string[] }).required = branch.required.filter((key) => key !== 'data');
      return [action, named(`${noun}${pascal(action)}Request`, branch)];
    }),
  );
  const others = actions.filter((a) => !branches.has(a));
  const plain = named(
    `${noun}PlainActionRequest`,
    Closed({
      action: OneOf(others, { example: others.includes('APPROVE') ? 'APPROVE' : others[0] }),
      comment,
      data: Type.Optional(Closed({}, { description: 'These actions take no data' })),
    }),
  );
  return {
    body: named(`${noun}ActionRequest`, Type.Union([...branches.values(), plain])),
    branchOf: (action) => branches.get(action) ?? plain,
    action: Type.Object({ action: OneOf(actions) }),
    takesData: (action) => branches.has(action),
  };
}

/** Fields every document carries, whatever its kind. */
export const CommonDocumentFields = {
  id: Type.String({ format: 'uuid' }),
  state: Type.String({ description: 'Nested states dotted', examples: ['approval'] }),
  version: Type.Integer({ minimum: 1, description: 'Grows with every change; sent as ETag' }),
  contentVersion: Type.Integer({ minimum: 1 }),
  contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  governmentCode: Type.String({ examples: ['kaltim'] }),
  governmentName: Type.String({ description: "The drafting government's name (a province's bureaus also read their regencies' drafts)", examples: ['Pemerintah Provinsi Kalimantan Timur'] }),
  unitCode: Type.String({ examples: ['diskominfo'] }),
  unitName: Type.String({ description: 'The name of the drafting unit (OPD)', examples: ['Dinas Komunikasi dan Informatika'] }),
  timeZone: Type.String({ description: "The government's time zone", examples: ['Asia/Makassar'] }),
  createdBy: Type.String({ examples: ['kaltim.drafter'] }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  workflowVersion: Type.Integer({ minimum: 1, description: 'The machine version the instance runs on' }),
  allowedActions: Type.Array(Type.String(), { description: 'The actions the caller may fire now', examples: [['APPROVE', 'RETURN', 'REJECT']] }),
  deadline: Nullable(
    named(
      'Deadline',
      Type.Object(
        {
          stage: Type.String({ examples: ['approval'] }),
          dueAt: Type.String({ format: 'date-time' }),
          overdue: Type.Boolean(),
          dueSoon: Type.Boolean({
            description: "Not overdue, and due within 2 working days of the document's government (office hours and holidays): \"Segera jatuh tempo\", as the inbox and the reports count",
          }),
          explanation: Type.String({ examples: ['5 hari kerja sejak 2 Maret 2026 pukul 08.00 WITA, tanpa hari libur'] }),
        },
        { additionalProperties: false },
      ),
    ),
    { description: 'null in final states' },
  ),
};

export const HistoryEntrySchema = named(
  'HistoryEntry',
  Type.Object(
    {
      seq: Type.Integer({ minimum: 1 }),
      action: Type.String({ description: 'A workflow action, or CREATE and EDIT', examples: ['APPROVE'] }),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      actor: Type.String({ examples: ['kaltim.sekda'] }),
      actorName: Nullable(Type.String({ examples: ['Dr. Hj. Nurhayati Usman, M.Pd.'] }), { description: "The actor's name now (not part of the hashed entry); null for a username no longer known" }),
      onBehalfOf: Nullable(Type.String(), { description: 'The principal when the actor acted as their delegate' }),
      onBehalfOfName: Nullable(Type.String(), { description: "The principal's name now, when there is one" }),
      comment: Nullable(Type.String()),
      data: Nullable(Type.Object({}, { additionalProperties: true })),
      contentVersion: Type.Integer({ minimum: 1 }),
      contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
      at: Type.String({ format: 'date-time' }),
      hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    },
    { additionalProperties: false },
  ),
);

export const HistorySchema = named(
  'History',
  Type.Object(
    {
      entries: Type.Array(HistoryEntrySchema),
      chainValid: Type.Boolean(),
      firstInvalidSeq: Nullable(Type.Integer(), { description: 'The first entry whose hash does not hold, when the chain is broken' }),
      problem: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
);

export function versionListSchema(name: string, content: TSchema) {
  return named(
    name,
    Type.Object(
      {
        items: Type.Array(
          Type.Object(
            {
              version: Type.Integer({ minimum: 1 }),
              contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
              createdAt: Type.String({ format: 'date-time' }),
              createdBy: Type.String({ examples: ['kaltim.drafter'] }),
              createdByName: Type.String({
                examples: ['Rina Wulandari, S.Kom.'],
                description: "The saver's name now (a version refers to its saver's account, which is never deleted, so the name is always known)",
              }),
              content,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  );
}

/** A document schema without the fields list pages leave out (`summaryOmits` of its kind). */
export function summaryOf(name: string, document: TObject, omit: readonly string[]) {
  const properties = Object.fromEntries(Object.entries(document.properties).filter(([key]) => !omit.includes(key)));
  return named(name, Type.Object(properties, { additionalProperties: false }));
}

export const ListGovernmentSchema = named(
  'ListGovernment',
  Type.Object({ code: Type.String({ examples: ['paser'] }), name: Type.String({ examples: ['Pemerintah Kabupaten Paser'] }) }, { additionalProperties: false }),
);

export function documentListSchema(name: string, document: TSchema) {
  return named(
    name,
    PageOf(document, {
      governments: Type.Array(ListGovernmentSchema, {
        description:
          "The governments whose documents the caller may read in this list, their own first (a province's LEGAL: also the regencies and cities whose regulations it facilitates): what `governmentCode` filters by, whatever the page's filters",
      }),
    }),
  );
}
