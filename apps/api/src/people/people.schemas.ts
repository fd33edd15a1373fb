import Type from 'typebox';
import { ALL_ROLES, DeploymentRole } from '#workflow';
import { Closed, DateTime, GovernmentCode, Nullable, OneOf, PageOf, PageQuery, Pattern, Text } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules.js';
import { EMAIL_PATTERN, NIP_PATTERN, UNIT_CODE_PATTERN, USERNAME_PATTERN } from './person-fields.js';

const Username = Pattern(USERNAME_PATTERN.source, '3-60 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit', { example: 'paser.rina' });
const Name = (example: string) => Text({ max: 200, nonBlank: true, example });
const Nip = Nullable(Pattern(NIP_PATTERN.source, '18 digits', { example: '199103152015032004' }), { description: 'Nomor Induk Pegawai' });
const Email = Nullable(Pattern(EMAIL_PATTERN.source, 'an e-mail address', { maxLength: 254, example: 'rina@paserkab.go.id' }));
const UnitCode = Pattern(UNIT_CODE_PATTERN.source, 'a unit code such as diskominfo', { example: 'diskominfo' });
/** The use case names a role it does not know (`roles: KING is not a role`); the document lists them. */
const Roles = Type.Array(Type.String({ minLength: 1, maxLength: 40, description: `One of ${ALL_ROLES.join(', ')}` }), {
  maxItems: 9,
  uniqueItems: true,
  description: "domain.md's roles; OPERATOR is never granted here",
  examples: [['DRAFTER']],
});

export const CreateUserBody = named(
  'CreateUserRequest',
  Closed({
    username: Username,
    name: Name('Rina Wulandari, S.Kom.'),
    nip: Type.Optional(Nip),
    email: Type.Optional(Email),
    governmentCode: Type.Optional(GovernmentCode('A government the caller administers (default: their own)')),
    unitCode: UnitCode,
    roles: Roles,
    password: Type.Optional(
      Type.String({
        minLength: MIN_PASSWORD_LENGTH,
        maxLength: MAX_PASSWORD_LENGTH,
        description: 'A first password, to be changed at the first sign-in; without one, the person gets one by a password reset',
      }),
    ),
  }),
);

export const UpdateUserBody = named(
  'UpdateUserRequest',
  Closed(
    {
      name: Type.Optional(Name('Rina Wulandari, S.Kom., M.T.')),
      nip: Type.Optional(Nip),
      email: Type.Optional(Email),
      unitCode: Type.Optional(UnitCode),
      roles: Type.Optional(Roles),
      active: Type.Optional(
        Type.Boolean({ description: 'false deactivates: their tokens stop working at once and they receive no more tasks or notifications; their history stays' }),
      ),
    },
    { description: 'The fields to change; the others stay' },
  ),
);

export const ListUsersQuery = Closed({
  governmentCode: Type.Optional(GovernmentCode('One government the caller administers (default: all of them)')),
  unitCode: Type.Optional(UnitCode),
  role: Type.Optional(OneOf(ALL_ROLES)),
  active: Type.Optional(Type.Boolean()),
  search: Type.Optional(Text({ max: 100, description: 'Part of the name, NIP or username, any case', example: 'rina' })),
  ...PageQuery(200, 50),
});

export const UserSchema = named(
  'User',
  Type.Object(
    {
      username: Type.String({ examples: ['paser.rina'] }),
      name: Type.String({ examples: ['Rina Wulandari, S.Kom.'] }),
      nip: Nullable(Type.String(), { examples: ['199103152015032004'] }),
      email: Nullable(Type.String(), { examples: ['rina@paserkab.go.id'] }),
      governmentCode: Type.String({ examples: ['paser'] }),
      governmentName: Type.String({ examples: ['Pemerintah Kabupaten Paser'] }),
      unitCode: Type.String({ examples: ['diskominfo'] }),
      unitName: Type.String({ examples: ['Dinas Komunikasi dan Informatika'] }),
      roles: Type.Array(OneOf([...ALL_ROLES, ...Object.values(DeploymentRole)])),
      active: Type.Boolean(),
      hasPassword: Type.Boolean({ description: 'false: created without a password; a reset gives them one' }),
      mustChangePassword: Type.Boolean(),
      createdAt: DateTime(),
      updatedAt: DateTime(),
    },
    { additionalProperties: false },
  ),
);

export const UserListSchema = named('UserList', PageOf(UserSchema));

export const PasswordResetSchema = named(
  'PasswordReset',
  Type.Union(
    [
      Type.Object(
        {
          username: Type.String({ examples: ['paser.rina'] }),
          delivery: Type.Literal('TEMPORARY_PASSWORD', { description: 'No SMTP, or no e-mail address on record' }),
          temporaryPassword: Type.String({ description: 'Shown once; the person must change it at sign-in', examples: ['k7mq-x3tp-9vbn-w2hd'] }),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          username: Type.String({ examples: ['paser.rina'] }),
          delivery: Type.Literal('EMAIL', { description: 'SMTP is set: a one-time link goes to the e-mail address on record' }),
          email: Type.String({ examples: ['rina.marlina@paserkab.go.id'] }),
          expiresAt: Type.String({ format: 'date-time', description: 'When the link stops working (30 minutes)' }),
        },
        { additionalProperties: false },
      ),
    ],
    { description: 'A one-time password shown once, or a one-time link e-mailed to the person' },
  ),
);

export const ImportPersonnelQuery = Closed({
  dryRun: Type.Optional(Type.Boolean({ description: 'true: answer what each row would do and change nothing' })),
  governmentCode: Type.Optional(GovernmentCode("The government imported into (one the caller administers); the caller's by default")),
});

export const ImportPersonnelBody = named(
  'ImportPersonnelRequest',
  Type.Object(
    { file: Type.String({ contentMediaType: 'application/octet-stream', description: 'CSV or XLSX with columns nip, name, email, username, unitCode, roles; at most 10 MB' }) },
    { required: ['file'] },
  ),
);

export const ImportReportSchema = named(
  'ImportReport',
  Type.Object(
    {
      governmentCode: Type.String({ examples: ['paser'] }),
      dryRun: Type.Boolean(),
      rows: Type.Array(
        Type.Object(
          {
            row: Type.Integer({ minimum: 2, description: 'The row in the file, the header being row 1' }),
            nip: Type.String({ examples: ['199103152015032004'] }),
            username: Type.String({ examples: ['paser.rina'] }),
            status: OneOf(['created', 'updated', 'unchanged', 'error'] as const),
            reason: Type.Optional(Type.String({ description: 'Why a row is an error', examples: ['nip must be 18 digits'] })),
          },
          { additionalProperties: false },
        ),
      ),
      summary: Type.Object(
        { created: Type.Integer({ minimum: 0 }), updated: Type.Integer({ minimum: 0 }), unchanged: Type.Integer({ minimum: 0 }), error: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
);

export const AUDIT_TARGETS = ['GOVERNMENT', 'UNIT', 'USER'] as const;

export const ListAdminAuditQuery = Closed({
  targetType: Type.Optional(OneOf(AUDIT_TARGETS)),
  targetKey: Type.Optional(
    Pattern('^[a-z0-9._/-]{1,120}$', 'a username, a government code or government/unit', {
      description: 'Only the entries of this target: a username (paser.rina), a government code (paser) or government/unit (paser/diskominfo)',
      example: 'paser.rina',
    }),
  ),
  ...PageQuery(200, 50),
});

export const AdminAuditEntrySchema = named(
  'AdminAuditEntry',
  Type.Object(
    {
      id: Type.String(),
      at: DateTime(),
      actor: Nullable(Type.String(), { description: 'null: the bootstrap command' }),
      actorName: Nullable(Type.String(), { description: "The actor's name now; null with actor", examples: ['Dewi Lestari, S.Kom.'] }),
      action: Type.String({ examples: ['USER_CREATED'] }),
      targetType: OneOf(AUDIT_TARGETS),
      targetKey: Type.String({ examples: ['paser.rina'] }),
      governmentCode: Type.String({ examples: ['paser'] }),
      before: Nullable(Type.Object({}, { additionalProperties: true })),
      after: Nullable(Type.Object({}, { additionalProperties: true })),
    },
    { additionalProperties: false },
  ),
);

export const AdminAuditListSchema = named('AdminAuditList', PageOf(AdminAuditEntrySchema));
