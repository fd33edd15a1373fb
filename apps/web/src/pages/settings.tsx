import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { Holiday, Kind, Sla } from '../api/views';
import { Empty, ErrorMessage, errorText, Loading, toApiError, useLoad } from '../components/async';
import { durationText, KIND_LABELS, localDate, stageLabel } from '../i18n/words';
import { hasRole, useSession } from '../session';
import { OfficeHoursSection } from './settings-office-hours';

function SlaSection({ kind }: { kind: Kind }) {
  const sla = useLoad(() => ok<Sla>(api.GET('/api/workflows/{kind}/sla', { params: { path: { kind } } })), [kind]);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(event: Event, stage: string) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const days = Number(form.get('days'));
    if (!Number.isInteger(days) || days < 1 || days > 365) return setProblem('Jumlah hari harus bilangan bulat 1 sampai 365.');
    const current = sla.data!.stages[stage]!;
    const body = { stages: { [stage]: { ...current, duration: `P${days}D`, businessDays: form.get('businessDays') === 'on', isDefault: undefined } } };
    try {
      await ok(api.PUT('/api/workflows/{kind}/sla', { params: { path: { kind } }, body: JSON.parse(JSON.stringify(body)) as never }));
      setEditing(null);
      setProblem(null);
      sla.reload();
    } catch (error) {
      setProblem(errorText(toApiError(error)));
    }
  }

  return (
    <section aria-labelledby={`sla-${kind}`}>
      <h3 id={`sla-${kind}`}>{KIND_LABELS[kind]}</h3>
      {sla.error && <ErrorMessage error={sla.error} onRetry={sla.reload} />}
      {sla.loading && !sla.data && <Loading />}
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {sla.data && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={`Batas Waktu Tahap ${KIND_LABELS[kind]}`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Tahap</th>
                <th scope="col">Batas waktu</th>
                <th scope="col">Pengingat</th>
                <th scope="col">
                  <span class="visually-hidden">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(sla.data.stages).map(([stage, s]) => (
                <tr key={stage}>
                  <th scope="row">{stageLabel(stage)}</th>
                  <td>
                    {editing === stage ? (
                      <form class="inline" onSubmit={(e) => void save(e, stage)}>
                        <label for={`days-${kind}-${stage}`}>Jumlah hari</label>
                        <input id={`days-${kind}-${stage}`} name="days" type="number" min={1} max={365} defaultValue={/^P(\d+)D$/.exec(s.duration)?.[1] ?? ''} />
                        <label class="check">
                          <input name="businessDays" type="checkbox" defaultChecked={s.businessDays} /> hari kerja
                        </label>
                        <button type="submit" class="primary">
                          Simpan
                        </button>
                        <button type="button" onClick={() => setEditing(null)}>
                          Batal
                        </button>
                      </form>
                    ) : (
                      <>
                        {durationText(s.duration, s.businessDays)}
                        {s.isDefault && <span class="muted"> (bawaan)</span>}
                      </>
                    )}
                  </td>
                  <td>{durationText(s.remindBefore, s.businessDays)} sebelumnya</td>
                  <td>
                    {editing !== stage && (
                      <button type="button" onClick={() => setEditing(stage)} aria-label={`Ubah batas waktu ${stageLabel(stage)}`}>
                        Ubah
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HolidaySection() {
  const { me } = useSession();
  const [year, setYear] = useState(new Date().getFullYear());
  const holidays = useLoad(() => ok<{ items: Holiday[] }>(api.GET('/api/holidays', { params: { query: { year } as never } })), [year]);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const date = String(data.get('date') ?? '');
    const name = String(data.get('name') ?? '').trim();
    if (!date || !name) return setProblem('Tanggal dan nama hari libur wajib diisi.');
    const national = data.get('national') === 'on';
    try {
      await ok(api.POST('/api/holidays', { body: { date, name, governmentCode: national ? null : me.governmentCode } }));
      setProblem(null);
      setNotice(`Hari libur ${localDate(date)} ditambahkan; batas waktu yang terdampak dihitung ulang.`);
      form.reset();
      holidays.reload();
    } catch (error) {
      const e = toApiError(error);
      setProblem(e.code === 'CONFLICT' ? 'Tanggal itu sudah menjadi hari libur.' : e.status === 400 ? 'Tanggal atau nama tidak sesuai.' : errorText(e));
    }
  }

  async function remove(h: Holiday) {
    await ok(api.DELETE('/api/holidays/{id}', { params: { path: { id: h.id } } })).then(
      () => setNotice(`Hari libur ${localDate(h.date)} dihapus.`),
      (error: unknown) => setProblem(errorText(toApiError(error))),
    );
    holidays.reload();
  }

  return (
    <section aria-labelledby="libur">
      <h2 id="libur">Hari Libur</h2>
      <label>
        Tahun{' '}
        <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.currentTarget.value) || year)} />
      </label>
      <form onSubmit={add} noValidate class="doc-form">
        <div class="field">
          <label for="h-date">Tanggal</label>
          <input id="h-date" name="date" type="date" />
        </div>
        <div class="field">
          <label for="h-name">Nama hari libur</label>
          <input id="h-name" name="name" />
        </div>
        <label class="check">
          <input name="national" type="checkbox" /> Hari libur nasional (khusus admin provinsi)
        </label>
        {problem && (
          <p class="alert" role="alert">
            {problem}
          </p>
        )}
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <div class="buttons">
          <button type="submit" class="primary">
            Tambah hari libur
          </button>
        </div>
      </form>
      {holidays.error && <ErrorMessage error={holidays.error} onRetry={holidays.reload} />}
      {holidays.data && holidays.data.items.length === 0 && <Empty>Tidak ada hari libur pada tahun ini.</Empty>}
      {holidays.data && holidays.data.items.length > 0 && (
        <ul class="cards" aria-label={`Hari libur ${year}`}>
          {holidays.data.items.map((h) => (
            <li key={h.id} class="card row">
              <span>
                <strong>{localDate(h.date)}</strong> {h.name} <span class="muted">({h.governmentCode === null ? 'nasional' : 'daerah'})</span>
              </span>
              {(h.governmentCode === me.governmentCode || h.governmentCode === null) && (
                <button type="button" onClick={() => void remove(h)} aria-label={`Hapus ${h.name}`}>
                  Hapus
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SettingsPage() {
  const { me } = useSession();
  if (!hasRole(me, 'ADMIN')) {
    return (
      <section>
        <h1>Pengaturan</h1>
        <p class="alert" role="alert">
          Tidak berwenang: halaman ini untuk admin.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Pengaturan</h1>
      <h2>Batas Waktu Tahap</h2>
      <SlaSection kind="quick-win" />
      <SlaSection kind="regulation" />
      <OfficeHoursSection />
      <HolidaySection />
    </section>
  );
}
