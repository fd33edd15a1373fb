import type { DelegationNotice } from '#persistence';
import { formatIndonesianDateTime } from '#workflow';
import { ROLE_LABELS } from './indonesian-labels.js';
import type { NotificationText } from './notification-texts.js';
import { quoted } from './quoted-text.js';

type Notice = Pick<DelegationNotice, 'role' | 'kind' | 'reason' | 'startsAt' | 'endsAt' | 'revokedAt' | 'timeZone' | 'principal' | 'delegate' | 'createdByName' | 'revokedByName'>;

/** The people and the reason as people wrote them, quoted like every notification quotes them (`quoted`). */
const said = (n: Notice) => ({
  principal: quoted(n.principal.name),
  delegate: quoted(n.delegate.name),
  recordedBy: quoted(n.createdByName),
  revokedBy: quoted(n.revokedByName ?? 'ADMIN'),
  reason: quoted(n.reason),
});

const office = (n: Notice): string => `${n.kind === 'PLT' ? 'Plt.' : 'Plh.'} ${ROLE_LABELS[n.role]}`;
const at = (n: Notice, instant: Date): string => formatIndonesianDateTime(new Date(instant), n.timeZone);
const window = (n: Notice): string => `mulai ${at(n, n.startsAt)} hingga ${at(n, n.endsAt)}`;
const CHECK =
  ' Bila Anda tidak mengetahui pendelegasian ini, segera hubungi atasan atau ADMIN; pendelegasian dapat dicabut di menu Pendelegasian.';

/** DELEGATION_GRANTED, to the principal: someone may now act in their role. */
export function delegationGrantedToPrincipal(n: Notice): NotificationText {
  const { delegate, recordedBy, reason } = said(n);
  return {
    title: `Peran Anda didelegasikan: ${office(n)}`,
    message:
      `${recordedBy} mencatat ${delegate} sebagai ${office(n)} atas nama Anda, ${window(n)}, dengan alasan: "${reason}".` +
      ` Selama itu ${delegate} dapat bertindak atas nama Anda sebagai ${ROLE_LABELS[n.role]}.` +
      CHECK,
  };
}

/** DELEGATION_GRANTED, to the delegate: they may now act for the principal. */
export function delegationGrantedToDelegate(n: Notice): NotificationText {
  const { principal, recordedBy, reason } = said(n);
  return {
    title: `Anda ditunjuk sebagai ${office(n)}`,
    message:
      `${recordedBy} mencatat Anda sebagai ${office(n)} atas nama ${principal}, ${window(n)}, dengan alasan: "${reason}".` +
      ` Selama itu tugas ${principal} sebagai ${ROLE_LABELS[n.role]} juga masuk ke Kotak Masuk Anda.` +
      CHECK,
  };
}

/** DELEGATION_REVOKED, to the principal. */
export function delegationRevokedToPrincipal(n: Notice): NotificationText {
  const { delegate, revokedBy } = said(n);
  return {
    title: `Pendelegasian dicabut: ${office(n)}`,
    message:
      `${revokedBy} mencabut pendelegasian kepada ${delegate} sebagai ${office(n)} atas nama Anda pada ${at(n, n.revokedAt ?? new Date())}.` +
      ` ${delegate} tidak lagi dapat bertindak atas nama Anda.`,
  };
}

/** DELEGATION_REVOKED, to the delegate. */
export function delegationRevokedToDelegate(n: Notice): NotificationText {
  const { principal, revokedBy } = said(n);
  return {
    title: `Penunjukan dicabut: ${office(n)}`,
    message:
      `${revokedBy} mencabut penunjukan Anda sebagai ${office(n)} atas nama ${principal} pada ${at(n, n.revokedAt ?? new Date())}.` +
      ` Anda tidak lagi dapat bertindak atas nama ${principal} sebagai ${ROLE_LABELS[n.role]}.`,
  };
}
