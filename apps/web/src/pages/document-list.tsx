import { api, ok } from '../api/client';
import type { DocumentPage } from '../api/views';
import { Empty, ErrorMessage, Loading, useLoad } from '../components/async';
import { parseStateDiagram } from '../components/workflow-graph';
import { listFilterProblem } from '../i18n/list-filter-problem';
import { dateTime, number, stageLabel, whoseDocument } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { Pager } from '../components/pager';
import { useGovernmentChoices } from '../components/government-choices';
import { governmentUnitChoice } from '../components/government-unit-filter';
import { NamedChoice } from '../components/named-choice';
import { useUnitChoices } from '../components/unit-choices';
import { canDraft, useSession } from '../session';

const LIMIT = 20;

/** The stages a list can be filtered by: the workflow's, main line first, from the diagram the API serves. */
function useStages(kind: 'quick-win' | 'regulation'): string[] {
  const diagram = useLoad(() => ok<string>(api.GET('/api/workflows/{kind}/diagram', { params: { path: { kind } }, parseAs: 'text' })), [kind]);
  if (!diagram.data) return [];
  const graph = parseStateDiagram(diagram.data);
  return [...graph.mainLine, ...graph.stages.map((s) => s.id).filter((id) => !graph.mainLine.includes(id))];
}

export function DocumentListPage({ params, query }: PageProps) {
  const { me } = useSession();
  const kindPath = params.kindPath as 'quick-wins' | 'regulations';
  const title = kindPath === 'quick-wins' ? 'Quick Win' : 'Rancangan Peraturan';
  const state = query.get('state') ?? '';
  const unitCode = query.get('unitCode') ?? '';
  const governmentCode = query.get('governmentCode') ?? '';
  const year = query.get('year') ?? '';
  const words = query.get('q') ?? '';
  const page = query.get('page') ?? '1';
  // only a drafter (or their Plt/Plh) may create: the API refuses anyone else after the whole form is filled
  const drafts = canDraft(me);
  const filtered = Boolean(state || unitCode || governmentCode || year || words);
  // the URL's values go to the API as they are: a value it refuses becomes the error state below
  const filters = { ...(state ? { state } : {}), ...(governmentCode ? { governmentCode } : {}), ...(unitCode ? { unitCode } : {}), ...(year ? { year } : {}), ...(words ? { q: words } : {}), page, limit: String(LIMIT) } as never;
  const list = useLoad(
    () => ok<DocumentPage>(kindPath === 'quick-wins' ? api.GET('/api/quick-wins', { params: { query: filters } }) : api.GET('/api/regulations', { params: { query: filters } })),
    [kindPath, state, governmentCode, unitCode, year, words, page],
  );
  const stages = useStages(kindPath === 'quick-wins' ? 'quick-win' : 'regulation');
  const units = useUnitChoices(governmentCode);
  const governments = useGovernmentChoices(list.data);
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    else next.delete(k);
    const search = next.toString();
    navigate(`/${kindPath}${search ? `?${search}` : ''}`);
  };
  // what the list shows is the page the API answered (the URL may be ahead while it loads)
  const pageNumber = list.data?.page ?? (Number(page) || 1);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / LIMIT)) : 1;
  const reset = (
    <Link href={`/${kindPath}`} class="button">
      Hapus saringan
    </Link>
  );

  return (
    <section>
      <h1>{title}</h1>
      {drafts && (
        <p>
          <Link href={`/${kindPath}/baru`} class="button primary">
            Buat {title}
          </Link>
        </p>
      )}
      <form
        key={query.toString()}
        class="filters"
        aria-label={`Saring ${title}`}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const text = (name: string) => String(form.get(name) ?? '').trim();
          const place = governmentUnitChoice({ governmentCode: text('governmentCode'), unitCode: text('unitCode') }, { governmentCode }, { ownGovernmentCode: me.governmentCode, governmentsOffered: governments.length });
          go({ q: text('q').replace(/\s+/g, ' '), state: text('state'), ...place, year: text('year'), page: '' });
        }}
      >
        <label>
          Cari judul
          <input name="q" type="search" defaultValue={words} maxLength={200} />
        </label>
        <label>
          Tahap
          <select name="state">
            <option value="">Semua</option>
            {stages.map((s) => (
              <option key={s} value={s} selected={s === state}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {(governments.length > 1 || governmentCode) && <NamedChoice label="Pemerintah daerah" name="governmentCode" options={governments} selected={governmentCode} />}
        <NamedChoice label="Unit kerja" name="unitCode" options={units} selected={unitCode} />
        <label>
          Tahun
          <input name="year" type="number" defaultValue={year} min={2000} max={2100} />
        </label>
        <button type="submit">Terapkan</button>
      </form>
      {list.loading && !list.data && <Loading />}
      {list.error && list.error.status === 400 && (
        <div class="alert" role="alert">
          <p>{listFilterProblem(list.error)}</p>
          {reset}
        </div>
      )}
      {list.error && list.error.status !== 400 && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && (
        <div data-testid="empty">
          {list.data.total > 0 ? (
            <Empty>
              Halaman {number(pageNumber)} kosong: daftar ini hanya {number(pages)} halaman. <Link href={`/${kindPath}?${new URLSearchParams({ ...Object.fromEntries(query), page: '1' })}`}>Ke halaman 1</Link>
            </Empty>
          ) : filtered ? (
            <>
              <Empty>Tidak ada {title} yang sesuai dengan saringan.</Empty>
              {reset}
            </>
          ) : (
            <Empty>Belum ada {title} yang dapat Anda lihat.{drafts && ' Buat yang pertama dengan tombol di atas.'}</Empty>
          )}
        </div>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <p class="muted" role="status">
            {number(list.data.total)} {title}
            {filtered ? ' sesuai saringan' : ''}
          </p>
          <ul class="cards" aria-label={`Daftar ${title}`} aria-busy={list.loading}>
            {list.data.items.map((doc) => (
              <li key={doc.id} class="card">
                <Link href={`/${kindPath}/${doc.id}`} class="title">
                  {doc.title}
                </Link>
                <p class="meta">{whoseDocument(doc, me.governmentCode)}</p>
                <p class="meta">
                  Tahap: {stageLabel(doc.state)} · Diperbarui {dateTime(doc.updatedAt, doc.timeZone)}
                </p>
              </li>
            ))}
          </ul>
          <Pager page={pageNumber} pages={pages} onGo={(n) => go({ page: String(n) })} />
        </>
      )}
    </section>
  );
}
