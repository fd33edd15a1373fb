import { api, ok } from '../api/client';
import type { Government, PersonPage, Unit } from '../api/views';
import { useLoad } from '../components/async';
import { GRANTABLE_ROLES, roleLabel } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import { CellLabel, TableRegion } from '../components/table';
import { PagedList, pagedPath } from '../components/pager';
import { governmentUnitChoice } from '../components/government-unit-filter';

const LIMIT = 20;
const FILTERS = ['governmentCode', 'unitCode', 'role', 'active', 'search'] as const;

/** The units of a government, for selects and names (empty while loading or refused). */
export function useUnits(governmentCode: string) {
  return useLoad(() => ok<{ items: Unit[] }>(api.GET('/api/governments/{code}/units', { params: { path: { code: governmentCode } } })), [governmentCode]);
}

/** Pegawai: the people of the governments the ADMIN administers, filtered and paged in the URL. */
export function PeoplePage({ query }: PageProps) {
  const { me } = useSession();
  // a province's ADMIN administers its regencies and cities too: they choose whose people, and whose units
  const governments = useLoad(() => ok<{ items: Government[] }>(api.GET('/api/governments')), []);
  const units = useUnits(query.get('governmentCode') || me.governmentCode);
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? '']).filter(([, v]) => v !== ''));
  const key = query.toString();
  const list = useLoad(
    () => ok<PersonPage>(api.GET('/api/users', { params: { query: { ...filters, page: String(page), limit: String(LIMIT) } as never } })),
    [key],
  );

  const goTo = (next: Record<string, string>, toPage: number) => navigate(pagedPath('/pegawai', next, toPage));

  function filter(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = Object.fromEntries(FILTERS.map((f) => [f, String(form.get(f) ?? '').trim()]));
    const place = governmentUnitChoice(
      { governmentCode: next.governmentCode, unitCode: next.unitCode },
      { governmentCode: filters.governmentCode ?? '' },
      { ownGovernmentCode: me.governmentCode, governmentsOffered: governments.data?.items.length ?? 0 },
    );
    goTo({ ...next, ...place }, 1);
  }

  return (
    <section>
      <h1>Pegawai</h1>
      <div class="buttons">
        <Link href="/pegawai/baru" class="button primary">
          Tambah pegawai
        </Link>
        <Link href="/impor-pegawai" class="button">
          Impor Pegawai
        </Link>
        <Link href="/riwayat-administrasi" class="button">
          Riwayat Administrasi
        </Link>
      </div>
      <form class="filters" onSubmit={filter} key={key} role="search" aria-label="Saring pegawai">
        <div>
          <label for="f-search">Cari nama, NIP atau nama pengguna</label>
          <input id="f-search" name="search" type="search" defaultValue={filters.search ?? ''} />
        </div>
        {(governments.data?.items.length ?? 0) > 1 && (
          <div>
            <label for="f-government">Pemerintah daerah</label>
            <select id="f-government" name="governmentCode">
              <option value="">Semua</option>
              {governments.data?.items.map((g) => (
                <option key={g.code} value={g.code} selected={g.code === filters.governmentCode}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label for="f-unit">Unit kerja</label>
          <select id="f-unit" name="unitCode">
            <option value="">Semua unit</option>
            {units.data?.items.map((u) => (
              <option key={u.code} value={u.code} selected={u.code === filters.unitCode}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-role">Peran</label>
          <select id="f-role" name="role">
            <option value="">Semua peran</option>
            {GRANTABLE_ROLES.map((r) => (
              <option key={r} value={r} selected={r === filters.role}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-active">Status</label>
          <select id="f-active" name="active">
            <option value="">Semua</option>
            <option value="true" selected={filters.active === 'true'}>
              Aktif
            </option>
            <option value="false" selected={filters.active === 'false'}>
              Nonaktif
            </option>
          </select>
        </div>
        <button type="submit">Saring</button>
      </form>
      <PagedList list={list} page={page} limit={LIMIT} noun="pegawai" empty="Tidak ada pegawai yang sesuai." onGo={(n) => goTo(filters, n)}>
        {(data) => (
          <TableRegion label="Daftar pegawai" tableClass="stacked">
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">NIP</th>
                <th scope="col">Nama pengguna</th>
                <th scope="col">Unit kerja</th>
                <th scope="col">Peran</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.username} data-testid="person">
                  <th scope="row">
                    <Link href={`/pegawai/${encodeURIComponent(p.username)}`}>{p.name}</Link>
                  </th>
                  <td>
                    <CellLabel>NIP</CellLabel>
                    {p.nip ?? '-'}
                  </td>
                  <td>
                    <CellLabel>Nama pengguna</CellLabel>
                    {p.username}
                  </td>
                  <td>
                    <CellLabel>Unit kerja</CellLabel>
                    {p.unitName}
                    {p.governmentCode !== (filters.governmentCode || me.governmentCode) && <span class="second-line">{p.governmentName}</span>}
                  </td>
                  <td>
                    <CellLabel>Peran</CellLabel>
                    {p.roles.map(roleLabel).join(', ')}
                  </td>
                  <td>
                    <CellLabel>Status</CellLabel>
                    {p.active ? 'Aktif' : 'Nonaktif'}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </PagedList>
    </section>
  );
}
