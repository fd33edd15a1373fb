import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { FailedResponse } from '#logging';
import { AppException } from './app.exception.js';
import { ErrorCode } from './error-code.enum.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  412: ErrorCode.VERSION_MISMATCH,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Every error, whatever threw it, leaves as `{statusCode, error, code, message}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) logFailure(response, exception, this.logger);
    if (exception instanceof AppException && exception.headers && !response.headersSent) response.set(exception.headers);
    sendError(response, body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppException) {
      return errorBody(exception.status, exception.code, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : messageOf((res as { message?: unknown }).message) ?? exception.message;
      return errorBody(status, CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED), status === 415 ? unreadableBody(message) : message);
    }
    // body-parser and friends: errors with an HTTP status (malformed JSON, body too large, bad charset)
    const status = httpStatusOf(exception);
    if (status && status >= 400 && status < 500) {
      const message = status === 400 ? 'Malformed request body' : status === 415 ? unreadableBody((exception as Error).message) : (exception as Error).message;
      return errorBody(status, CODE_BY_STATUS[status] ?? ErrorCode.VALIDATION_FAILED, message);
    }
    return errorBody(500, ErrorCode.INTERNAL_ERROR, 'Internal server error');
  }
}

/** What failed, with its stack: into the request's own log line (with its id) when the request log is on, else a line of its own. */
export function logFailure(response: Response, exception: unknown, logger: Logger): void {
  const error = exception instanceof Error ? exception : new Error(String(exception));
  if ('log' in response) (response as Response & FailedResponse).err = error;
  else logger.error(error.stack);
}

/** body-parser's 415 (`unsupported charset "LATIN1"`, `unsupported content encoding "compress"`) with what it does read. */
function unreadableBody(detail: string): string {
  return `The request body must be JSON in UTF-8, plain or compressed with gzip, deflate or br (${detail})`;
}

/** Writes an error body; a 401 says which scheme authenticates (RFC 9110). */
export function sendError(response: Response, body: ErrorBody): void {
  if (response.headersSent) return;
  if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="alur"');
  response.status(body.statusCode).json(body);
}

/** The body of every error answer (also written by middleware that answers before Nest, see login-gate.middleware.ts). */
export function errorBody(statusCode: number, code: string, message: string, details?: unknown): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message };
  if (details !== undefined) body.details = details;
  return body;
}

function messageOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

function httpStatusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { status?: unknown; statusCode?: unknown };
  const status = e.status ?? e.statusCode;
  return typeof status === 'number' ? status : undefined;
}
