import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useIdempotencyKey } from '../api/idempotency-key';
import type { Government, Unit } from '../api/views';
import { adminProblem } from '../components/admin-problem';
import { Empty, ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import { useUnits } from './people';
import { useFeedback } from '../components/form-feedback';
import { AddOrEditForm } from '../components/add-or-edit-form';
import { ActionsHeader, CellLabel, RowEditButton, TableRegion } from '../components/table';

/** The governments the caller administers (their own, and a province's regencies and cities). */
export function useGovernments() {
  return useLoad(() => ok<{ items: Government[] }>(api.GET('/api/governments')), []);
}

/** Unit Kerja: the units of one government (`?pemda=`), added and renamed, with their heads. */
export function UnitsPage({ query }: PageProps) {
  const { me } = useSession();
  const code = query.get('pemda') || me.governmentCode;
  const governments = useGovernments();
  const units = useUnits(code);
  const [editing, setEditing] = useState<Unit | null>(null);
  const feedback = useFeedback();
  const idempotency = useIdempotencyKey();

  async function save(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = Object.fromEntries([...new FormData(form)].map(([k, x]) => [k, String(x).trim()]));
    if (!editing && !v.code) return feedback.fail('Kode wajib diisi.');
    if (!v.name) return feedback.fail('Nama wajib diisi.');
    const headUsername = v.headUsername || null;
    try {
      if (editing) {
        await ok(api.PATCH('/api/governments/{code}/units/{unitCode}', { params: { path: { code, unitCode: editing.code } }, body: { name: v.name, headUsername } as never }));
      } else {
        await ok(api.POST('/api/governments/{code}/units', { params: { path: { code }, header: idempotency.header }, body: { code: v.code, name: v.name, ...(headUsername ? { headUsername } : {}) } as never }));
        idempotency.renew();
      }
      feedback.succeed(editing ? 'Unit kerja diubah.' : 'Unit kerja ditambahkan.');
      setEditing(null);
      form.reset();
      units.reload();
    } catch (error) {
      feedback.fail(adminProblem(toApiError(error)));
    }
  }

  return (
    <section>
      <h1>Unit Kerja</h1>
      {governments.data && governments.data.items.length > 1 && (
        <div class="filters">
          <div>
            <label for="u-pemda">Pemerintah daerah</label>
            <select id="u-pemda" value={code} onChange={(e) => navigate(`/unit-kerja?pemda=${encodeURIComponent((e.currentTarget as HTMLSelectElement).value)}`)}>
              {governments.data.items.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {units.loading && !units.data && <Loading />}
      {units.error && <ErrorMessage error={units.error} onRetry={units.reload} />}
      {units.data && units.data.items.length === 0 && <Empty>Belum ada unit kerja.</Empty>}
      {units.data && units.data.items.length > 0 && (
        <TableRegion label="Daftar unit kerja" tableClass="stacked">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Nama</th>
              <th scope="col">Kepala unit</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {units.data.items.map((u) => (
              <tr key={u.code} data-testid="unit">
                <td>
                  <CellLabel>Kode</CellLabel>
                  {u.code}
                </td>
                <th scope="row">{u.name}</th>
                <td>
                  <CellLabel>Kepala unit</CellLabel>
                  {u.headUsername ?? '-'}
                </td>
                <td class="row-actions">
                  <RowEditButton label={`Ubah ${u.name}`} onClick={() => (setEditing(u), feedback.clear())} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      {!units.error && (
        <AddOrEditForm
          key={editing?.code ?? 'baru'}
          id="unit-form"
          addLabel="Tambah unit kerja"
          editing={editing?.name ?? null}
          feedback={feedback}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        >
          {!editing && (
            <div class="field">
              <label for="u-code">Kode</label>
              <input id="u-code" name="code" placeholder="mis. dinas-kesehatan" />
            </div>
          )}
          <div class="field">
            <label for="u-name">Nama</label>
            <input id="u-name" name="name" defaultValue={editing?.name ?? ''} />
          </div>
          <div class="field">
            <label for="u-head">Nama pengguna kepala unit</label>
            <input id="u-head" name="headUsername" defaultValue={editing?.headUsername ?? ''} placeholder="boleh dikosongkan" />
          </div>
        </AddOrEditForm>
      )}
    </section>
  );
}
