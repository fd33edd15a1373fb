import type { ComponentChildren } from 'preact';
import { number } from '../i18n/words';
import { Empty, ErrorMessage, Loading, type Loaded } from './async';

/** A paged list's address: its filters that are set, and the page when it is not the first (`/pegawai?role=ADMIN&page=2`). */
export function pagedPath(path: string, filters: Readonly<Record<string, string>>, page: number): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Under a paged list: "Sebelumnya", where the list is ("Halaman 2 dari 5"), "Berikutnya". */
export function Pager({ page, pages, onGo }: { page: number; pages: number; onGo(page: number): void }) {
  return (
    <nav class="pager" aria-label="Halaman">
      <button type="button" disabled={page <= 1} onClick={() => onGo(page - 1)}>
        Sebelumnya
      </button>
      <span>
        Halaman {number(page)} dari {number(pages)}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onGo(page + 1)}>
        Berikutnya
      </button>
    </nav>
  );
}

/**
 * A paged list as it loads: "Memuat", a problem with "Coba lagi", `empty` when there is nothing, else
 * "<total> <noun> · halaman p dari n", the items (`children`) and the Pager.
 */
export function PagedList<T extends { items: unknown[]; total: number }>(props: {
  list: Loaded<T>;
  page: number;
  limit: number;
  noun: string;
  empty: ComponentChildren;
  onGo(page: number): void;
  children(data: T): ComponentChildren;
}) {
  const { list, page } = props;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / props.limit)) : 1;
  return (
    <>
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Empty>{props.empty}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p class="muted" role="status">
            {number(list.data.total)} {props.noun} · halaman {number(page)} dari {number(pages)}
          </p>
          {props.children(list.data)}
          <Pager page={page} pages={pages} onGo={props.onGo} />
        </>
      )}
    </>
  );
}
