import { Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import { APP_CONFIG, type AppConfig } from '#config';
import { Endpoint } from '../../common/contract/endpoint.decorator.js';
import { ValidBody } from '../../common/contract/schema.pipe.js';
import { ErrorCode } from '../../common/errors/error-code.enum.js';
import { LoginRateLimitGuard } from '../login-rate-limit.guard.js';
import { Public } from '../public.decorator.js';
import { CompletePasswordResetUseCase } from './complete-password-reset.use-case.js';
import { PASSWORD_RESET_REQUESTED } from './password-reset.dto.js';
import { CompletePasswordResetBody, PasswordResetRequestedSchema, RequestPasswordResetBody, SignInProvidersSchema } from './password-reset.schemas.js';
import { passwordResetByEmail, RequestPasswordResetUseCase } from './request-password-reset.use-case.js';

/** How this deployment lets people sign in: what the sign-in page offers. */
export interface SignInProviders {
  /** Username and password (`POST /api/auth/session`); false with PASSWORD_LOGIN=false. */
  password: boolean;
  /** "Lupa kata sandi": a reset link by e-mail (SMTP set and password sign-in on). */
  passwordReset: boolean;
  /** Single sign-on: `GET /api/auth/oidc/login` (OIDC_ISSUER_URL set). */
  oidc: boolean;
}

@ApiTags('auth')
@Controller('api/auth')
export class PasswordResetController {
  constructor(
    private readonly requestReset: RequestPasswordResetUseCase,
    private readonly completeReset: CompletePasswordResetUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('providers')
  @Endpoint({
    operationId: 'getSignInProviders',
    summary: 'How people sign in here (public): password, password reset by e-mail, single sign-on',
    public: true,
    success: { status: 200, description: 'What the sign-in page offers', schema: SignInProvidersSchema },
  })
  providers(): SignInProviders {
    return { password: this.config.passwordLogin, passwordReset: passwordResetByEmail(this.config), oidc: this.config.oidc !== null };
  }

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('password-reset/request')
  @HttpCode(202)
  @Endpoint({
    operationId: 'startPasswordReset',
    summary: 'Forgot password (public, rate-limited like sign-in): e-mails a one-time link to the account with this username or e-mail address',
    description:
      'Answers 202 with the same message whether such an account exists or not. The link (PUBLIC_URL/atur-kata-sandi?token=...) works once, ' +
      'for 30 minutes, and only the newest one of a person. 404 when the deployment has no SMTP_URL or PASSWORD_LOGIN=false.',
    public: true,
    body: RequestPasswordResetBody,
    success: { status: 202, description: 'Accepted (the same for any account)', schema: PasswordResetRequestedSchema },
    errors: [ErrorCode.RATE_LIMITED, ErrorCode.NOT_FOUND],
  })
  request(@ValidBody(RequestPasswordResetBody) body: Static<typeof RequestPasswordResetBody>): Promise<typeof PASSWORD_RESET_REQUESTED> {
    return this.requestReset.execute(body.username);
  }

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('password-reset')
  @HttpCode(204)
  @Endpoint({
    operationId: 'changeForgottenPassword',
    summary: "Set a new password with an e-mailed link's token (public, rate-limited)",
    description: '400 VALIDATION_FAILED when the token is used, expired, replaced by a newer link or unknown, or the password is shorter than 12 characters.',
    public: true,
    body: CompletePasswordResetBody,
    success: { status: 204, description: 'The password is set; sign in with it' },
    errors: [ErrorCode.RATE_LIMITED, ErrorCode.NOT_FOUND],
  })
  async complete(@ValidBody(CompletePasswordResetBody) body: Static<typeof CompletePasswordResetBody>): Promise<void> {
    await this.completeReset.execute(body);
  }
}
