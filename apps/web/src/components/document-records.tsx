import type { Schemas } from '@api-client';
import type { DocumentView, History } from '../api/views';
import { dateTime, localDate, number, periodText } from '../i18n/words';

/** The stage records as the API's schemas give them (libs/api-client). */
type ProgressReport = Schemas['QuickWin']['progressReports'][number];
type Evaluation = NonNullable<Schemas['QuickWin']['evaluation']>;
type Harmonization = NonNullable<Schemas['Regulation']['harmonization']>;
type Publication = NonNullable<Schemas['Regulation']['publication']>;

const STAGES_WITH_PROGRESS = new Set(['implementation', 'evaluation', 'completed']);
const isWebLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/**
 * What the stages recorded beyond the content: a Quick Win's progress reports (what the Kepala OPD reads
 * before "Nyatakan Selesai" and the Inspektorat before "Evaluasi") and its evaluation; a regulation's
 * Berita Acara of harmonisation, promulgation and JDIH publication. Nothing when none applies yet.
 */
export function DocumentRecords({ doc, history, timeZone }: { doc: DocumentView; history: History; timeZone?: string }) {
  const names = new Map<string, string>();
  for (const e of history.entries) if (e.actorName) names.set(e.actor, e.actorName);
  const who = (username: string) => names.get(username) ?? username;
  const by = (done: string, username: string, at: string) => (
    <p class="muted">
      {done} oleh {who(username)} · {dateTime(at, timeZone)}
    </p>
  );

  const reports = Array.isArray(doc.progressReports) ? (doc.progressReports as ProgressReport[]) : [];
  const evaluation = (doc.evaluation ?? null) as Evaluation | null;
  const harmonization = (doc.harmonization ?? null) as Harmonization | null;
  const promulgatedAt = typeof doc.promulgatedAt === 'string' ? doc.promulgatedAt : null;
  const publication = (doc.publication ?? null) as Publication | null;
  const showsProgress = doc.kind === 'quick-win' && (reports.length > 0 || STAGES_WITH_PROGRESS.has(doc.state));
  if (!showsProgress && !evaluation && !harmonization && !promulgatedAt && !publication) return null;

  return (
    <section aria-labelledby="catatan-tahap">
      <h2 id="catatan-tahap">Laporan dan hasil tahap</h2>
      {showsProgress && (
        <>
          <h3>Laporan kemajuan</h3>
          {reports.length === 0 ? (
            <p class="empty">Belum ada laporan kemajuan.</p>
          ) : (
            <ol class="timeline" data-testid="progress-reports">
              {reports.map((r, i) => (
                <li key={`${r.period}-${i}`}>
                  <strong>
                    {periodText(r.period)}: capaian {number(r.percent)}%
                  </strong>
                  <dl class="fields">
                    <div>
                      <dt>Realisasi</dt>
                      <dd>{r.realization}</dd>
                    </div>
                    {r.supportingFactors && (
                      <div>
                        <dt>Faktor pendukung</dt>
                        <dd>{r.supportingFactors}</dd>
                      </div>
                    )}
                    {r.inhibitingFactors && (
                      <div>
                        <dt>Faktor penghambat</dt>
                        <dd>{r.inhibitingFactors}</dd>
                      </div>
                    )}
                    {r.evidence && r.evidence.length > 0 && (
                      <div>
                        <dt>Bukti dukung</dt>
                        <dd>
                          <ul>
                            {r.evidence.map((e) => (
                              <li key={e}>{isWebLink(e) ? <a href={e}>{e}</a> : e}</li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    )}
                  </dl>
                  {by('Dilaporkan', r.reportedBy, r.reportedAt)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {evaluation && (
        <>
          <h3>Evaluasi Inspektorat</h3>
          <dl class="fields" data-testid="evaluation">
            <div>
              <dt>Nilai</dt>
              <dd>{number(evaluation.score)}</dd>
            </div>
            <div>
              <dt>Catatan evaluasi</dt>
              <dd>{evaluation.notes}</dd>
            </div>
          </dl>
          {by('Dievaluasi', evaluation.evaluatedBy, evaluation.evaluatedAt)}
        </>
      )}
      {harmonization && (
        <>
          <h3>Harmonisasi</h3>
          <p data-testid="harmonization">
            Berita Acara Selesai Harmonisasi Nomor {harmonization.reportNumber} tanggal {localDate(harmonization.reportDate)}
          </p>
          {by('Dicatat', harmonization.recordedBy, harmonization.recordedAt)}
        </>
      )}
      {promulgatedAt && (
        <>
          <h3>Pengundangan</h3>
          <p>Diundangkan dalam Berita Daerah {dateTime(promulgatedAt, timeZone)}</p>
        </>
      )}
      {publication && (
        <>
          <h3>Publikasi di JDIH</h3>
          <p data-testid="publication">
            {publication.url ? <a href={publication.url}>{publication.url}</a> : 'Dipublikasikan tanpa tautan.'}
          </p>
          {by('Dipublikasikan', publication.publishedBy, publication.publishedAt)}
        </>
      )}
    </section>
  );
}
