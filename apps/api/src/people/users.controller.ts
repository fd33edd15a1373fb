import { Controller, Get, Headers, HttpCode, Param, Patch, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import { AdminEndpoint } from '../auth/admin-only.guard.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ValidBody, ValidQuery } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { ImportPersonnelUseCase } from './import/import-personnel.use-case.js';
import type { UploadedFile as PersonnelFile } from './import/personnel-file.js';
import { ResetPasswordUseCase } from './password-reset.use-case.js';
import {
  CreateUserBody,
  ImportPersonnelBody,
  ImportPersonnelQuery,
  ImportReportSchema,
  ListUsersQuery as ListUsersQuerySchema,
  PasswordResetSchema,
  UpdateUserBody,
  UserListSchema,
  UserSchema,
} from './people.schemas.js';
import { CreateUserUseCase, GetUserQuery, ListUsersQuery, UpdateUserUseCase } from './users.use-cases.js';

const ORDER = 'Checks: 401, then 403 for anyone but an ADMIN, then 400, then 404 for a person or government outside their reach.';

@ApiTags('administration')
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
  @AdminEndpoint({
    operationId: 'importPersonnel',
    summary: 'ADMIN: import personnel by NIP from a CSV or XLSX file',
    description:
      'Without dryRun applies every row in one transaction, or none: any row in error answers 400 VALIDATION_FAILED with the same report in details. ' +
      ORDER,
    query: ImportPersonnelQuery,
    multipart: ImportPersonnelBody,
    success: { status: 200, description: 'What each row did (or would do, with dryRun)', schema: ImportReportSchema },
    // a file that is neither CSV nor XLSX
    errors: [ErrorCode.NOT_FOUND, ErrorCode.UNSUPPORTED_MEDIA_TYPE],
  })
  importFile(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: PersonnelFile | undefined,
    @ValidQuery(ImportPersonnelQuery) query: Static<typeof ImportPersonnelQuery>,
  ) {
    return this.importPersonnel.execute(user, file, { dryRun: query.dryRun === true, governmentCode: query.governmentCode });
  }

  @Get()
  @AdminEndpoint({
    operationId: 'listUsers',
    summary: 'ADMIN: the people of the governments they administer; filters unitCode, role, active, search (name, NIP, username); paged',
    query: ListUsersQuerySchema,
    success: { status: 200, description: 'A page of people', schema: UserListSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  findAll(@CurrentUser() user: AuthenticatedUser, @ValidQuery(ListUsersQuerySchema) query: Static<typeof ListUsersQuerySchema>) {
    return this.listUsers.execute(user, query);
  }

  @Post()
  @AdminEndpoint({
    operationId: 'createUser',
    summary: 'ADMIN: add a person (409 on a taken username or NIP); without a password they get one by a reset',
    description: `${ORDER} OPERATOR is never granted here (403). The password is not part of what the key remembers of the request.`,
    body: CreateUserBody,
    requestHeaders: ['Idempotency-Key'],
    success: { status: 201, description: 'The person', schema: UserSchema },
    errors: [ErrorCode.NOT_FOUND, ErrorCode.CONFLICT],
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @ValidBody(CreateUserBody) body: Static<typeof CreateUserBody>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    return (await this.createUser.execute(user, body, idempotencyKey)).body;
  }

  @Get(':username')
  @AdminEndpoint({
    operationId: 'getUser',
    summary: 'ADMIN: one person of a government they administer',
    success: { status: 200, description: 'The person', schema: UserSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  findOne(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string) {
    return this.getUser.execute(user, username);
  }

  @Patch(':username')
  @AdminEndpoint({
    operationId: 'updateUser',
    summary: 'ADMIN: change name, NIP, e-mail, unit, roles or active; deactivation ends their sessions at once',
    description: ORDER,
    body: UpdateUserBody,
    success: { status: 200, description: 'The person', schema: UserSchema },
    errors: [ErrorCode.NOT_FOUND, ErrorCode.CONFLICT],
  })
  update(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string, @ValidBody(UpdateUserBody) body: Static<typeof UpdateUserBody>) {
    return this.updateUser.execute(user, username, body);
  }

  @Post(':username/password-reset')
  @HttpCode(200)
  @AdminEndpoint({
    operationId: 'resetPassword',
    summary: 'ADMIN: with SMTP set and an e-mail address on record, a one-time link e-mailed to the person; otherwise a one-time password, answered once, that signing in with must be followed by POST /api/me/password',
    success: { status: 200, description: 'The link sent, or the temporary password shown once', schema: PasswordResetSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  reset(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string) {
    return this.resetPassword.execute(user, username);
  }
}
