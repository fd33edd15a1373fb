import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '#config';
import { LoginRateLimitGuard } from '../login-rate-limit.guard.js';
import { Public } from '../public.decorator.js';
import { CompletePasswordResetUseCase } from './complete-password-reset.use-case.js';
import { CompletePasswordResetDto, PASSWORD_RESET_REQUESTED, RequestPasswordResetDto } from './password-reset.dto.js';
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
  @ApiOperation({ summary: 'How people sign in here (public): password, password reset by e-mail, single sign-on' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['password', 'passwordReset', 'oidc'],
      properties: { password: { type: 'boolean' }, passwordReset: { type: 'boolean' }, oidc: { type: 'boolean' } },
    },
  })
  providers(): SignInProviders {
    return { password: this.config.passwordLogin, passwordReset: passwordResetByEmail(this.config), oidc: this.config.oidc !== null };
  }

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('password-reset/request')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forgot password (public, rate-limited like sign-in): e-mails a one-time link to the account with this username or e-mail address',
    description:
      'Answers 202 with the same message whether such an account exists or not. The link (PUBLIC_URL/atur-kata-sandi?token=...) works once, ' +
      'for 30 minutes, and only the newest one of a person. 404 when the deployment has no SMTP_URL or PASSWORD_LOGIN=false.',
  })
  @ApiAcceptedResponse({ schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } })
  request(@Body() body: RequestPasswordResetDto): Promise<typeof PASSWORD_RESET_REQUESTED> {
    return this.requestReset.execute(body.username);
  }

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({
    summary: "Set a new password with an e-mailed link's token (public, rate-limited)",
    description: '400 VALIDATION_FAILED when the token is used, expired, replaced by a newer link or unknown, or the password is shorter than 12 characters.',
  })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it' })
  async complete(@Body() body: CompletePasswordResetDto): Promise<void> {
    await this.completeReset.execute(body);
  }
}
