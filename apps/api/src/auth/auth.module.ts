import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#config';
import { RevokedTokens, UserDirectory } from '#persistence';
import { AuthController } from './auth.controller.js';
import { ChangePasswordUseCase } from './change-password.use-case.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { LoginUseCase } from './login.use-case.js';
import { MeQuery } from './me.query.js';
import { OidcSignIn } from './oidc/oidc-sign-in.js';
import { OidcController } from './oidc/oidc.controller.js';
import { PasswordHashGate } from './password-hash-gate.js';
import { CompletePasswordResetUseCase } from './password-reset/complete-password-reset.use-case.js';
import { PasswordResetController } from './password-reset/password-reset.controller.js';
import { RequestPasswordResetUseCase } from './password-reset/request-password-reset.use-case.js';
import { AccessTokenAuthenticator } from './session/access-token-authenticator.js';
import { BrowserSessions } from './session/browser-sessions.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    JwtModule.register({}),
  ],
  controllers: [AuthController, OidcController, PasswordResetController],
  providers: [
    TokenService,
    UserDirectory,
    RevokedTokens,
    AccessTokenAuthenticator,
    BrowserSessions,
    LoginUseCase,
    LoginRateLimiter,
    LoginRateLimitGuard,
    { provide: PasswordHashGate, useFactory: (config: AppConfig) => new PasswordHashGate(config.loginHashing), inject: [APP_CONFIG] },
    MeQuery,
    OidcSignIn,
    ChangePasswordUseCase,
    RequestPasswordResetUseCase,
    CompletePasswordResetUseCase,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [TokenService, UserDirectory, AccessTokenAuthenticator, BrowserSessions],
})
export class AuthModule {}
