import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useIdempotencyKey } from '../api/idempotency-key';
import type { Government } from '../api/views';
import { adminProblem } from '../components/admin-problem';
import { Empty, ErrorMessage, Loading, toApiError } from '../components/async';
import { useSession } from '../session';
import { zoneText } from '../i18n/words';
import { useGovernments } from './units';
import { useFeedback } from '../components/form-feedback';
import { AddOrEditForm } from '../components/add-or-edit-form';
import { ActionsHeader, CellLabel, RowEditButton, TableRegion } from '../components/table';

const LEVELS: Record<Government['level'], string> = { PROVINCE: 'Provinsi', REGENCY: 'Kabupaten', CITY: 'Kota' };
const ZONES: ReadonlyArray<readonly [string, string]> = [
  ['Asia/Jakarta', 'WIB (Asia/Jakarta)'],
  ['Asia/Pontianak', 'WIB (Asia/Pontianak)'],
  ['Asia/Makassar', 'WITA (Asia/Makassar)'],
  ['Asia/Jayapura', 'WIT (Asia/Jayapura)'],
];

/** Pemerintah Daerah: a province ADMIN's regencies and cities, added and edited. */
export function GovernmentsPage() {
  const { me } = useSession();
  const list = useGovernments();
  const [editing, setEditing] = useState<Government | null>(null);
  const feedback = useFeedback();
  const idempotency = useIdempotencyKey();
  const regions = list.data?.items.filter((g) => g.parentCode === me.governmentCode) ?? [];
  const province = list.data?.items.find((g) => g.code === me.governmentCode);

  async function save(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = Object.fromEntries([...new FormData(form)].map(([k, x]) => [k, String(x).trim()]));
    if (!editing && !v.code) return feedback.fail('Kode wajib diisi.');
    if (!v.name || !v.regionName) return feedback.fail('Nama dan nama wilayah wajib diisi.');
    const fields = { name: v.name, regionName: v.regionName, level: v.level, timeZone: v.timeZone };
    try {
      if (editing) await ok(api.PATCH('/api/governments/{code}', { params: { path: { code: editing.code } }, body: fields as never }));
      else {
        await ok(api.POST('/api/governments', { params: { header: idempotency.header }, body: { code: v.code, ...fields } as never }));
        idempotency.renew();
      }
      feedback.succeed(editing ? 'Pemerintah daerah diubah.' : 'Pemerintah daerah ditambahkan.');
      setEditing(null);
      form.reset();
      list.reload();
    } catch (error) {
      feedback.fail(adminProblem(toApiError(error)));
    }
  }

  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} onRetry={list.reload} />;
  if (province?.level !== 'PROVINCE') {
    return (
      <section>
        <h1>Pemerintah Daerah</h1>
        <p class="alert" role="alert">
          Hanya administrator provinsi yang mengelola kabupaten dan kota.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Pemerintah Daerah</h1>
      <p class="muted">Kabupaten dan kota di bawah {province.name}.</p>
      {regions.length === 0 && <Empty>Belum ada kabupaten atau kota.</Empty>}
      {regions.length > 0 && (
        <TableRegion label="Daftar kabupaten dan kota" tableClass="stacked">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Nama</th>
              <th scope="col">Tingkat</th>
              <th scope="col">Zona waktu</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {regions.map((g) => (
              <tr key={g.code} data-testid="government">
                <td>
                  <CellLabel>Kode</CellLabel>
                  {g.code}
                </td>
                <th scope="row">{g.name}</th>
                <td>
                  <CellLabel>Tingkat</CellLabel>
                  {LEVELS[g.level]}
                </td>
                <td>
                  <CellLabel>Zona waktu</CellLabel>
                  {zoneText(g.timeZone)}
                </td>
                <td class="row-actions">
                  <RowEditButton label={`Ubah ${g.name}`} onClick={() => (setEditing(g), feedback.clear())} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <AddOrEditForm
        key={editing?.code ?? 'baru'}
        id="pemda-form"
        addLabel="Tambah kabupaten/kota"
        editing={editing?.name ?? null}
        feedback={feedback}
        onSubmit={save}
        onCancel={() => setEditing(null)}
      >
        {!editing && (
          <div class="field">
            <label for="g-code">Kode</label>
            <input id="g-code" name="code" placeholder="mis. berau" />
          </div>
        )}
        <div class="field">
          <label for="g-name">Nama</label>
          <input id="g-name" name="name" defaultValue={editing?.name ?? ''} placeholder="mis. Pemerintah Kabupaten Berau" />
        </div>
        <div class="field">
          <label for="g-region">Nama wilayah</label>
          <input id="g-region" name="regionName" defaultValue={editing?.regionName ?? ''} placeholder="mis. Berau" />
        </div>
        <div class="field">
          <label for="g-level">Tingkat</label>
          <select id="g-level" name="level">
            <option value="REGENCY">Kabupaten</option>
            <option value="CITY" selected={editing?.level === 'CITY'}>
              Kota
            </option>
          </select>
        </div>
        <div class="field">
          <label for="g-zone">Zona waktu</label>
          <select id="g-zone" name="timeZone">
            {ZONES.map(([zone, label]) => (
              <option key={zone} value={zone} selected={zone === (editing?.timeZone ?? province.timeZone)}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </AddOrEditForm>
    </section>
  );
}
