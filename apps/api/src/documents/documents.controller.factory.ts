import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Static } from 'typebox';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ValidQuery } from '../common/contract/schema.pipe.js';
import { TITLE_MATCH_LIMIT } from '#persistence';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import type { StoredResponse } from '../common/idempotency/idempotency.service.js';
import { CreateDocumentUseCase } from './create-document.use-case.js';
import { DocumentQueries } from './document.queries.js';
import { HistorySchema, ListDocumentsQuery } from './document.schemas.js';
import { FireActionUseCase } from './fire-action.use-case.js';
import { etagOf } from './if-match.util.js';
import type { DocumentKindSpec } from './kinds/document-kind.types.js';
import { UpdateDocumentUseCase } from './update-document.use-case.js';

/**
 * The six endpoints of a document kind (api.md), thin: each builds its command and calls one use
 * case. Bodies of PATCH and actions are validated inside the use case (with the schemas named
 * here), after the visibility check, so that a document the caller cannot see is a 404 whatever
 * the body says.
 */
export function createDocumentsController(spec: DocumentKindSpec): Type<unknown> {
  const { noun, schemas } = spec;
  const plural = `${noun}s`;

  @ApiTags(spec.resource)
  @Controller(`api/${spec.resource}`)
  class DocumentsController {
    constructor(
      readonly create: CreateDocumentUseCase,
      readonly update: UpdateDocumentUseCase,
      readonly fire: FireActionUseCase,
      readonly queries: DocumentQueries,
    ) {}

    @Post()
    @Endpoint({
      operationId: `create${noun}`,
      summary: `Create a draft ${spec.kind} of the drafter's unit (a drafter's Plt/Plh: of the principal's, as the principal)`,
      description: 'With an Idempotency-Key, sending the same draft again answers the first response (the same document).',
      body: schemas.create,
      requestHeaders: ['Idempotency-Key'],
      success: { status: 201, description: 'The draft', schema: schemas.document, headers: ['ETag', 'Location'] },
      errors: [ErrorCode.FORBIDDEN],
    })
    async createOne(
      @CurrentUser() user: AuthenticatedUser,
      @Body() body: unknown,
      @Headers('idempotency-key') idempotencyKey: string | undefined,
      @Res({ passthrough: true }) res: Response,
    ) {
      return answer(res, await this.create.execute(spec.kind, user, body, idempotencyKey));
    }

    @Get()
    @Endpoint({
      operationId: `list${plural}`,
      summary: `List ${spec.resource} the caller may read, newest first`,
      description: `400 SEARCH_TOO_BROAD when the words of q are in the titles of more than ${TITLE_MATCH_LIMIT.toLocaleString('en')} documents of the list's governments with its other filters (whether or not the caller may read them): add a word, a year, a unit or a stage.`,
      query: ListDocumentsQuery,
      success: { status: 200, description: 'A page of documents', schema: schemas.list },
      errors: [ErrorCode.SEARCH_TOO_BROAD],
    })
    list(@CurrentUser() user: AuthenticatedUser, @ValidQuery(ListDocumentsQuery) query: Static<typeof ListDocumentsQuery>) {
      return this.queries.list(spec.kind, user, query);
    }

    @Get(':id')
    @Endpoint({
      operationId: `get${noun}`,
      summary: `One ${spec.kind}, with what the caller may do now`,
      success: { status: 200, description: 'The document', schema: schemas.document, headers: ['ETag'] },
      errors: [ErrorCode.NOT_FOUND],
    })
    async getOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Res({ passthrough: true }) res: Response) {
      const view = await this.queries.get(spec.kind, user, id);
      res.setHeader('ETag', etagOf(view.version));
      return view;
    }

    @Patch(':id')
    @Endpoint({
      operationId: `update${noun}`,
      summary: "Edit a draft or revision (a drafter of its unit, or their Plt/Plh); a real change makes a new content version",
      description: 'With an Idempotency-Key, sending the same edit again answers the first response.',
      body: schemas.update,
      requestHeaders: ['If-Match', 'Idempotency-Key'],
      success: { status: 200, description: 'The document after the edit', schema: schemas.document, headers: ['ETag'] },
      errors: [ErrorCode.NOT_FOUND, ErrorCode.VERSION_MISMATCH, ErrorCode.NOT_EDITABLE, ErrorCode.FORBIDDEN],
    })
    async patchOne(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id') id: string,
      @Body() body: unknown,
      @Headers('if-match') ifMatch: string | undefined,
      @Headers('idempotency-key') idempotencyKey: string | undefined,
      @Res({ passthrough: true }) res: Response,
    ) {
      return answer(res, await this.update.execute(spec.kind, user, id, body, ifMatch, idempotencyKey));
    }

    @Post(':id/actions')
    @HttpCode(200)
    @Endpoint({
      operationId: `fire${noun}Action`,
      summary: 'Fire a workflow action',
      description: 'Checks in the order 404, 400, 412, 409, 403. With an Idempotency-Key, a repeat of the same request answers the first response.',
      body: schemas.action.body,
      requestHeaders: ['If-Match', 'Idempotency-Key'],
      success: { status: 200, description: 'The document after the action', schema: schemas.document, headers: ['ETag'] },
      errors: [
        ErrorCode.NOT_FOUND,
        ErrorCode.VERSION_MISMATCH,
        ErrorCode.INVALID_TRANSITION,
        ErrorCode.IDEMPOTENCY_IN_FLIGHT, // in the order of the checks
        ErrorCode.FORBIDDEN,
        ErrorCode.SEPARATION_OF_DUTIES,
        ...spec.actionRefusalCodes,
      ],
    })
    async act(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id') id: string,
      @Body() body: unknown,
      @Headers('if-match') ifMatch: string | undefined,
      @Headers('idempotency-key') idempotencyKey: string | undefined,
      @Res({ passthrough: true }) res: Response,
    ) {
      return answer(res, await this.fire.execute({ kind: spec.kind, user, id, body, ifMatch, idempotencyKey }));
    }

    @Get(':id/history')
    @Endpoint({
      operationId: `get${noun}History`,
      summary: 'The hash-chained audit trail, with chainValid',
      success: { status: 200, description: 'Every entry, oldest first', schema: HistorySchema },
      errors: [ErrorCode.NOT_FOUND],
    })
    history(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
      return this.queries.history(spec.kind, user, id);
    }

    @Get(':id/versions')
    @Endpoint({
      operationId: `list${noun}Versions`,
      summary: 'Content versions, oldest first',
      success: { status: 200, description: 'Every content version', schema: schemas.versions },
      errors: [ErrorCode.NOT_FOUND],
    })
    versions(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
      return this.queries.versions(spec.kind, user, id);
    }
  }
  Object.defineProperty(DocumentsController, 'name', { value: `${spec.resource.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Controller` });
  return DocumentsController;
}

/** Sends a use case's answer as it was made (or as the idempotency store kept it): its status and headers, its body. */
function answer(res: Response, response: StoredResponse): unknown {
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.status(response.status);
  return response.body;
}
