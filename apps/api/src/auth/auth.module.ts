import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#config';
import { UserDirectory } from '#persistence';
import { AuthController } from './auth.controller.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { LoginThrottlerGuard } from './login-throttler.guard.js';
import { LoginUseCase } from './login.use-case.js';
import { MeQuery } from './me.query.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: config.loginThrottle.ttlMs, limit: config.loginThrottle.limit }],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    TokenService,
    UserDirectory,
    LoginUseCase,
    LoginThrottlerGuard,
    MeQuery,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [TokenService, UserDirectory],
})
export class AuthModule {}
