import Type from 'typebox';
import { Closed, Pattern, Text } from '../../common/contract/fields.js';
import { named } from '../../common/contract/schema-names.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../people/password-rules.js';

export const SignInProvidersSchema = named(
  'SignInProviders',
  Type.Object(
    {
      password: Type.Boolean({ description: 'Username and password (POST /api/auth/session); false with PASSWORD_LOGIN=false' }),
      passwordReset: Type.Boolean({ description: '"Lupa kata sandi": a reset link by e-mail (SMTP set and password sign-in on)' }),
      oidc: Type.Boolean({ description: 'Single sign-on: GET /api/auth/oidc/login (OIDC_ISSUER_URL set)' }),
    },
    { additionalProperties: false },
  ),
);

export const RequestPasswordResetBody = named(
  'PasswordResetRequest',
  Closed({ username: Text({ max: 254, description: 'The username or the e-mail address of the account', example: 'kaltim.drafter' }) }),
);

export const PasswordResetRequestedSchema = named(
  'PasswordResetRequested',
  Type.Object({ message: Type.String({ description: 'The same text whether such an account exists or not' }) }, { additionalProperties: false }),
);

export const CompletePasswordResetBody = named(
  'PasswordResetCompletion',
  Closed({
    token: Pattern('^[A-Za-z0-9_-]{43}$', "the token of the e-mailed link (`?token=`)"),
    newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, examples: ['sandi-baru-yang-panjang'] }),
  }),
);
