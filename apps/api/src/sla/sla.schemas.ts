import Type, { type Static } from 'typebox';
import { MAX_ESCALATIONS } from '#workflow';
import { Closed, Nullable, OneOf } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

const Duration = (description: string, example: string) =>
  Type.String({ maxLength: 40, description: `${description}; ISO 8601: weeks, days, hours, minutes, seconds (no years or months), e.g. P5D, P1DT2H, PT30S`, examples: [example] });

const STAGE_NAME = '^[a-z_]{1,40}(\\.[a-z_]{1,40})?$';

const PolicyFields = {
  duration: Duration('How long the stage may take', 'P5D'),
  businessDays: Type.Boolean({ description: "true: days count working days in the government's time zone, holidays skipped", examples: [true] }),
  remindBefore: Duration('How long before the due time the actor is reminded', 'P1D'),
  escalateAfter: Duration('How long after the due time the superior is told', 'P1D'),
  escalateEvery: Duration('How often the escalation repeats', 'P2D'),
  maxEscalations: Type.Integer({ minimum: 0, maximum: MAX_ESCALATIONS, examples: [3] }),
};

/** One stage's change in a PUT: the fields sent replace the stage's current ones, the others stay. */
export const SlaStageChange = named('SlaStageChange', Closed(Type.Partial(Type.Object(PolicyFields)).properties, { minProperties: 1 }));

export const UpdateSlaBody = named(
  'UpdateSlaRequest',
  Closed({
    stages: Type.Unsafe<Record<string, Static<typeof SlaStageChange> | null>>({
      type: 'object',
      description: 'The stages to change, by state name (nested states dotted); null puts a stage back on the default',
      patternProperties: { [STAGE_NAME]: Nullable(SlaStageChange) },
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 40,
      examples: [{ approval: { duration: 'P3D' }, verification: null }],
    }),
  }),
);

export const SlaKindParam = OneOf(['quick-win', 'regulation'] as const, { description: 'The workflow kind', example: 'quick-win' });

const StageSla = named(
  'StageSla',
  Type.Object(
    {
      ...PolicyFields,
      isDefault: Type.Boolean({ description: 'true: the domain default (the government has set nothing for this stage)' }),
      updatedAt: Nullable(Type.String({ format: 'date-time' })),
      updatedBy: Nullable(Type.String({ examples: ['kaltim.admin'] })),
    },
    { additionalProperties: false },
  ),
);

export const SlaSchema = named(
  'Sla',
  Type.Object(
    {
      kind: OneOf(['quick-win', 'regulation'] as const),
      governmentCode: Type.String({ examples: ['kaltim'] }),
      stages: Type.Record(Type.String(), StageSla, { description: 'Every waiting stage of the kind, in workflow order' }),
    },
    { additionalProperties: false },
  ),
);
