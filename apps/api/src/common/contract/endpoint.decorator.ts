import { applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { TObject, TSchema } from 'typebox';
import { ErrorCode } from '../errors/error-code.enum.js';

/** Response headers an operation may send, each described once in the document. */
export type ResponseHeader = 'ETag' | 'Location' | 'Retry-After' | 'Set-Cookie';
/** Request headers an operation reads. */
export type RequestHeader = 'If-Match' | 'Idempotency-Key' | 'X-XSRF-TOKEN';

export interface SuccessSpec {
  status: number;
  description: string;
  /** The JSON body; absent for 204 and for text bodies. */
  schema?: TSchema;
  /** A body that is not JSON (e.g. `text/plain` with an example). */
  text?: { contentType: string; example: string };
  /** Downloads it may answer instead of JSON (`text/csv`, an XLSX type). */
  files?: readonly string[];
  headers?: readonly ResponseHeader[];
  /** Headers it sends only sometimes (e.g. a cookie cleared once it was read). */
  optionalHeaders?: readonly ResponseHeader[];
}

/**
 * Everything the OpenAPI document says about one operation; the schemas are those the handler
 * validates with (@ValidBody, @ValidQuery, parseWith), so the document cannot drift from the code.
 */
export interface EndpointSpec {
  /** Verb first, unique: `listQuickWins`, `fireQuickWinAction`. */
  operationId: string;
  summary: string;
  description?: string;
  /** No bearer token needed (else 401 UNAUTHENTICATED is documented by itself). */
  public?: boolean;
  /** Path parameters (default: a string each). */
  params?: Record<string, TSchema>;
  query?: TObject;
  body?: TSchema;
  /** A multipart/form-data body (a file upload), read by Nest's FileInterceptor; documented, not validated by a schema. */
  multipart?: TSchema;
  requestHeaders?: readonly RequestHeader[];
  success: SuccessSpec;
  /** Further responses with the same schema (e.g. health's 503). */
  alsoAnswers?: ReadonlyArray<Omit<SuccessSpec, 'status'> & { status: number }>;
  /** The error codes it may answer beyond the automatic ones (401 and 403 PASSWORD_CHANGE_REQUIRED unless public; 400, 413, 415 and 403 CSRF_REJECTED for writes; 409 IDEMPOTENCY_IN_FLIGHT and 422 IDEMPOTENCY_KEY_REUSED with an Idempotency-Key). */
  errors?: readonly ErrorCode[];
}

const SPECS = new Map<string, EndpointSpec>();

/** The spec of every decorated operation, by operationId (the document builder reads it). */
export function endpointSpecs(): ReadonlyMap<string, EndpointSpec> {
  return SPECS;
}

/** Declares an operation: its id and summary for Nest's scanner, the rest for the document. */
export function Endpoint(spec: EndpointSpec): MethodDecorator {
  const existing = SPECS.get(spec.operationId);
  if (existing && existing !== spec) throw new Error(`operationId ${spec.operationId} is declared twice`);
  SPECS.set(spec.operationId, spec);
  return applyDecorators(ApiOperation({ operationId: spec.operationId, summary: spec.summary, description: spec.description }));
}
