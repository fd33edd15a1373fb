import { api, ok } from '../api/client';
import type { OfficeHours, OfficeHoursView, Weekday } from '../api/views';
import { ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { errorText } from '../i18n/error-text';
import { zoneText } from '../i18n/words';
import { useSession } from '../session';
import { FormFeedback, useFeedback } from '../components/form-feedback';

const DAYS: ReadonlyArray<readonly [Weekday, string]> = [
  ['monday', 'Senin'],
  ['tuesday', 'Selasa'],
  ['wednesday', 'Rabu'],
  ['thursday', 'Kamis'],
  ['friday', 'Jumat'],
  ['saturday', 'Sabtu'],
  ['sunday', 'Minggu'],
];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** The week from the form, or a problem in Bahasa Indonesia. */
function readWeek(form: FormData): OfficeHours | string {
  const week = {} as Record<Weekday, { opens: string; closes: string } | null>;
  for (const [day, label] of DAYS) {
    if (form.get(`${day}-open`) !== 'on') {
      week[day] = null;
      continue;
    }
    const opens = String(form.get(`${day}-opens`) ?? '').trim();
    const closes = String(form.get(`${day}-closes`) ?? '').trim();
    if (!CLOCK.test(opens) || opens === '24:00' || !CLOCK.test(closes)) return `Jam kerja ${label} harus ditulis JJ:MM, misalnya 07:30.`;
    if (closes <= opens) return `Jam tutup ${label} harus setelah jam buka.`;
    week[day] = { opens, closes };
  }
  return Object.values(week).some((d) => d !== null) ? week : 'Paling sedikit satu hari harus buka.';
}

/** Jam kerja of the caller's government, beside its holidays: what working-day deadlines count. */
export function OfficeHoursSection() {
  const { me } = useSession();
  const code = me.governmentCode;
  const hours = useLoad(() => ok<OfficeHoursView>(api.GET('/api/governments/{code}/office-hours', { params: { path: { code } } })), [code]);
  const feedback = useFeedback();

  async function save(days: OfficeHours | null) {
    try {
      const saved = await ok<{ rescheduledDeadlines: number }>(
        api.PUT('/api/governments/{code}/office-hours', { params: { path: { code } }, body: { days } as never }),
      );
      feedback.succeed(`Jam kerja disimpan; ${saved.rescheduledDeadlines} batas waktu dihitung ulang.`);
      hours.reload();
    } catch (error) {
      feedback.fail(errorText(toApiError(error)));
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    const week = readWeek(new FormData(event.currentTarget as HTMLFormElement));
    if (typeof week === 'string') return feedback.fail(week);
    void save(week);
  }

  return (
    <section aria-labelledby="jam-kerja">
      <h2 id="jam-kerja">Jam Kerja</h2>
      <p class="muted">
        Batas waktu dalam hari kerja berakhir pada akhir jam kerja; pengingat dikirim pada jam kerja.
        {hours.data && ` Zona waktu: ${zoneText(hours.data.timeZone)}.`}
        {hours.data?.isDefault && ' Saat ini memakai jam kerja nasional ASN.'}
      </p>
      {hours.error && <ErrorMessage error={hours.error} onRetry={hours.reload} />}
      {hours.loading && !hours.data && <Loading />}
      {hours.data && (
        <form onSubmit={submit} noValidate class="doc-form" key={JSON.stringify(hours.data.days)}>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Hari</th>
                  <th scope="col">Buka</th>
                  <th scope="col">Jam buka</th>
                  <th scope="col">Jam tutup</th>
                </tr>
              </thead>
              <tbody>
                {DAYS.map(([day, label]) => {
                  const current = hours.data!.days[day];
                  return (
                    <tr key={day}>
                      <th scope="row">{label}</th>
                      <td>
                        <input id={`oh-${day}-open`} name={`${day}-open`} type="checkbox" defaultChecked={current !== null} aria-label={`${label} buka`} />
                      </td>
                      <td>
                        <input name={`${day}-opens`} inputMode="numeric" size={5} defaultValue={current?.opens ?? '07:30'} aria-label={`Jam buka ${label}`} />
                      </td>
                      <td>
                        <input name={`${day}-closes`} inputMode="numeric" size={5} defaultValue={current?.closes ?? '16:00'} aria-label={`Jam tutup ${label}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <FormFeedback {...feedback} />
          <div class="buttons">
            <button type="submit" class="primary">
              Simpan jam kerja
            </button>
            {!hours.data.isDefault && (
              <button type="button" onClick={() => void save(null)}>
                Kembalikan ke jam kerja nasional
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
