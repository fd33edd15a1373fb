import { ErrorCode, STATUS_OF } from './error-code.enum.js';

/** The one exception type use cases throw; the filter turns it into the api.md error shape. */
export class AppException extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Response headers that go with the error, e.g. Retry-After. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'AppException';
    this.status = STATUS_OF[code];
  }
}

export const notFound = (what = 'Document') => new AppException(ErrorCode.NOT_FOUND, `${what} not found`);
export const validationFailed = (message: string, details?: unknown) =>
  new AppException(ErrorCode.VALIDATION_FAILED, message, details);
export const unauthenticated = (message = 'Authentication required') => new AppException(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string) => new AppException(ErrorCode.FORBIDDEN, message);
