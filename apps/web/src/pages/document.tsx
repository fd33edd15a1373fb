import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { ContentVersion, DocumentView, History, Kind } from '../api/views';
import { ActionDialog, type ActionInput } from '../components/action-dialog';
import { ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { errorText } from '../i18n/error-text';
import { DocumentFields } from '../components/document-fields';
import { DocumentRecords } from '../components/document-records';
import { HistoryTimeline } from '../components/history-timeline';
import { VersionCompare } from '../components/version-compare';
import { WorkflowDiagram } from '../components/workflow-diagram';
import { actionLabel, dateTime, KIND_LABELS, stageLabel } from '../i18n/words';
import { inboxAddress } from '../components/inbox-address';
import { Link } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

type KindPath = 'quick-wins' | 'regulations';

function load(kindPath: KindPath, id: string) {
  const path = { params: { path: { id } } };
  return Promise.all([
    ok<DocumentView>(kindPath === 'quick-wins' ? api.GET('/api/quick-wins/{id}', path) : api.GET('/api/regulations/{id}', path)),
    ok<History>(kindPath === 'quick-wins' ? api.GET('/api/quick-wins/{id}/history', path) : api.GET('/api/regulations/{id}/history', path)),
    ok<{ items: ContentVersion[] }>(kindPath === 'quick-wins' ? api.GET('/api/quick-wins/{id}/versions', path) : api.GET('/api/regulations/{id}/versions', path)),
  ]);
}

function fire(kindPath: KindPath, doc: DocumentView, action: string, input: ActionInput, idempotencyKey: string) {
  const request = {
    params: { path: { id: doc.id }, header: { 'If-Match': `"${doc.version}"`, 'Idempotency-Key': idempotencyKey } as never },
    body: { action, ...input } as never,
  };
  return ok<DocumentView>(kindPath === 'quick-wins' ? api.POST('/api/quick-wins/{id}/actions', request) : api.POST('/api/regulations/{id}/actions', request));
}

const EDITABLE = new Set(['draft', 'revision']);

export function DocumentPage({ params }: PageProps) {
  const { me } = useSession();
  const kindPath = params.kindPath as KindPath;
  const loaded = useLoad(() => load(kindPath, params.id!), [kindPath, params.id]);
  const [action, setAction] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (loaded.error) {
    return (
      <section>
        <h1>{loaded.error.status === 404 ? 'Tidak ditemukan' : 'Dokumen tidak dapat dibuka'}</h1>
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
        <Link href={inboxAddress(me.username)}>Kembali ke Kotak Masuk</Link>
      </section>
    );
  }
  if (!loaded.data) return <Loading />;
  const [doc, history, versions] = loaded.data;
  const kind = doc.kind as Kind;

  async function submit(input: ActionInput, idempotencyKey: string): Promise<string | null> {
    try {
      // the answer is the document after the action: its stage and buttons show at once, history and versions follow
      loaded.show([await fire(kindPath, doc, action!, input, idempotencyKey), history, versions]);
      setNotice(`${actionLabel(action!)}: berhasil.`);
      setAction(null);
      loaded.reload();
      dispatchEvent(new Event('alur:notifications-changed'));
      return null;
    } catch (error) {
      const e = toApiError(error);
      if (e.status === 400) return 'Isian belum lengkap atau tidak sesuai. Periksa kembali.';
      if (e.code !== 'VERSION_MISMATCH' && e.code !== 'INVALID_TRANSITION') return errorText(e);
      // someone acted first: the page behind the dialog shows the document as it is now, and what was typed stays
      loaded.reload();
      return e.code === 'VERSION_MISMATCH'
        ? 'Dokumen telah diubah oleh orang lain sejak halaman ini dibuka. Halaman di belakang jendela ini sudah dimuat ulang: periksa perubahannya, lalu tekan Kirim lagi bila tindakan ini masih tepat. Isian Anda tetap di sini.'
        : 'Tindakan ini tidak dapat dilakukan pada tahap dokumen sekarang; mungkin orang lain sudah menindaklanjutinya. Halaman di belakang jendela ini sudah dimuat ulang. Isian Anda tetap di sini untuk disalin bila masih diperlukan.';
    }
  }

  return (
    <article>
      <p class="muted">{KIND_LABELS[kind]}</p>
      <h1>{doc.title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice} <Link href={inboxAddress(me.username)}>Kembali ke Kotak Masuk</Link>
        </p>
      )}
      <section aria-labelledby="tahap">
        <h2 id="tahap">Tahap: {stageLabel(doc.state)}</h2>
        {doc.deadline && (
          <p>
            Batas waktu: <strong>{dateTime(doc.deadline.dueAt, doc.timeZone)}</strong>
            {doc.deadline.overdue && <span class="mark overdue">Terlambat</span>}
            {doc.deadline.dueSoon && !doc.deadline.overdue && <span class="mark soon">Segera jatuh tempo</span>}
            <br />
            <span class="muted" data-testid="deadline-explanation">
              {doc.deadline.explanation}
            </span>
          </p>
        )}
        <div class="actions no-print">
          {doc.allowedActions.map((a) => (
            <button key={a} type="button" class={a === 'RETURN' || a === 'REJECT' || a === 'WITHDRAW' ? undefined : 'primary'} data-action={a} onClick={() => setAction(a)}>
              {actionLabel(a)}
            </button>
          ))}
          {EDITABLE.has(doc.state) && doc.allowedActions.some((a) => a === 'SUBMIT' || a === 'RESUBMIT') && (
            <Link href={`/${kindPath}/${doc.id}/ubah`} class="button">
              Ubah
            </Link>
          )}
          <button type="button" onClick={() => print()}>
            Cetak
          </button>
        </div>
      </section>
      {action && <ActionDialog action={action} onSubmit={submit} onClose={() => setAction(null)} />}
      <section aria-labelledby="isian">
        <h2 id="isian">Isian</h2>
        <DocumentFields doc={doc} />
      </section>
      <DocumentRecords doc={doc} history={history} timeZone={doc.timeZone} />
      <section aria-labelledby="alur" class="no-print">
        <h2 id="alur">Alur kerja</h2>
        <WorkflowDiagram kind={kind} current={doc.state} />
      </section>
      <section aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat</h2>
        <HistoryTimeline history={history} timeZone={doc.timeZone} />
      </section>
      <section aria-labelledby="versi" class="no-print">
        <h2 id="versi">Versi</h2>
        <VersionCompare versions={versions.items} timeZone={doc.timeZone} />
      </section>
    </article>
  );
}
