import Type from 'typebox';
import { ALL_ROLES, DeploymentRole } from '#workflow';
import { Closed, OneOf, Text } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';
import { DelegationSchema } from '../delegations/delegation.schemas.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../people/password-rules.js';

export const LoginBody = named(
  'LoginRequest',
  Closed({
    username: Text({ max: 100, example: 'kaltim.sekda' }),
    password: Type.String({ minLength: 1, maxLength: 200, examples: ['demo12345'] }),
  }),
);

const UserFields = {
  username: Type.String({ examples: ['kaltim.sekda'] }),
  name: Type.String({ examples: ['Dr. Hj. Nurhayati Usman, M.Pd.'] }),
  governmentCode: Type.String({ examples: ['kaltim'] }),
  unitCode: Type.String({ examples: ['setda'] }),
  roles: Type.Array(OneOf([...ALL_ROLES, ...Object.values(DeploymentRole)]), { examples: [['SECRETARY']] }),
};

export const UserSummarySchema = named('UserSummary', Type.Object(UserFields, { additionalProperties: false }));

export const LoginResultSchema = named(
  'LoginResult',
  Type.Object(
    {
      accessToken: Type.String({ description: 'A JWT (HS256); send it as `Authorization: Bearer <token>`' }),
      tokenType: Type.Literal('Bearer'),
      expiresIn: Type.Integer({ description: 'Seconds', examples: [3600] }),
      user: UserSummarySchema,
      mustChangePassword: Type.Boolean({ description: 'Signed in with a temporary password: the token is refused everywhere but POST /api/me/password' }),
    },
    { additionalProperties: false },
  ),
);

export const MeSchema = named(
  'Me',
  Type.Object(
    {
      ...UserFields,
      nip: Type.Union([Type.String(), Type.Null()], { examples: ['196705201993032003'] }),
      governmentName: Type.String({ examples: ['Pemerintah Provinsi Kalimantan Timur'] }),
      unitName: Type.String({ examples: ['Sekretariat Daerah'] }),
      hasPassword: Type.Boolean({ description: 'false: the caller signs in only through SSO and has no password to change' }),
      timeZone: Type.String({ description: "The caller's government's IANA zone (WIB, WITA or WIT)", examples: ['Asia/Makassar'] }),
      delegations: Type.Array(DelegationSchema, { description: 'The delegations the caller holds now (received, in force)' }),
    },
    { additionalProperties: false },
  ),
);

export const ChangePasswordBody = named(
  'ChangePasswordRequest',
  Closed({
    currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: 'The password signed in with (a temporary one after a reset)', examples: ['k7mq-x3tp-9vbn-w2hd'] }),
    newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, examples: ['sandi-baru-yang-panjang'] }),
  }),
);

export const BrowserSignInSchema = named(
  'BrowserSignIn',
  Type.Object(
    {
      tokenType: Type.Literal('Cookie'),
      expiresIn: Type.Integer({ description: 'Seconds until the session ends', examples: [3600] }),
      csrfToken: Type.String({ description: 'Send it back as the X-XSRF-TOKEN header on every write (also in the XSRF-TOKEN cookie)' }),
      user: UserSummarySchema,
      mustChangePassword: Type.Boolean({ description: 'Signed in with a temporary password: only POST /api/me/password and sign-out are allowed' }),
    },
    { additionalProperties: false },
  ),
);
