import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { NotificationPage } from '../api/views';
import { Empty, ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { errorText } from '../i18n/error-text';
import { useReloadWhenNotified } from '../components/layout';
import { Pager, pagedPath } from '../components/pager';
import { notificationPagePath } from '@workflow/domain/notification-page.js';
import { dateTime, number } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

const LIMIT = 50;

/** Pemberitahuan: the caller's notifications, newest first, paged and (`?unread=true`) only the unread, in the URL. */
export function NotificationsPage({ query }: PageProps) {
  const { timeZone } = useSession();
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const unreadOnly = query.get('unread') === 'true';
  const key = query.toString();
  const list = useLoad(
    () => ok<NotificationPage>(api.GET('/api/notifications', { params: { query: { limit: LIMIT, page, ...(unreadOnly ? { unread: true } : {}) } as never } })),
    [key],
  );
  const [problem, setProblem] = useState<string | null>(null);
  // new ones appear without a reload: the bell's poll says when the unread ones changed
  useReloadWhenNotified(list.reload);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / LIMIT)) : 1;

  const goTo = (next: { unreadOnly: boolean; page: number }) => navigate(pagedPath('/pemberitahuan', { unread: next.unreadOnly ? 'true' : '' }, next.page));

  async function changed(request: Promise<unknown>) {
    try {
      await request;
      setProblem(null);
    } catch (error) {
      setProblem(errorText(toApiError(error)));
    }
    list.reload();
    dispatchEvent(new Event('alur:notifications-changed'));
  }
  const postRead = (id: string) => ok(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
  const markRead = (id: string) => changed(postRead(id));
  // opening what a notification is about reads it; the page is left, so only the bell hears of it
  const readOnOpening = (id: string) =>
    void postRead(id).then(
      () => dispatchEvent(new Event('alur:notifications-changed')),
      () => undefined,
    );
  // up to the newest one on the first page as loaded (not a page still on screen while the next
  // loads): one that arrives meanwhile stays unread
  const markAllRead = (upTo: string) => changed(ok(api.POST('/api/notifications/read', { body: { upTo } })));


  return (
    <section>
      <h1>Pemberitahuan</h1>
      <div class="filters">
        <label class="check">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => goTo({ unreadOnly: e.currentTarget.checked, page: 1 })} />
          Hanya yang belum dibaca
        </label>
        {list.data && list.data.page === 1 && list.data.unread > 0 && list.data.items.length > 0 && (
          <button type="button" onClick={() => void markAllRead(list.data!.items[0].id)}>
            Tandai semua sudah dibaca
          </button>
        )}
      </div>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Empty>{unreadOnly ? 'Tidak ada pemberitahuan yang belum dibaca.' : 'Belum ada pemberitahuan.'}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <p class="muted" role="status">
          {number(list.data.unread)} belum dibaca
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <ul class="cards">
          {list.data.items.map((n) => (
            <li key={n.id} class={n.readAt ? 'card' : 'card unread'}>
              <NotificationTitle notification={n} onOpen={() => n.readAt || readOnOpening(n.id)} />
              <p class="message">{n.message}</p>
              <p class="meta">
                {dateTime(n.createdAt, timeZone)}
                {!n.readAt && (
                  <button type="button" class="link" onClick={() => void markRead(n.id)}>
                    Tandai sudah dibaca
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.data && pages > 1 && <Pager page={page} pages={pages} onGo={(n) => goTo({ unreadOnly, page: n })} />}
    </section>
  );
}

/** A notification's title: a link to the page it leads to (notificationPagePath), when it leads to one. */
function NotificationTitle({ notification: n, onOpen }: { notification: NotificationPage['items'][number]; onOpen: () => unknown }) {
  const to = notificationPagePath(n);
  if (to === null) return <p class="title">{n.title}</p>;
  return (
    <Link href={to} class="title" onClick={onOpen}>
      {n.title}
    </Link>
  );
}
