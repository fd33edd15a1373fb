import { useEffect, useRef, useState } from 'preact/hooks';
import { documentPagePath } from '@workflow/domain/document-kind.types.js';
import { api, ok } from '../api/client';
import type { ListGovernment, Task, Workflow } from '../api/views';
import { Empty, ErrorMessage, Loading, useLoad } from '../components/async';
import { DeadlineText } from '../components/deadline';
import { useGovernmentChoices } from '../components/government-choices';
import { actingRoles } from '../components/acting-roles';
import { rememberInboxAddress } from '../components/inbox-address';
import { actsAcrossUnits, stagesActedIn, withSeen } from '../components/inbox-choices';
import { useReloadWhenNotified } from '../components/layout';
import { NamedChoice } from '../components/named-choice';
import { useSettledValue } from '../components/settled-value';
import { useUnitChoices } from '../components/unit-choices';
import { searchWords, titleQuery } from '../components/title-query';
import { inboxFilterProblem } from '../i18n/list-filter-problem';
import { KIND_LABELS, number, stageLabel, whoseDocument } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

/** The most the API gives in one answer; the inbox renders them in one pass (no request per row). */
const LIMIT = 200;
/** How long the typing in "Cari judul" pauses before its words are asked of the API. */
const SEARCH_PAUSE_MS = 400;

/** What the API narrows the inbox to, when chosen: a kind, a stage, a government or a unit (with its government), the overdue, title words. */
interface InboxFilter {
  kind: string;
  state: string;
  governmentCode: string;
  unitCode: string;
  overdueOnly: boolean;
  q: string | null;
}

/**
 * The first `pages` pages of the caller's tasks, one after another (each begins where the one before ended),
 * narrowed by the API to the filter chosen, so that a choice also finds tasks not loaded yet.
 */
async function loadTasks(pages: number, { kind, state, governmentCode, unitCode, overdueOnly, q }: InboxFilter): Promise<{ items: Task[]; next: string | null; governments: ListGovernment[] }> {
  const items: Task[] = [];
  let next: string | null = null;
  let governments: ListGovernment[] = [];
  const narrowed = {
    ...(kind ? { kind: kind as Task['kind'] } : {}),
    ...(state ? { state } : {}),
    ...(governmentCode ? { governmentCode } : {}),
    ...(governmentCode && unitCode ? { unitCode } : {}),
    ...(overdueOnly ? { overdue: true } : {}),
    ...(q === null ? {} : { q }),
  };
  for (let page = 0; page < pages && (page === 0 || next !== null); page++) {
    const query = { limit: LIMIT, ...narrowed, ...(next === null ? {} : { after: next }) };
    const answer: { items: Task[]; next: string | null; governments: ListGovernment[] } = await ok(api.GET('/api/tasks', { params: { query } }));
    items.push(...answer.items);
    next = answer.next;
    governments = answer.governments;
  }
  return { items, next, governments };
}

/** A task's unit as the unit filter names it: the document's government and unit. */
const unitKey = (t: Task) => `${t.governmentCode}/${t.unitCode}`;

/**
 * What "Tahap" and "Unit kerja" offer before any task shows one: the stages where the caller's roles act
 * (the workflows the API describes) and the units of the government chosen or, with none chosen, for roles
 * acting on every unit of their own government, its units.
 */
function useInboxChoices(roles: ReadonlySet<string>, kind: Task['kind'] | '', ownGovernment: string, chosenGovernment: string) {
  const workflows = useLoad(() => ok<{ items: Workflow[] }>(api.GET('/api/workflows')), []);
  const items = workflows.data?.items ?? [];
  const unitsOf = chosenGovernment || (actsAcrossUnits(items, roles) ? ownGovernment : '');
  const units = useUnitChoices(unitsOf === ownGovernment ? '' : unitsOf || null);
  return { stages: stagesActedIn(items, roles, kind), units: units.map((u) => ({ key: `${unitsOf}/${u.code}`, name: u.name })) };
}

export function InboxPage({ query }: PageProps) {
  const { me } = useSession();
  /** A task says whom the caller acts for by name (ui.md: "atas nama <nama>"); the delegations held give it. */
  const principalName = (username: string) => me.delegations.find((d) => d.principal === username)?.principalName ?? username;
  // the filters are the URL's (the API's names), so going back from a document, or reloading, finds them as they were;
  // a choice replaces the URL rather than adding to the history, as Back leaves the inbox at once
  const kind = query.get('kind') ?? '';
  const stage = query.get('state') ?? '';
  const governmentCode = query.get('governmentCode') ?? '';
  const unitCode = query.get('unitCode') ?? '';
  /** The unit chosen as the unit filter names it (`unitKey`), '' for none. */
  const unit = governmentCode && unitCode ? `${governmentCode}/${unitCode}` : '';
  const overdueOnly = query.get('overdue') === 'true';
  const search = query.get('q') ?? '';
  const choose = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value);
    else next.delete(key);
    const text = next.toString();
    navigate(text ? `/?${text}` : '/', { replace: true });
  };
  // a document opened from here leads back to the inbox as filtered ("Kembali ke Kotak Masuk")
  useEffect(() => rememberInboxAddress(me.username, query.toString()), [query.toString()]);
  // the title's words go to the API once the typing pauses; meanwhile the page filters what it has
  const typedQuery = titleQuery(search);
  const q = useSettledValue(typedQuery, SEARCH_PAUSE_MS);
  const filter: InboxFilter = { kind, state: stage, governmentCode, unitCode, overdueOnly, q };
  const filterKey = JSON.stringify(filter);
  // more pages when asked ("Muat tugas berikutnya"), for the filter they were asked under (another starts at one);
  // a reload reads again as many as were shown
  const [paging, setPaging] = useState({ filterKey, pages: 1 });
  const pages = paging.filterKey === filterKey ? paging.pages : 1;
  const tasks = useLoad(() => loadTasks(pages, filter), [pages, filterKey]);
  /** The stages and units of the tasks loaded without one chosen or a title searched (choosing one keeps the others offered). */
  const [seenStages, setSeenStages] = useState<string[]>([]);
  const [seenUnits, setSeenUnits] = useState<Array<{ key: string; name: string }>>([]);
  // offered also before a task shows them: a stage or unit beyond the tasks loaded is asked of the API all the same
  const offered = useInboxChoices(actingRoles(me), kind as Task['kind'] | '', me.governmentCode, governmentCode);
  const stages = withSeen(offered.stages, stage ? [...seenStages, stage] : seenStages);
  /** Whose document a task is, named as the card names it (a province's Biro also facilitates its regencies'). */
  const whose = (t: Task) => whoseDocument(t, me.governmentCode);
  // a unit the URL names is offered also before a task of it is loaded (by its code until one names it)
  const ofChosenUnit = tasks.data?.items.find((t) => unitKey(t) === unit);
  const chosenUnit = unit ? [{ key: unit, name: ofChosenUnit ? whose(ofChosenUnit) : unit }] : [];
  // a government chosen: its units alone (those seen before it was chosen may be another's)
  const ofGovernment = (u: { key: string }) => !governmentCode || u.key.startsWith(`${governmentCode}/`);
  const units = withSeen(offered.units, [...seenUnits, ...chosenUnit], (u) => u.key)
    .filter(ofGovernment)
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  /** Where the caller's tasks can be (a province's Biro Hukum: also the regencies and cities it facilitates). */
  const governments = useGovernmentChoices(tasks.data);
  const governmentsOffered = governments.length > 1 || Boolean(governmentCode && !unitCode);
  /** How many tasks were loaded when more were asked for: the focus then goes to the first of the new ones shown. */
  const loadedBefore = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // a task given to the caller comes with a notification: the list takes it in when the bell sees one, the filters kept
  useReloadWhenNotified(tasks.reload);

  const all = tasks.data?.items ?? [];
  const more = Boolean(tasks.data?.next);
  const words = searchWords(search);
  const askedOfApi = Boolean(kind || stage || governmentCode || overdueOnly || q);
  /** Words the API cannot take (too long): the title filters only the tasks loaded. */
  const searchedHere = words.length > 0 && typedQuery === null;
  const filtered = askedOfApi || words.length > 0;
  // the API's filters again here: a choice narrows the list at once, while the API's answer for it is on its way
  const shown = all.filter(
    (t) =>
      (!kind || t.kind === kind) &&
      (!stage || t.state === stage) &&
      (!governmentCode || t.governmentCode === governmentCode) &&
      (!unit || unitKey(t) === unit) &&
      (!overdueOnly || t.overdue) &&
      words.every((w) => t.title.toLowerCase().includes(w)),
  );

  const late = shown.filter((t) => t.overdue).length;
  const reset = (
    <Link href="/" class="button">
      Hapus saringan
    </Link>
  );

  useEffect(() => {
    if (!tasks.data || q !== null) return;
    if (!stage) setSeenStages([...new Set(tasks.data.items.map((t) => t.state))]);
    if (!unit) {
      const named = new Map(tasks.data.items.map((t) => [unitKey(t), whose(t)]));
      setSeenUnits([...named].map(([key, name]) => ({ key, name })));
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
          <input type="search" value={search} onInput={(e) => choose({ q: e.currentTarget.value })} />
        </label>
        <label>
          Jenis
          <select value={kind} onChange={(e) => choose({ kind: e.currentTarget.value })}>
            <option value="">Semua</option>
            <option value="quick-win">Quick Win</option>
            <option value="regulation">Rancangan Peraturan</option>
          </select>
        </label>
        <label>
          Tahap
          <select value={stage} onChange={(e) => choose({ state: e.currentTarget.value })}>
            <option value="">Semua</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {governmentsOffered && (
          <NamedChoice label="Pemerintah daerah" options={governments} selected={governmentCode} onChoose={(code) => choose({ governmentCode: code, unitCode: '' })} />
        )}
        {(units.length > 1 || unit) && (
          <label>
            Unit kerja
            <select
              value={unit}
              onChange={(e) => {
                const [unitGovernment = '', unitCode = ''] = e.currentTarget.value.split('/');
                // "Semua" keeps a government chosen where one is offered; else the unit alone named it
                choose({ governmentCode: unitCode ? unitGovernment : governmentsOffered ? governmentCode : '', unitCode });
              }}
            >
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
          <input type="checkbox" checked={overdueOnly} onChange={(e) => choose({ overdue: e.currentTarget.checked ? 'true' : '' })} />
          Hanya yang terlambat
        </label>
      </form>
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.error?.status === 400 && (
        <div class="alert" role="alert">
          <p>{inboxFilterProblem(tasks.error)}</p>
          {reset}
        </div>
      )}
      {tasks.error && tasks.error.status !== 400 && <ErrorMessage error={tasks.error} onRetry={tasks.reload} />}
      {tasks.data && all.length === 0 && !askedOfApi && <Empty>Tidak ada tugas yang menunggu Anda.</Empty>}
      {tasks.data && (all.length > 0 || askedOfApi) && shown.length === 0 && (
        <>
          <Empty>Tidak ada tugas yang sesuai dengan saringan{more && searchedHere ? ' di antara tugas yang sudah dimuat' : ''}.</Empty>
          {reset}
        </>
      )}
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
            {searchedHere ? '; pencarian judul sepanjang ini hanya berlaku pada yang sudah dimuat' : ''}.
          </p>
          <button
            type="button"
            aria-busy={tasks.loading}
            onClick={() => {
              if (tasks.loading) return; // not disabled meanwhile: a disabled button would drop the focus
              loadedBefore.current = all.length;
              setPaging({ filterKey, pages: pages + 1 });
            }}
          >
            Muat tugas berikutnya
          </button>
        </div>
      )}
    </section>
  );
}
