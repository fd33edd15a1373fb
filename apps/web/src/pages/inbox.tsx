import { useEffect, useRef, useState } from 'preact/hooks';
import { documentPagePath } from '@workflow/domain/document-kind.types.js';
import { api, ok } from '../api/client';
import type { Task } from '../api/views';
import { Empty, ErrorMessage, Loading, useLoad } from '../components/async';
import { DeadlineText } from '../components/deadline';
import { useReloadWhenNotified } from '../components/layout';
import { KIND_LABELS, number, stageLabel, whoseDocument } from '../i18n/words';
import { Link } from '../router';
import { useSession } from '../session';

/** The most the API gives in one answer; the inbox renders them in one pass (no request per row). */
const LIMIT = 200;

/** What the API narrows the inbox to, when chosen: a kind, a stage, a unit (`<governmentCode>/<unitCode>`), the overdue. */
interface InboxFilter {
  kind: string;
  state: string;
  unit: string;
  overdueOnly: boolean;
}

/**
 * The first `pages` pages of the caller's tasks, one after another (each begins where the one before ended),
 * narrowed by the API to the filter chosen, so that a choice also finds tasks not loaded yet.
 */
async function loadTasks(pages: number, { kind, state, unit, overdueOnly }: InboxFilter): Promise<{ items: Task[]; next: string | null }> {
  const items: Task[] = [];
  let next: string | null = null;
  const [governmentCode, unitCode] = unit.split('/');
  const narrowed = {
    ...(kind ? { kind: kind as Task['kind'] } : {}),
    ...(state ? { state } : {}),
    ...(unit ? { governmentCode, unitCode } : {}),
    ...(overdueOnly ? { overdue: true } : {}),
  };
  for (let page = 0; page < pages && (page === 0 || next !== null); page++) {
    const query = { limit: LIMIT, ...narrowed, ...(next === null ? {} : { after: next }) };
    const answer: { items: Task[]; next: string | null } = await ok(api.GET('/api/tasks', { params: { query } }));
    items.push(...answer.items);
    next = answer.next;
  }
  return { items, next };
}

/** A task's unit as the unit filter names it: the document's government and unit. */
const unitKey = (t: Task) => `${t.governmentCode}/${t.unitCode}`;

export function InboxPage() {
  const { me } = useSession();
  /** A task says whom the caller acts for by name (ui.md: "atas nama <nama>"); the delegations held give it. */
  const principalName = (username: string) => me.delegations.find((d) => d.principal === username)?.principalName ?? username;
  const [kind, setKind] = useState('');
  const [stage, setStage] = useState('');
  const [unit, setUnit] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  // more pages when asked ("Muat tugas berikutnya"); a reload reads again as many as were shown
  const [pages, setPages] = useState(1);
  const tasks = useLoad(() => loadTasks(pages, { kind, state: stage, unit, overdueOnly }), [pages, kind, stage, unit, overdueOnly]);
  /** A filter the API applies: chosen, the inbox loads its first page again. */
  const choose = <T,>(set: (value: T) => void, value: T) => {
    set(value);
    setPages(1);
  };
  /** The stages and units offered: those of the tasks loaded without one chosen (choosing one keeps the others offered). */
  const [stages, setStages] = useState<string[]>([]);
  const [units, setUnits] = useState<Array<{ key: string; name: string }>>([]);
  /** How many tasks were loaded when more were asked for: the focus then goes to the first of the new ones shown. */
  const loadedBefore = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // a task given to the caller comes with a notification: the list takes it in when the bell sees one, the filters kept
  useReloadWhenNotified(tasks.reload);

  const all = tasks.data?.items ?? [];
  const more = Boolean(tasks.data?.next);
  /** Whose document a task is, named as the card names it (a province's Biro also facilitates its regencies'). */
  const whose = (t: Task) => whoseDocument(t, me.governmentCode);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const askedOfApi = Boolean(kind || stage || unit || overdueOnly);
  const filtered = askedOfApi || words.length > 0;
  // the API's filters again here: a choice narrows the list at once, while the API's answer for it is on its way;
  // the title's words only the browser applies, to the tasks loaded
  const shown = all.filter(
    (t) => (!kind || t.kind === kind) && (!stage || t.state === stage) && (!unit || unitKey(t) === unit) && (!overdueOnly || t.overdue) && words.every((w) => t.title.toLowerCase().includes(w)),
  );

  const late = shown.filter((t) => t.overdue).length;

  useEffect(() => {
    if (!tasks.data) return;
    if (!stage) setStages([...new Set(tasks.data.items.map((t) => t.state))]);
    if (!unit) {
      const named = new Map(tasks.data.items.map((t) => [unitKey(t), whose(t)]));
      setUnits([...named].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name, 'id')));
    }
  }, [tasks.data]);

  useEffect(() => {
    const before = loadedBefore.current;
    if (before === null || tasks.loading) return;
    loadedBefore.current = null;
    const firstNew = shown.find((t) => all.indexOf(t) >= before);
    if (firstNew) list.current?.querySelector<HTMLAnchorElement>(`[data-task="${firstNew.id}"] a.title`)?.focus();
    // none of the new ones passes the filters, and the button is gone: the focus stays in the list, at its end
    else if (!more) [...(list.current?.querySelectorAll<HTMLAnchorElement>('a.title') ?? [])].at(-1)?.focus();
  }, [tasks.data, tasks.loading]);

  return (
    <section>
      <h1>Kotak Masuk</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Cari judul
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label>
          Jenis
          <select value={kind} onChange={(e) => choose(setKind, e.currentTarget.value)}>
            <option value="">Semua</option>
            <option value="quick-win">Quick Win</option>
            <option value="regulation">Rancangan Peraturan</option>
          </select>
        </label>
        <label>
          Tahap
          <select value={stage} onChange={(e) => choose(setStage, e.currentTarget.value)}>
            <option value="">Semua</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {units.length > 1 && (
          <label>
            Unit kerja
            <select value={unit} onChange={(e) => choose(setUnit, e.currentTarget.value)}>
              <option value="">Semua</option>
              {units.map((u) => (
                <option key={u.key} value={u.key}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => choose(setOverdueOnly, e.currentTarget.checked)} />
          Hanya yang terlambat
        </label>
      </form>
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.error && <ErrorMessage error={tasks.error} onRetry={tasks.reload} />}
      {tasks.data && all.length === 0 && !askedOfApi && <Empty>Tidak ada tugas yang menunggu Anda.</Empty>}
      {tasks.data && (all.length > 0 || askedOfApi) && shown.length === 0 && <Empty>Tidak ada tugas yang sesuai dengan saringan{more && words.length > 0 ? ' di antara tugas yang sudah dimuat' : ''}.</Empty>}
      {shown.length > 0 && (
        <p class="muted" role="status">
          {number(shown.length)} tugas{filtered ? ' sesuai saringan' : ''}
          {late > 0 && `, ${number(late)} terlambat`}
        </p>
      )}
      {shown.length > 0 && (
        <ul class="cards" aria-label="Tugas" ref={list}>
          {shown.map((task) => (
            <li key={task.id} class={task.overdue ? 'card overdue' : 'card'} data-testid="task" data-task={task.id}>
              <Link href={documentPagePath(task.kind, task.id)} class="title">
                {task.title}
              </Link>
              <p class="meta">{whose(task)}</p>
              <p class="meta">
                {KIND_LABELS[task.kind]} · Tahap: {stageLabel(task.state)}
                {task.onBehalfOf && <span class="mark behalf"> atas nama {principalName(task.onBehalfOf)}</span>}
              </p>
              <p class="meta">
                Batas waktu: <DeadlineText id={task.id} dueAt={task.dueAt} overdue={task.overdue} dueSoon={task.dueSoon} explanation={task.explanation} timeZone={task.timeZone as string | undefined} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {more && (
        <div class="more">
          <p class="muted">
            Baru {number(all.length)} tugas dengan batas waktu terdekat yang dimuat
            {words.length > 0 ? '; pencarian judul hanya berlaku pada yang sudah dimuat' : ''}.
          </p>
          <button
            type="button"
            aria-busy={tasks.loading}
            onClick={() => {
              if (tasks.loading) return; // not disabled meanwhile: a disabled button would drop the focus
              loadedBefore.current = all.length;
              setPages((n) => n + 1);
            }}
          >
            Muat tugas berikutnya
          </button>
        </div>
      )}
    </section>
  );
}
