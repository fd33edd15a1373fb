import Type from 'typebox';
import { WorkerHealthProblem } from '#queue';
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

export const WorkerHealthSchema = named(
  'WorkerHealth',
  Type.Object(
    {
      status: Type.Union([Type.Literal('ok'), Type.Literal('late')], { description: 'late: reminders, escalations and notifications are not flowing (see problems)' }),
      problems: Type.Array(Type.Union(Object.values(WorkerHealthProblem).map((problem) => Type.Literal(problem))), {
        description:
          'NO_LIVE_WORKER: no worker process said it was alive in the last 30 s; OUTBOX_LAGGING: a transition has waited more than 60 s for the relay; RECONCILER_STALLED: no live worker finished a reconciler pass within three of its intervals and 5 minutes, so reminders and escalations further off than the next hour are not being queued',
      }),
      liveWorkers: Type.Integer({ minimum: 0, description: 'Worker processes seen in the last 30 s' }),
      lastSeenSecondsAgo: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'Since any worker was last seen (within the last hour), else null' }),
      outbox: Type.Object(
        {
          pending: Type.Integer({ minimum: 0, description: 'Rows waiting for the relay, counted up to 100,000' }),
          pendingCapped: Type.Boolean({ description: 'true when more rows wait than pending says (the count stopped at 100,000)' }),
          oldestPendingSeconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: "The oldest waiting row's age; null when none waits" }),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false, examples: [{ status: 'ok', problems: [], liveWorkers: 1, lastSeenSecondsAgo: 2.4, outbox: { pending: 0, pendingCapped: false, oldestPendingSeconds: null } }] },
  ),
);
