import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useIdempotencyKey } from '../api/idempotency-key';
import type { Holiday, HolidayList, Kind, Sla } from '../api/views';
import { Empty, ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { errorText } from '../i18n/error-text';
import { durationText, KIND_LABELS, localDate, stageLabel } from '../i18n/words';
import { hasRole, useSession } from '../session';
import { useAdministersProvince } from '../components/administers-province';
import { OfficeHoursSection } from './settings-office-hours';
import { FormFeedback, useFeedback } from '../components/form-feedback';
import { DateInput } from '../components/date-input';
import { ActionsHeader, CellLabel, RowEditButton, TableRegion } from '../components/table';

/** A whole number of days typed into a field, or null. */
function wholeDays(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? '').trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : null;
}

/** "1 hari kerja sebelum batas waktu", or that there is none. */
function reminderText(remindBefore: string, businessDays: boolean): string {
  return /^P(T)?0[DHMS]?$|^PT0S$|^P0D$/.test(remindBefore) ? 'Tanpa pengingat' : `${durationText(remindBefore, businessDays)} sebelum batas waktu`;
}

function SlaSection({ kind }: { kind: Kind }) {
  const sla = useLoad(() => ok<Sla>(api.GET('/api/workflows/{kind}/sla', { params: { path: { kind } } })), [kind]);
  const [editing, setEditing] = useState<string | null>(null);
  const feedback = useFeedback();

  async function save(event: Event, stage: string) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const current = sla.data!.stages[stage]!;
    const days = wholeDays(form.get('days'));
    if (days === null || days < 1 || days > 365) return feedback.fail('Jumlah hari harus bilangan bulat 1 sampai 365.');
    const remindText = String(form.get('remind') ?? '').trim();
    const remind = remindText === '' ? null : wholeDays(remindText);
    if (remindText !== '' && (remind === null || remind >= days)) return feedback.fail(`Pengingat harus bilangan bulat 0 sampai ${days - 1} hari sebelum batas waktu.`);
    const stages = {
      // the policy's fields only: the view's isDefault/updatedAt/updatedBy are refused in a PUT
      [stage]: {
        duration: `P${days}D`,
        businessDays: form.get('businessDays') === 'on',
        remindBefore: remind === null ? current.remindBefore : `P${remind}D`,
        escalateAfter: current.escalateAfter,
        escalateEvery: current.escalateEvery,
        maxEscalations: current.maxEscalations,
      },
    };
    try {
      await ok(api.PUT('/api/workflows/{kind}/sla', { params: { path: { kind } }, body: { stages } as never }));
      setEditing(null);
      // unlike a holiday, an SLA change moves no running deadline (PUT /api/workflows/:kind/sla): say so
      feedback.succeed(
        `Batas waktu ${stageLabel(stage)} tersimpan: ${durationText(`P${days}D`, form.get('businessDays') === 'on')}. Berlaku untuk dokumen yang masuk tahap ini mulai sekarang; batas waktu yang sedang berjalan tidak berubah.`,
      );
      sla.reload();
    } catch (error) {
      const e = toApiError(error);
      feedback.fail(e.status === 400 ? 'Batas waktu atau pengingat tidak sesuai ketentuan.' : errorText(e));
    }
  }

  return (
    <section aria-labelledby={`sla-${kind}`}>
      <h3 id={`sla-${kind}`}>{KIND_LABELS[kind]}</h3>
      {sla.error && <ErrorMessage error={sla.error} onRetry={sla.reload} />}
      {sla.loading && !sla.data && <Loading />}
      <FormFeedback {...feedback} />
      {sla.data && (
        <TableRegion label={`Batas Waktu Tahap ${KIND_LABELS[kind]}`} tableClass="stacked">
          <thead>
            <tr>
              <th scope="col">Tahap</th>
              <th scope="col">Batas waktu</th>
              <th scope="col">Pengingat</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {Object.entries(sla.data.stages).map(([stage, s]) => (
              <tr key={stage}>
                <th scope="row">{stageLabel(stage)}</th>
                <td>
                  <CellLabel>Batas waktu</CellLabel>
                  {editing === stage ? (
                    <form class="inline" onSubmit={(e) => void save(e, stage)} noValidate>
                      <label for={`days-${kind}-${stage}`}>Jumlah hari</label>
                      <input id={`days-${kind}-${stage}`} name="days" type="number" min={1} max={365} defaultValue={/^P(\d+)D$/.exec(s.duration)?.[1] ?? ''} />
                      <label class="check">
                        <input name="businessDays" type="checkbox" defaultChecked={s.businessDays} /> hari kerja
                      </label>
                      <label for={`remind-${kind}-${stage}`}>Pengingat (hari sebelum batas waktu)</label>
                      <input id={`remind-${kind}-${stage}`} name="remind" type="number" min={0} max={364} defaultValue={/^P(\d+)D$/.exec(s.remindBefore)?.[1] ?? ''} />
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
                <td>
                  <CellLabel>Pengingat</CellLabel>
                  {reminderText(s.remindBefore, s.businessDays)}
                </td>
                <td class="row-actions">
                  {editing !== stage && (
                    <RowEditButton
                      label={`Ubah batas waktu ${stageLabel(stage)}`}
                      onClick={() => {
                        setEditing(stage);
                        feedback.clear();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </section>
  );
}

/** A year that should have its national holidays by now and has none: every weekday would count as a working day. */
function MissingNationalHolidays({ year, national, onShow }: { year: number; national: boolean; onShow: () => void }) {
  return (
    <div class="alert" role="alert" data-testid="missing-national-holidays">
      <p>
        <strong>Hari libur nasional tahun {year} belum diisi.</strong> Batas waktu hari kerja yang jatuh pada tahun itu menghitung setiap Senin sampai
        Jumat sebagai hari kerja, termasuk hari raya dan cuti bersama.
      </p>
      <p>
        {national
          ? `Tambahkan hari libur nasional dan cuti bersama tahun ${year} menurut SKB 3 Menteri di bawah ini, dengan tanda "Hari libur nasional".`
          : 'Hari libur nasional diisi oleh admin pemerintah provinsi: mintalah mereka mengisinya.'}
      </p>
      <button type="button" onClick={onShow}>
        Lihat tahun {year}
      </button>
    </div>
  );
}

function HolidaySection() {
  const { me } = useSession();
  // national holidays are a province ADMIN's: nobody else is offered what the API would refuse
  const national = useAdministersProvince(true, me.governmentCode);
  const [year, setYear] = useState(new Date().getFullYear());
  const holidays = useLoad(() => ok<HolidayList>(api.GET('/api/holidays', { params: { query: { year } as never } })), [year]);
  const feedback = useFeedback();
  const idempotency = useIdempotencyKey();

  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const date = String(data.get('date') ?? '');
    const name = String(data.get('name') ?? '').trim();
    if (!date || !name) return feedback.fail('Tanggal dan nama hari libur wajib diisi.');
    const isNational = national && data.get('national') === 'on';
    try {
      await ok(api.POST('/api/holidays', { params: { header: idempotency.header }, body: { date, name, governmentCode: isNational ? null : me.governmentCode } }));
      idempotency.renew();
      feedback.succeed(`Hari libur ${localDate(date)} ditambahkan; batas waktu yang terdampak dihitung ulang.`);
      form.reset();
      holidays.reload();
    } catch (error) {
      const e = toApiError(error);
      feedback.fail(e.code === 'CONFLICT' ? 'Tanggal itu sudah menjadi hari libur.' : e.status === 400 ? 'Tanggal atau nama tidak sesuai.' : errorText(e));
    }
  }

  async function remove(h: Holiday) {
    // every pending working-day deadline (of every government, for a national one) moves back: asked first
    const scope = h.governmentCode === null ? 'hari libur nasional' : 'hari libur daerah';
    if (!confirm(`Hapus ${scope} ${h.name}, ${localDate(h.date)}? Batas waktu yang terdampak dihitung ulang.`)) return;
    await ok(api.DELETE('/api/holidays/{id}', { params: { path: { id: h.id } } })).then(
      () => feedback.succeed(`Hari libur ${localDate(h.date)} dihapus.`),
      (error: unknown) => feedback.fail(errorText(toApiError(error))),
    );
    holidays.reload();
  }

  return (
    <section aria-labelledby="libur">
      <h2 id="libur">Hari Libur</h2>
      {holidays.data?.missingNationalYears.map((missing) => (
        <MissingNationalHolidays key={missing} year={missing} national={national} onShow={() => setYear(missing)} />
      ))}
      <label>
        Tahun{' '}
        <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.currentTarget.value) || year)} />
      </label>
      <form onSubmit={add} noValidate class="doc-form">
        <div class="field">
          <label for="h-date">Tanggal</label>
          <DateInput id="h-date" name="date" />
        </div>
        <div class="field">
          <label for="h-name">Nama hari libur</label>
          <input id="h-name" name="name" />
        </div>
        {national && (
          <label class="check">
            <input name="national" type="checkbox" /> Hari libur nasional (berlaku di semua pemerintah daerah)
          </label>
        )}
        <FormFeedback {...feedback} />
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
              {(h.governmentCode === me.governmentCode || (h.governmentCode === null && national)) && (
                <button type="button" onClick={() => void remove(h)} aria-label={`Hapus ${h.name}, ${localDate(h.date)}`}>
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
