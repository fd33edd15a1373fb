import { documentPagePath, type DocumentKind } from './document-kind.types.js';
import { NotificationType } from './notification-type.types.js';

/**
 * The web app's page a notification leads to, in the list of notifications and from its e-mail: the
 * document it is about, else the delegations or the holiday settings; null for one about none of them
 * (a weekly digest), whose e-mail leads to the app itself.
 */
export function notificationPagePath(n: { type: NotificationType | string; documentKind: DocumentKind | null; documentId: string | null }): string | null {
  if (n.documentKind && n.documentId) return documentPagePath(n.documentKind, n.documentId);
  switch (n.type) {
    case NotificationType.DELEGATION_GRANTED:
    case NotificationType.DELEGATION_REVOKED:
      return '/pendelegasian';
    case NotificationType.HOLIDAYS_MISSING:
      return '/pengaturan#libur';
    default:
      return null;
  }
}
