import Type from 'typebox';
import { ALL_ROLES } from '#workflow';
import { Closed, DateTime, Nullable, OneOf, PageOf, PageQuery, Text, Username } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const DELEGATION_KINDS = ['PLT', 'PLH'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];
export const DELEGATION_STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'REVOKED'] as const;

/** POST /api/delegations: the caller (or, for an ADMIN, `principal`) lets `delegate` act in `role` for a window. */
export const CreateDelegationBody = named(
  'CreateDelegationRequest',
  Closed({
    delegate: Username('Username of the acting official (Plt/Plh), of the same government', 'kaltim.plh'),
    role: OneOf(ALL_ROLES, { description: "One of the principal's own roles", example: 'SECRETARY' }),
    startsAt: DateTime('2026-03-02T08:00:00+08:00', 'Start of the window (inclusive), ISO 8601 with offset'),
    endsAt: DateTime('2026-03-06T16:00:00+08:00', 'End of the window (exclusive), after startsAt and in the future'),
    reason: Text({ max: 1000, nonBlank: true, description: 'Why, e.g. the number of the Surat Perintah', example: 'Sekda dinas luar ke Jakarta (SPT 800/123/2026)' }),
    kind: OneOf(DELEGATION_KINDS, { description: 'PLT (pelaksana tugas) or PLH (pelaksana harian)', example: 'PLH' }),
    principal: Type.Optional(Username('ADMIN only: the username of the principal (of the same government) whose role is delegated', 'kaltim.sekda')),
  }),
);

export const ListDelegationsQuery = Closed({
  active: Type.Optional(Type.Boolean({ description: 'true: only delegations in force now (not revoked, now inside the window); false: only the others' })),
  ...PageQuery(100, 50),
});

export const DelegationSchema = named(
  'Delegation',
  Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      governmentCode: Type.String({ examples: ['kaltim'] }),
      principal: Type.String({ examples: ['kaltim.sekda'] }),
      principalName: Type.String({ examples: ['Dr. Hj. Nurhayati Usman, M.Pd.'] }),
      delegate: Type.String({ examples: ['kaltim.plh'] }),
      delegateName: Type.String({ examples: ['H. Ahmad Zulkifli, S.H., M.Si.'] }),
      role: OneOf(ALL_ROLES),
      kind: OneOf(DELEGATION_KINDS),
      reason: Type.String({ examples: ['Sekda dinas luar ke Jakarta (SPT 800/123/2026)'] }),
      startsAt: Type.String({ format: 'date-time' }),
      endsAt: Type.String({ format: 'date-time' }),
      status: OneOf(DELEGATION_STATUSES),
      active: Type.Boolean({ description: 'status is ACTIVE' }),
      createdBy: Type.String({ examples: ['kaltim.sekda'] }),
      createdAt: Type.String({ format: 'date-time' }),
      revokedAt: Nullable(Type.String({ format: 'date-time' })),
      revokedBy: Nullable(Type.String()),
    },
    { additionalProperties: false },
  ),
);

export const DelegationListSchema = named('DelegationList', PageOf(DelegationSchema));
