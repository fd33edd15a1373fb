import { useEffect } from 'preact/hooks';
import { api, healthBody, ok } from '../api/client';
import { ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { FieldList } from '../components/field-list';
import { FormFeedback, useFeedback } from '../components/form-feedback';
import { errorText } from '../i18n/error-text';
import { servicesText, workerStatusText } from '../i18n/system-status-text';
import { dateTime } from '../i18n/words';
import { hasRole, useSession } from '../session';

/** How often the page asks again while it is shown. */
export const STATUS_REFRESH_MS = 15_000;

/**
 * Status Sistem: whether reminders, escalations and notifications flow (`GET /health/worker`) and whether
 * PostgreSQL and Redis answer (`GET /health`), asked again every STATUS_REFRESH_MS; the OPERATOR, who runs
 * the deployment, opens the queue dashboard from here.
 */
export function SystemStatusPage() {
  const { me, timeZone } = useSession();
  const feedback = useFeedback();
  const status = useLoad(async () => {
    const [services, worker] = await Promise.all([healthBody(api.GET('/health')), healthBody(api.GET('/health/worker'))]);
    return { services, worker, at: new Date().toISOString() };
  }, []);
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) reload();
    }, STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  async function openDashboard() {
    try {
      await ok(api.POST('/admin/session'));
      location.assign('/admin/queues');
    } catch (error) {
      feedback.fail(errorText(toApiError(error)));
    }
  }

  const worker = status.data && workerStatusText(status.data.worker);
  const flowing = status.data?.worker.status === 'ok';
  return (
    <section>
      <h1>Status Sistem</h1>
      {status.loading && !status.data && <Loading />}
      {status.error && <ErrorMessage error={status.error} onRetry={reload} />}
      {status.data && worker && (
        <>
          <h2>Pekerja latar</h2>
          <div class={flowing ? 'notice' : 'alert'} role={flowing ? 'status' : 'alert'} data-testid="worker-status">
            {worker.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <h2>Layanan</h2>
          <FieldList rows={servicesText(status.data.services)} />
          <p class="muted">
            Diperiksa {dateTime(status.data.at, timeZone)}; diperbarui setiap {STATUS_REFRESH_MS / 1000} detik.
          </p>
        </>
      )}
      <FormFeedback {...feedback} />
      <div class="buttons">
        <button type="button" onClick={reload}>
          Periksa lagi
        </button>
        {hasRole(me, 'OPERATOR') && (
          <button type="button" onClick={() => void openDashboard()}>
            Buka dasbor antrean
          </button>
        )}
      </div>
    </section>
  );
}
