import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ImportPersonnelQueryDto } from './import/import.dto.js';
import { ImportPersonnelUseCase } from './import/import-personnel.use-case.js';
import type { UploadedFile as PersonnelFile } from './import/personnel-file.js';
import { ResetPasswordUseCase } from './password-reset.use-case.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './user.dto.js';
import { CreateUserUseCase, GetUserQuery, ListUsersQuery, UpdateUserUseCase } from './users.use-cases.js';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersQuery,
    private readonly getUser: GetUserQuery,
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
    private readonly importPersonnel: ImportPersonnelUseCase,
  ) {}

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'CSV or XLSX with columns nip, name, email, username, unitCode, roles' } },
    },
  })
  @ApiOperation({
    summary:
      'ADMIN: import personnel by NIP. Answers { governmentCode, dryRun, rows: [{ row, nip, username, status: created|updated|unchanged|error, reason? }], summary }; without dryRun applies every row in one transaction, or none (400 with the same report in details) when any row is an error',
  })
  importFile(@CurrentUser() user: AuthenticatedUser, @UploadedFile() file: PersonnelFile | undefined, @Query() query: ImportPersonnelQueryDto) {
    return this.importPersonnel.execute(user, file, { dryRun: query.dryRun === 'true', governmentCode: query.governmentCode });
  }

  @Get()
  @ApiOperation({ summary: 'ADMIN: the people of the governments they administer; filters unitCode, role, active, search (name, NIP, username); paged' })
  findAll(@CurrentUser() user: AuthenticatedUser, @Query() query: ListUsersQueryDto) {
    return this.listUsers.execute(user, query);
  }

  @Post()
  @ApiOperation({ summary: 'ADMIN: add a person (409 on a taken username or NIP); without a password they get one by a reset' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto) {
    return this.createUser.execute(user, body);
  }

  @Get(':username')
  @ApiOperation({ summary: 'ADMIN: one person of a government they administer' })
  findOne(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string) {
    return this.getUser.execute(user, username);
  }

  @Patch(':username')
  @ApiOperation({ summary: 'ADMIN: change name, NIP, e-mail, unit, roles or active; deactivation ends their sessions at once' })
  update(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string, @Body() body: UpdateUserDto) {
    return this.updateUser.execute(user, username, body);
  }

  @Post(':username/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary: 'ADMIN: a one-time password, answered once as { temporaryPassword }; signing in with it must be followed by POST /api/me/password',
  })
  reset(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string) {
    return this.resetPassword.execute(user, username);
  }
}
