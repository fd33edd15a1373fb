import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ActionRequestDto, ListDocumentsQueryDto } from './action-request.dto.js';
import { CreateDocumentUseCase } from './create-document.use-case.js';
import { DocumentQueries } from './document.queries.js';
import { FireActionUseCase } from './fire-action.use-case.js';
import { etagOf } from './if-match.util.js';
import type { DocumentKindSpec } from './kinds/document-kind.types.js';
import { UpdateDocumentUseCase } from './update-document.use-case.js';

/**
 * The six endpoints of a document kind (api.md), thin: each builds its command and calls one use
 * case. Bodies of PATCH and actions are validated inside the use case, after the visibility check,
 * so that a document the caller cannot see is a 404 whatever the body says.
 */
export function createDocumentsController(spec: DocumentKindSpec): Type<unknown> {
  @ApiTags(spec.resource)
  @ApiBearerAuth()
  @Controller(`api/${spec.resource}`)
  class DocumentsController {
    constructor(
      readonly create: CreateDocumentUseCase,
      readonly update: UpdateDocumentUseCase,
      readonly fire: FireActionUseCase,
      readonly queries: DocumentQueries,
    ) {}

    @Post()
    @ApiOperation({ summary: `Create a draft ${spec.kind}` })
    @ApiBody({ type: spec.createDto })
    async createOne(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
      const view = await this.create.execute(spec.kind, user, body);
      res.setHeader('ETag', etagOf(view.version));
      res.setHeader('Location', `/api/${spec.resource}/${view.id}`);
      return view;
    }

    @Get()
    @ApiOperation({ summary: `List ${spec.resource}, newest first` })
    list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDocumentsQueryDto) {
      return this.queries.list(spec.kind, user, query);
    }

    @Get(':id')
    async getOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Res({ passthrough: true }) res: Response) {
      const view = await this.queries.get(spec.kind, user, id);
      res.setHeader('ETag', etagOf(view.version));
      return view;
    }

    @Patch(':id')
    @ApiOperation({ summary: 'Edit a draft or revision; a real change makes a new content version' })
    @ApiBody({ type: spec.updateDto })
    @ApiHeader({ name: 'If-Match', required: false })
    async patchOne(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id') id: string,
      @Body() body: unknown,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) res: Response,
    ) {
      const view = await this.update.execute(spec.kind, user, id, body, ifMatch);
      res.setHeader('ETag', etagOf(view.version));
      return view;
    }

    @Post(':id/actions')
    @HttpCode(200)
    @ApiOperation({ summary: 'Fire a workflow action' })
    @ApiBody({ type: ActionRequestDto })
    @ApiHeader({ name: 'If-Match', required: false })
    @ApiHeader({ name: 'Idempotency-Key', required: false })
    async act(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id') id: string,
      @Body() body: unknown,
      @Headers('if-match') ifMatch: string | undefined,
      @Headers('idempotency-key') idempotencyKey: string | undefined,
      @Res({ passthrough: true }) res: Response,
    ) {
      const response = await this.fire.execute({ kind: spec.kind, user, id, body, ifMatch, idempotencyKey });
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      res.status(response.status);
      return response.body;
    }

    @Get(':id/history')
    @ApiOperation({ summary: 'The hash-chained audit trail, with chainValid' })
    history(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
      return this.queries.history(spec.kind, user, id);
    }

    @Get(':id/versions')
    @ApiOperation({ summary: 'Content versions' })
    versions(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
      return this.queries.versions(spec.kind, user, id);
    }
  }
  Object.defineProperty(DocumentsController, 'name', { value: `${spec.resource.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Controller` });
  return DocumentsController;
}
