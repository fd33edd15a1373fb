import Type from 'typebox';
import { named } from '../common/contract/schema-names.js';

const Checks = Type.Record(
  Type.String(),
  Type.Object({ status: Type.Union([Type.Literal('up'), Type.Literal('down')]), message: Type.Optional(Type.String()) }),
  { examples: [{ postgres: { status: 'up' }, redis: { status: 'up' } }] },
);

export const HealthSchema = named(
  'Health',
  Type.Object(
    {
      status: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('shutting_down')]),
      info: Type.Optional(Checks),
      error: Type.Optional(Checks),
      details: Checks,
    },
    { additionalProperties: false },
  ),
);
