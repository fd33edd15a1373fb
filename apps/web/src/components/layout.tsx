import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { NotificationPage } from '../api/views';
import { Link, useLocation } from '../router';
import { hasRole, useSession } from '../session';
import { useAdministersProvince } from './administers-province';
import { canReadReports } from './report-access';
import { number } from '../i18n/words';

/**
 * How often the bell asks for unread notifications: a cheap count (limit 1), 4 times a minute per open
 * tab, none while the tab is hidden, and at once when it is shown again.
 */
export const POLL_MS = 15_000;

/** Fired on `window` when the unread notifications changed (a new one, or one read): lists reload. */
export const NOTIFICATIONS_ARRIVED = 'alur:notifications-arrived';

/** Calls `reload` (stable, as useLoad's) whenever the bell's poll finds the unread notifications changed. */
export function useReloadWhenNotified(reload: () => void): void {
  useEffect(() => {
    addEventListener(NOTIFICATIONS_ARRIVED, reload);
    return () => removeEventListener(NOTIFICATIONS_ARRIVED, reload);
  }, [reload]);
}

/** How many notifications are unread, refreshed every POLL_MS while visible and when a page says it changed. */
export function useUnreadCount(): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    let seen: string | null = null;
    const refresh = () =>
      ok<NotificationPage>(api.GET('/api/notifications', { params: { query: { unread: 'true', limit: 1 } as never } })).then(
        (page) => {
          if (!live) return;
          setUnread(page.unread);
          const now = `${page.unread}|${page.items[0]?.id ?? ''}`;
          if (seen !== null && now !== seen) dispatchEvent(new Event(NOTIFICATIONS_ARRIVED));
          seen = now;
        },
        () => undefined,
      );
    const tick = () => {
      if (!document.hidden) void refresh();
    };
    const shown = () => {
      if (!document.hidden) void refresh();
    };
    void refresh();
    const timer = setInterval(tick, POLL_MS);
    addEventListener('alur:notifications-changed', refresh);
    document.addEventListener('visibilitychange', shown);
    return () => {
      live = false;
      clearInterval(timer);
      removeEventListener('alur:notifications-changed', refresh);
      document.removeEventListener('visibilitychange', shown);
    };
  }, []);
  return unread;
}

/**
 * Another page (not another filter or page of the same list) puts the focus at the start of its
 * content, so a screen reader reads the new page and Tab goes on from there, not from the old link.
 */
function useMovesFocusToNewPage(pathname: string) {
  const main = useRef<HTMLElement>(null);
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { me, signOut } = useSession();
  const unread = useUnreadCount();
  const administersProvince = useAdministersProvince(hasRole(me, 'ADMIN'), me.governmentCode);
  const { pathname } = useLocation();
  const main = useMovesFocusToNewPage(pathname);
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href)) ? 'page' : undefined;
  const links: Array<[string, string]> = [
    ['/', 'Kotak Masuk'],
    ['/quick-wins', 'Quick Win'],
    ['/regulations', 'Rancangan Peraturan'],
    ['/pendelegasian', 'Pendelegasian'],
  ];
  if (canReadReports(me)) links.push(['/laporan', 'Laporan']);
  if (hasRole(me, 'ADMIN')) links.push(['/pegawai', 'Pegawai'], ['/unit-kerja', 'Unit Kerja'], ['/impor-pegawai', 'Impor Pegawai']);
  if (administersProvince) links.push(['/pemerintah-daerah', 'Pemerintah Daerah']);
  if (hasRole(me, 'ADMIN')) links.push(['/pengaturan', 'Pengaturan']);
  if (hasRole(me, 'OPERATOR')) links.push(['/status-sistem', 'Status Sistem']);
  return (
    <>
      <a class="skip" href="#isi">
        Langsung ke isi
      </a>
      <header class="top">
        <Link href="/" class="brand">
          alur
        </Link>
        <nav aria-label="Menu utama">
          <ul>
            {links.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={current(href)}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <Link href="/pemberitahuan" class="bell" aria-current={current('/pemberitahuan')} aria-label={`Pemberitahuan, ${number(unread)} belum dibaca`}>
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" class="bell-icon">
              <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
            </svg>
            <span class={unread === 0 ? 'badge none' : 'badge'} data-testid="unread-count" aria-hidden="true">
              {number(unread)}
            </span>
          </Link>
          <Link href="/akun" class="who" aria-current={current('/akun')} aria-label={`Akun Saya: ${me.name}`}>
            {me.name}
          </Link>
          <button type="button" onClick={() => void signOut()}>
            Keluar
          </button>
        </div>
      </header>
      <main id="isi" tabIndex={-1} ref={main}>
        {children}
      </main>
    </>
  );
}
