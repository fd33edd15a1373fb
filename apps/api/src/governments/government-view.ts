import type { GovernmentRow } from '#persistence';
import { canonicalTimeZone } from '#workflow';
import { validationFailed } from '../common/errors/app.exception.js';
import type { GovernmentView } from './government.dto.js';

export function toGovernmentView({ id: _id, ...government }: GovernmentRow): GovernmentView {
  return government;
}

/** The zone's canonical IANA name, or a 400 naming the field. */
export function validTimeZone(timeZone: string): string {
  try {
    return canonicalTimeZone(timeZone);
  } catch {
    const message = `timeZone "${timeZone}" is not an IANA time zone such as Asia/Makassar`;
    throw validationFailed(message, { fields: [message] });
  }
}
