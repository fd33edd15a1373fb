import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from './authenticated-user.js';
import { CurrentUser } from './current-user.decorator.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { LoginDto } from './login.dto.js';
import { LoginUseCase, type LoginResult } from './login.use-case.js';
import { MeQuery, type MeView } from './me.query.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly me: MeQuery,
  ) {}

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token' })
  signIn(@Body() body: LoginDto): Promise<LoginResult> {
    return this.login.execute(body.username, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, with the delegations they currently hold' })
  whoAmI(@CurrentUser() user: AuthenticatedUser): Promise<MeView> {
    return this.me.execute(user);
  }
}
