import { api, ok } from '../api/client';
import type { DocumentView, Page } from '../api/views';
import { Empty, ErrorMessage, Loading, useLoad } from '../components/async';
import { dateTime, stageLabel } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';

const LIMIT = 20;

export function DocumentListPage({ params, query }: PageProps) {
  const kindPath = params.kindPath as 'quick-wins' | 'regulations';
  const title = kindPath === 'quick-wins' ? 'Quick Win' : 'Rancangan Peraturan';
  const state = query.get('state') ?? '';
  const year = query.get('year') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const filters = { ...(state ? { state } : {}), ...(year ? { year: Number(year) } : {}), page, limit: LIMIT } as never;
  const list = useLoad(
    () => ok<Page<DocumentView>>(kindPath === 'quick-wins' ? api.GET('/api/quick-wins', { params: { query: filters } }) : api.GET('/api/regulations', { params: { query: filters } })),
    [kindPath, state, year, page],
  );
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    else next.delete(k);
    navigate(`/${kindPath}?${next}`);
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / LIMIT)) : 1;

  return (
    <section>
      <h1>{title}</h1>
      <p>
        <Link href={`/${kindPath}/baru`} class="button primary">
          Buat {title}
        </Link>
      </p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          go({ state: String(form.get('state') ?? ''), year: String(form.get('year') ?? ''), page: '' });
        }}
      >
        <label>
          Tahap
          <input name="state" defaultValue={state} placeholder="mis. draft" />
        </label>
        <label>
          Tahun
          <input name="year" type="number" defaultValue={year} min={2000} max={2100} />
        </label>
        <button type="submit">Terapkan</button>
      </form>
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Empty>Belum ada dokumen.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <>
          <ul class="cards">
            {list.data.items.map((doc) => (
              <li key={doc.id} class="card">
                <Link href={`/${kindPath}/${doc.id}`} class="title">
                  {doc.title}
                </Link>
                <p class="meta">
                  Tahap: {stageLabel(doc.state)} · Diperbarui {dateTime(doc.updatedAt, doc.timeZone)}
                </p>
              </li>
            ))}
          </ul>
          <nav class="pager" aria-label="Halaman">
            <button type="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
              Sebelumnya
            </button>
            <span>
              Halaman {page} dari {pages}
            </span>
            <button type="button" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
              Berikutnya
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
