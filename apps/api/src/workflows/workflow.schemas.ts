import Type from 'typebox';
import { ALL_ACTOR_SCOPES, ALL_ROLES } from '#workflow';
import { Nullable, OneOf } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const WorkflowKindParam = OneOf(['quick-win', 'regulation'] as const, { description: 'The workflow kind', example: 'quick-win' });

const TargetSchema = Type.Object({ state: Type.String(), guard: Nullable(Type.String()) }, { additionalProperties: false });

const StateAction = named(
  'WorkflowStateAction',
  Type.Object(
    {
      action: Type.String({ examples: ['APPROVE'] }),
      roles: Type.Array(OneOf(ALL_ROLES)),
      scope: OneOf(ALL_ACTOR_SCOPES),
      separationOfDuties: Type.Boolean(),
      commentRequired: Type.Boolean(),
      target: Nullable(Type.String(), { description: 'The target when it does not depend on a guard, else null (see targets)' }),
      targets: Type.Array(TargetSchema),
    },
    { additionalProperties: false },
  ),
);

export const WorkflowSchema = named(
  'Workflow',
  Type.Object(
    {
      kind: Type.String({ examples: ['quick-win'] }),
      version: Type.Integer({ minimum: 1 }),
      label: Type.String({ examples: ['Quick Win'] }),
      initial: Type.String({ examples: ['draft'] }),
      states: Type.Array(
        Type.Object(
          {
            name: Type.String(),
            final: Type.Boolean(),
            stage: Nullable(Type.String()),
            actions: Type.Array(StateAction),
            multiInstance: Type.Boolean({ description: 'Several actors act in this stage, each once (e.g. paraf koordinasi)' }),
            eventless: Type.Array(TargetSchema, { description: 'Where the state moves by itself when a guard holds' }),
          },
          { additionalProperties: false },
        ),
      ),
      actions: Type.Array(
        Type.Object(
          { action: Type.String(), separationOfDuties: Type.Boolean(), commentRequired: Type.Boolean(), states: Type.Array(Type.String()) },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);

export const WorkflowListSchema = named('WorkflowList', Type.Object({ items: Type.Array(WorkflowSchema) }, { additionalProperties: false }));
