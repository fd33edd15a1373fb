import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { ImportReport, ImportRowStatus } from '../api/views';
import { adminProblem } from '../components/admin-problem';
import { toApiError } from '../components/async';
import { importReasonText } from '../i18n/admin-messages';
import { useSession } from '../session';
import { useGovernments } from './units';
import { FormFeedback } from '../components/form-feedback';
import { CellLabel, TableRegion } from '../components/table';
import { number } from '../i18n/words';

const STATUS: Record<ImportRowStatus, string> = { created: 'Ditambahkan', updated: 'Diperbarui', unchanged: 'Tidak berubah', error: 'Galat' };

function Summary({ report }: { report: ImportReport }) {
  const s = report.summary;
  const verb = report.dryRun ? 'akan' : 'telah';
  return (
    <p class={report.dryRun ? 'muted' : 'notice'} role="status">
      {report.dryRun ? 'Uji coba: belum ada yang diubah. ' : 'Impor diterapkan. '}
      {number(s.created)} pegawai {verb} ditambahkan, {number(s.updated)} {verb} diperbarui, {number(s.unchanged)} tidak berubah, {number(s.error)} baris galat.
    </p>
  );
}

/** Impor Pegawai: a CSV or XLSX file, tried first (per-row table), then applied with "Terapkan". */
export function PersonnelImportPage() {
  const { me } = useSession();
  const governments = useGovernments();
  const [file, setFile] = useState<File | null>(null);
  const [governmentCode, setGovernmentCode] = useState(me.governmentCode);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean) {
    if (!file) return setProblem('Pilih berkas CSV atau XLSX terlebih dahulu.');
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const answer = await ok<ImportReport>(
        api.POST('/api/users/import', { params: { query: { dryRun, governmentCode } }, body: body as never }),
      );
      setProblem(null);
      setReport(answer);
    } catch (error) {
      const e = toApiError(error);
      setProblem(e.status === 400 && !(e.details as { fields?: unknown } | undefined)?.fields ? 'Berkas tidak dapat dibaca: gunakan CSV atau XLSX dengan kolom nip, name, email, username, unitCode, roles.' : adminProblem(e));
    } finally {
      setBusy(false);
    }
  }

  function choose(event: Event) {
    setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
    setReport(null);
    setProblem(null);
  }

  return (
    <section>
      <h1>Impor Pegawai</h1>
      <p class="muted">
        Berkas CSV atau XLSX dengan kolom nip, name, email, username, unitCode dan roles (peran dipisah koma). Pegawai dicocokkan dengan NIP; periksa
        dahulu dengan uji coba, lalu terapkan.
      </p>
      <form class="doc-form" onSubmit={(e) => (e.preventDefault(), void send(true))} noValidate>
        {governments.data && governments.data.items.length > 1 && (
          <div class="field">
            <label for="i-pemda">Pemerintah daerah</label>
            <select id="i-pemda" value={governmentCode} onChange={(e) => (setGovernmentCode((e.currentTarget as HTMLSelectElement).value), setReport(null))}>
              {governments.data.items.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="i-file">Berkas pegawai</label>
          <input id="i-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} />
        </div>
        <FormFeedback problem={problem} />
        <div class="buttons">
          <button type="submit" disabled={busy}>
            Uji coba
          </button>
          {report?.dryRun && (
            <button type="button" class="primary" disabled={busy || report.summary.error > 0} onClick={() => void send(false)}>
              Terapkan
            </button>
          )}
        </div>
        {report?.dryRun && report.summary.error > 0 && <p class="muted">Perbaiki baris yang galat di berkas lalu uji coba lagi; impor hanya diterapkan bila tidak ada galat.</p>}
      </form>
      {report && (
        <section aria-labelledby="hasil-impor">
          <h2 id="hasil-impor">{report.dryRun ? 'Hasil uji coba' : 'Hasil impor'}</h2>
          <Summary report={report} />
          {report.rows.length === 0 ? (
            <p class="empty">Berkas tidak berisi baris pegawai.</p>
          ) : (
            <TableRegion label="Hasil per baris" tableClass="stacked">
              <thead>
                <tr>
                  <th scope="col">Baris</th>
                  <th scope="col">NIP</th>
                  <th scope="col">Nama pengguna</th>
                  <th scope="col">Hasil</th>
                  <th scope="col">Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row} data-testid="import-row" data-status={r.status}>
                    <th scope="row">
                      <CellLabel>Baris</CellLabel>
                      <span data-testid="import-row-number">{number(r.row)}</span>
                    </th>
                    <td>
                      <CellLabel>NIP</CellLabel>
                      {r.nip}
                    </td>
                    <td>
                      <CellLabel>Nama pengguna</CellLabel>
                      {r.username}
                    </td>
                    <td>
                      <CellLabel>Hasil</CellLabel>
                      {STATUS[r.status]}
                    </td>
                    <td>
                      {r.reason && (
                        <>
                          <CellLabel>Keterangan</CellLabel>
                          {importReasonText(r.reason)}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          )}
        </section>
      )}
    </section>
  );
}
