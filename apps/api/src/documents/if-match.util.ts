import { AppException } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';

/** `If-Match: "7"` (also W/"7", 7, or a list) must name the current version; `*` matches any. */
export function assertIfMatch(header: string | undefined, version: number): void {
  if (header === undefined || header.trim() === '') return;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
  if (tags.includes('*') || tags.includes(String(version))) return;
  throw new AppException(ErrorCode.VERSION_MISMATCH, `The document is at version ${version}, not ${header.trim()}; reload it and try again`);
}

export const etagOf = (version: number) => `"${version}"`;
