import type { FunctionComponent } from 'preact';
import { DOCUMENT_PATHS } from '@workflow/domain/document-kind.types.js';
import { match } from './router';
import { AccountPage } from './pages/account';
import { AdminAuditPage } from './pages/admin-audit';
import { DelegationsPage } from './pages/delegations';
import { DocumentFormPage } from './pages/document-form';
import { DocumentListPage } from './pages/document-list';
import { DocumentPage } from './pages/document';
import { InboxPage } from './pages/inbox';
import { NotFoundPage } from './pages/not-found';
import { NotificationsPage } from './pages/notifications';
import { GovernmentsPage } from './pages/governments';
import { PeoplePage } from './pages/people';
import { PersonnelImportPage } from './pages/personnel-import';
import { PersonPage } from './pages/person';
import { ReportsPage } from './pages/reports';
import { SettingsPage } from './pages/settings';
import { SystemStatusPage } from './pages/system-status';
import { UnitsPage } from './pages/units';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

/** Every page of the app by path; add a page here (see apps/web/README.md). */
export const ROUTES: ReadonlyArray<[string, FunctionComponent<PageProps>]> = [
  ['/', InboxPage],
  ['/:kindPath/baru', DocumentFormPage],
  ['/:kindPath/:id/ubah', DocumentFormPage],
  ['/:kindPath/:id', DocumentPage],
  ['/:kindPath', DocumentListPage],
  ['/pemberitahuan', NotificationsPage],
  ['/akun', AccountPage],
  ['/pendelegasian', DelegationsPage],
  ['/pengaturan', SettingsPage],
  ['/pegawai', PeoplePage],
  ['/pegawai/baru', PersonPage],
  ['/pegawai/:username', PersonPage],
  ['/unit-kerja', UnitsPage],
  ['/pemerintah-daerah', GovernmentsPage],
  ['/impor-pegawai', PersonnelImportPage],
  ['/riwayat-administrasi', AdminAuditPage],
  ['/laporan', ReportsPage],
  ['/laporan/:report', ReportsPage],
  ['/status-sistem', SystemStatusPage],
];

const KIND_PATHS = new Set<string>(Object.values(DOCUMENT_PATHS));

export function routeFor(path: string): { Page: FunctionComponent<PageProps>; params: Record<string, string> } {
  for (const [pattern, Page] of ROUTES) {
    const params = match(pattern, path);
    if (params && (!params.kindPath || KIND_PATHS.has(params.kindPath))) return { Page, params };
  }
  return { Page: NotFoundPage, params: {} };
}
