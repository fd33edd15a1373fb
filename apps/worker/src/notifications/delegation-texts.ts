import type { DelegationNotice } from '#persistence';
import { formatIndonesianDateTime } from '#workflow';
import { ROLE_LABELS } from './indonesian-labels.js';
import type { NotificationText } from './notification-texts.js';

type Notice = Pick<DelegationNotice, 'role' | 'kind' | 'reason' | 'startsAt' | 'endsAt' | 'revokedAt' | 'timeZone' | 'principal' | 'delegate' | 'createdByName' | 'revokedByName'>;

const office = (n: Notice): string => `${n.kind === 'PLT' ? 'Plt.' : 'Plh.'} ${ROLE_LABELS[n.role]}`;
const at = (n: Notice, instant: Date): string => formatIndonesianDateTime(new Date(instant), n.timeZone);
const window = (n: Notice): string => `mulai ${at(n, n.startsAt)} hingga ${at(n, n.endsAt)}`;
const CHECK =
  ' Bila Anda tidak mengetahui pendelegasian ini, segera hubungi atasan atau ADMIN; pendelegasian dapat dicabut di menu Pendelegasian.';

/** DELEGATION_GRANTED, to the principal: someone may now act in their role. */
export function delegationGrantedToPrincipal(n: Notice): NotificationText {
  return {
    title: `Peran Anda didelegasikan: ${office(n)}`,
    message:
      `${n.createdByName} mencatat ${n.delegate.name} sebagai ${office(n)} atas nama Anda, ${window(n)}, dengan alasan: "${n.reason}".` +
      ` Selama itu ${n.delegate.name} dapat bertindak atas nama Anda sebagai ${ROLE_LABELS[n.role]}.` +
      CHECK,
  };
}

/** DELEGATION_GRANTED, to the delegate: they may now act for the principal. */
export function delegationGrantedToDelegate(n: Notice): NotificationText {
  return {
    title: `Anda ditunjuk sebagai ${office(n)}`,
    message:
      `${n.createdByName} mencatat Anda sebagai ${office(n)} atas nama ${n.principal.name}, ${window(n)}, dengan alasan: "${n.reason}".` +
      ` Selama itu tugas ${n.principal.name} sebagai ${ROLE_LABELS[n.role]} juga masuk ke Kotak Masuk Anda.` +
      CHECK,
  };
}

/** DELEGATION_REVOKED, to the principal. */
export function delegationRevokedToPrincipal(n: Notice): NotificationText {
  return {
    title: `Pendelegasian dicabut: ${office(n)}`,
    message:
      `${n.revokedByName ?? 'ADMIN'} mencabut pendelegasian kepada ${n.delegate.name} sebagai ${office(n)} atas nama Anda pada ${at(n, n.revokedAt ?? new Date())}.` +
      ` ${n.delegate.name} tidak lagi dapat bertindak atas nama Anda.`,
  };
}

/** DELEGATION_REVOKED, to the delegate. */
export function delegationRevokedToDelegate(n: Notice): NotificationText {
  return {
    title: `Penunjukan dicabut: ${office(n)}`,
    message:
      `${n.revokedByName ?? 'ADMIN'} mencabut penunjukan Anda sebagai ${office(n)} atas nama ${n.principal.name} pada ${at(n, n.revokedAt ?? new Date())}.` +
      ` Anda tidak lagi dapat bertindak atas nama ${n.principal.name} sebagai ${ROLE_LABELS[n.role]}.`,
  };
}
