import { useEffect } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { NotificationPage } from '../api/views';
import { Empty, ErrorMessage, Loading, useLoad } from '../components/async';
import { NOTIFICATIONS_ARRIVED } from '../components/layout';
import { dateTime, KIND_PATHS } from '../i18n/words';
import { Link } from '../router';

export function NotificationsPage() {
  const list = useLoad(() => ok<NotificationPage>(api.GET('/api/notifications', { params: { query: { limit: 50 } as never } })), []);
  useEffect(() => {
    // new ones appear without a reload: the bell's poll says when the unread ones changed
    addEventListener(NOTIFICATIONS_ARRIVED, list.reload);
    return () => removeEventListener(NOTIFICATIONS_ARRIVED, list.reload);
  }, []);

  async function markRead(id: string) {
    await ok(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })).catch(() => undefined);
    list.reload();
    dispatchEvent(new Event('alur:notifications-changed'));
  }

  return (
    <section>
      <h1>Pemberitahuan</h1>
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Empty>Belum ada pemberitahuan.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ul class="cards">
          {list.data.items.map((n) => (
            <li key={n.id} class={n.readAt ? 'card' : 'card unread'}>
              {n.documentKind && n.documentId ? (
                <Link href={`/${KIND_PATHS[n.documentKind]}/${n.documentId}`} class="title">
                  {n.title}
                </Link>
              ) : n.type === 'DELEGATION_GRANTED' || n.type === 'DELEGATION_REVOKED' ? (
                <Link href="/pendelegasian" class="title">
                  {n.title}
                </Link>
              ) : (
                <p class="title">{n.title}</p>
              )}
              <p class="message">{n.message}</p>
              <p class="meta">
                {dateTime(n.createdAt)}
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
    </section>
  );
}
