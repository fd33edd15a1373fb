import { documentPagePath } from '@workflow/domain/document-kind.types.js';
import { api, ok } from '../api/client';
import type { AnyReport, OpenBySlaReport, QuickWinsReport, ReportName, StageTimesReport, ThroughputReport, WorkloadReport } from '../api/views';
import { Empty, ErrorMessage, Loading, useLoad } from '../components/async';
import { BarChart, DataTable, type BarSeries } from '../components/bar-chart';
import { DateInput } from '../components/date-input';
import { NamedChoice } from '../components/named-choice';
import { useUnitChoices } from '../components/unit-choices';
import { areaLabel, dateTime, KIND_LABELS, number, roleLabel, rupiah, stageLabel, durationText, weekText } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

type Filter = 'kind' | 'unitCode' | 'year' | 'from' | 'to';

/** The reports the API offers, their names in the page and the filters each one reads. */
const REPORTS: ReadonlyArray<{ name: ReportName; label: string; filters: readonly Filter[] }> = [
  { name: 'open-by-sla', label: 'Tahap berjalan', filters: ['kind', 'unitCode'] },
  { name: 'stage-times', label: 'Waktu per tahap', filters: ['kind', 'unitCode', 'year', 'from', 'to'] },
  { name: 'throughput', label: 'Masuk dan selesai', filters: ['kind', 'unitCode', 'year', 'from', 'to'] },
  { name: 'workload', label: 'Beban kerja', filters: ['kind', 'unitCode'] },
  { name: 'quick-wins', label: 'Quick Win per area', filters: ['unitCode', 'year'] },
];

const SLA_SERIES: BarSeries[] = [
  { key: 'onTime', label: 'Tepat waktu', tone: 'bar-ok' },
  { key: 'dueSoon', label: 'Segera jatuh tempo', tone: 'bar-warn' },
  { key: 'overdue', label: 'Terlambat', tone: 'bar-bad' },
];

const days = (n: number | null) => (n === null ? '-' : `${number(n)} hari kerja`);
const share = (n: number | null) => (n === null ? '-' : `${number(Math.round(n * 100))}%`);
const kindLabel = (k: string) => (KIND_LABELS as Record<string, string>)[k] ?? k;

export function ReportsPage({ params, query }: PageProps) {
  const units = useUnitChoices();
  const report = REPORTS.find((r) => r.name === (params.report ?? 'open-by-sla'));
  if (!report) {
    return (
      <section>
        <h1>Laporan</h1>
        <Empty>Laporan ini tidak ada.</Empty>
        <Link href="/laporan">Ke daftar laporan</Link>
      </section>
    );
  }
  const filters = Object.fromEntries(report.filters.map((f) => [f, query.get(f) ?? '']).filter(([, v]) => v)) as Partial<Record<Filter, string>>;
  const search = new URLSearchParams(filters).toString();
  // the URL's values go to the API as they are: a value it refuses becomes the message below
  const data = useLoad(() => ok<AnyReport>(api.GET('/api/reports/{name}', { params: { path: { name: report.name }, query: filters as never } })), [report.name, search]);
  const download = (format: 'csv' | 'xlsx') => `/api/reports/${report.name}?${new URLSearchParams({ ...filters, format })}`;
  const reset = (
    <Link href={`/laporan/${report.name}`} class="button">
      Hapus saringan
    </Link>
  );

  return (
    <section>
      <h1>Laporan</h1>
      <nav class="tabs" aria-label="Jenis laporan">
        <ul>
          {REPORTS.map((r) => (
            <li key={r.name}>
              <Link href={`/laporan/${r.name}${search ? `?${search}` : ''}`} aria-current={r.name === report.name ? 'page' : undefined}>
                {r.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{report.label}</h2>
      <form
        key={`${report.name}?${search}`}
        class="filters"
        aria-label={`Saring laporan ${report.label}`}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const f of report.filters) {
            const v = String(form.get(f) ?? '').trim();
            if (v) next.set(f, v);
          }
          const q = next.toString();
          navigate(`/laporan/${report.name}${q ? `?${q}` : ''}`);
        }}
      >
        {report.filters.includes('kind') && (
          <label>
            Jenis
            <select name="kind">
              <option value="">Semua</option>
              {(['quick-win', 'regulation'] as const).map((k) => (
                <option key={k} value={k} selected={filters.kind === k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        )}
        <NamedChoice label="Unit kerja" name="unitCode" options={units} selected={filters.unitCode ?? ''} />
        {report.filters.includes('year') && (
          <label>
            Tahun
            <input name="year" type="number" defaultValue={filters.year ?? ''} min={2000} max={2100} />
          </label>
        )}
        {report.filters.includes('from') && (
          <div class="filter-date">
            <label for="report-from">Dari tanggal</label>
            <DateInput id="report-from" name="from" defaultValue={filters.from ?? ''} />
          </div>
        )}
        {report.filters.includes('to') && (
          <div class="filter-date">
            <label for="report-to">Sampai tanggal</label>
            <DateInput id="report-to" name="to" defaultValue={filters.to ?? ''} />
          </div>
        )}
        <button type="submit">Terapkan</button>
      </form>
      <p class="downloads">
        <a class="button" href={download('csv')} download>
          Unduh CSV
        </a>
        <a class="button" href={download('xlsx')} download>
          Unduh XLSX
        </a>
      </p>
      {data.loading && !data.data && <Loading />}
      {data.error && data.error.status === 400 && (
        <div class="alert" role="alert">
          <p>Saringan tidak dapat dipakai: periksa jenis, unit kerja, tahun (empat angka) dan tanggal.</p>
          {reset}
        </div>
      )}
      {data.error && data.error.status === 403 && (
        <div class="alert" role="alert">
          <p>
            {filters.unitCode
              ? 'Anda tidak berwenang melihat laporan unit kerja ini.'
              : 'Anda tidak berwenang melihat laporan. Laporan terbuka bagi Sekretaris Daerah, Biro/Bagian Organisasi, Inspektorat, Administrator dan Kepala Perangkat Daerah (untuk unitnya).'}
          </p>
          {filters.unitCode && reset}
        </div>
      )}
      {data.error && data.error.status !== 400 && data.error.status !== 403 && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.data && data.data.report === report.name && (
        <div aria-busy={data.loading}>
          <ReportBody report={data.data} />
        </div>
      )}
    </section>
  );
}

function ReportBody({ report }: { report: AnyReport }) {
  switch (report.report) {
    case 'open-by-sla':
      return <OpenBySla report={report} />;
    case 'stage-times':
      return <StageTimes report={report} />;
    case 'throughput':
      return <Throughput report={report} />;
    case 'workload':
      return <Workload report={report} />;
    case 'quick-wins':
      return <QuickWins report={report} />;
  }
}

function NoData() {
  return (
    <p class="empty" data-testid="report-empty">
      Belum ada data untuk laporan ini dengan saringan yang dipilih.
    </p>
  );
}

/** A province's regencies and cities, one total each (the API's `governments`). */
function Governments<T extends { code: string; name: string }>({ rows, columns }: { rows: readonly T[]; columns: ReadonlyArray<[string, (r: T) => string]> }) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption="Kabupaten dan kota"
      rows={rows}
      columns={[{ header: 'Pemerintah', cell: (r: T) => r.name }, ...columns.map(([header, cell]) => ({ header, cell, numeric: true }))]}
    />
  );
}

function OpenBySla({ report }: { report: OpenBySlaReport }) {
  const { timeZone } = useSession();
  const byStage = new Map<string, { onTime: number; dueSoon: number; overdue: number }>();
  for (const i of report.items) {
    const key = `${kindLabel(i.kind)}: ${stageLabel(i.stage)}`;
    const t = byStage.get(key) ?? { onTime: 0, dueSoon: 0, overdue: 0 };
    byStage.set(key, { onTime: t.onTime + i.onTime, dueSoon: t.dueSoon + i.dueSoon, overdue: t.overdue + i.overdue });
  }
  const counts = (r: { onTime: number; dueSoon: number; overdue: number }) => number(r.onTime + r.dueSoon + r.overdue);
  return (
    <>
      <p class="muted">Keadaan per {dateTime(report.at, timeZone)}.</p>
      {report.items.length === 0 ? (
        <NoData />
      ) : (
        <>
          <BarChart title="Tahap berjalan menurut batas waktu" series={SLA_SERIES} rows={[...byStage].map(([label, values]) => ({ label, values }))} />
          <DataTable
            caption="Tahap berjalan per unit kerja"
            rows={report.items}
            columns={[
              { header: 'Unit kerja', cell: (r) => r.unitName },
              { header: 'Jenis', cell: (r) => kindLabel(r.kind) },
              { header: 'Tahap', cell: (r) => stageLabel(r.stage) },
              { header: 'Tepat waktu', cell: (r) => number(r.onTime), numeric: true },
              { header: 'Segera jatuh tempo', cell: (r) => number(r.dueSoon), numeric: true },
              { header: 'Terlambat', cell: (r) => number(r.overdue), numeric: true },
              { header: 'Jumlah', cell: counts, numeric: true },
            ]}
          />
        </>
      )}
      <h3>Paling terlambat</h3>
      {report.mostOverdue.length === 0 ? (
        <Empty>Tidak ada dokumen yang terlambat.</Empty>
      ) : (
        <DataTable
          caption="Dokumen paling terlambat"
          rows={report.mostOverdue}
          columns={[
            { header: 'Judul', cell: (r) => <Link href={documentPagePath(r.kind, r.id)}>{r.title}</Link> },
            { header: 'Tahap', cell: (r) => stageLabel(r.stage) },
            { header: 'Terlambat', cell: (r) => days(r.overdueWorkingDays), numeric: true },
            { header: 'Menunggu', cell: (r) => r.waitingOn.map((w) => `${w.name} (${roleLabel(w.role)}${w.onBehalfOf ? `, atas nama ${w.onBehalfOf}` : ''})`).join('; ') || '-' },
          ]}
        />
      )}
      <Governments rows={report.governments} columns={[['Tepat waktu', (r) => number(r.onTime)], ['Segera jatuh tempo', (r) => number(r.dueSoon)], ['Terlambat', (r) => number(r.overdue)]]} />
    </>
  );
}

function StageTimes({ report }: { report: StageTimesReport }) {
  if (report.items.length === 0) return <NoData />;
  const label = (r: { kind: string; stage: string }) => `${kindLabel(r.kind)}: ${stageLabel(r.stage)}`;
  return (
    <>
      <BarChart
        title="Median waktu per tahap (hari kerja)"
        series={[{ key: 'median', label: 'Median', tone: 'bar-a' }]}
        format={(n) => `${number(n)} hari kerja`}
        rows={report.items.map((i) => ({ label: label(i), values: { median: i.medianWorkingDays ?? 0 } }))}
      />
      <DataTable
        caption="Waktu per tahap"
        rows={report.items}
        columns={[
          { header: 'Tahap', cell: label },
          { header: 'Jumlah', cell: (r) => number(r.count), numeric: true },
          { header: 'Median', cell: (r) => days(r.medianWorkingDays), numeric: true },
          { header: 'P90', cell: (r) => days(r.p90WorkingDays), numeric: true },
          { header: 'Batas waktu', cell: (r) => (r.sla ? durationText(r.sla.duration, r.sla.businessDays) : '-') },
          { header: 'Tepat waktu', cell: (r) => share(r.withinSlaShare), numeric: true },
        ]}
      />
      <Governments rows={report.governments} columns={[['Jumlah', (r) => number(r.count)], ['Tepat waktu', (r) => share(r.withinSlaShare)]]} />
    </>
  );
}

function Throughput({ report }: { report: ThroughputReport }) {
  if (report.items.length === 0 && report.governments.length === 0) return <NoData />;
  const weeks = new Map<string, { label: string; started: number; finished: number }>();
  for (const i of report.items) {
    const t = weeks.get(i.weekStart) ?? { label: weekText(i.week, i.weekStart), started: 0, finished: 0 };
    weeks.set(i.weekStart, { label: t.label, started: t.started + i.started, finished: t.finished + i.finished });
  }
  const rows = [...weeks].sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <>
      {rows.length === 0 ? (
        <NoData />
      ) : (
        <>
          <BarChart
            title="Dokumen diajukan dan selesai per minggu"
            layout="group"
            series={[
              { key: 'started', label: 'Diajukan', tone: 'bar-a' },
              { key: 'finished', label: 'Selesai', tone: 'bar-b' },
            ]}
            rows={rows.map(([, { label, ...values }]) => ({ label, values }))}
          />
          <DataTable
            caption="Masuk dan selesai per minggu dan jenis"
            rows={report.items}
            columns={[
              { header: 'Minggu (mulai Senin)', cell: (r) => weekText(r.week, r.weekStart) },
              { header: 'Jenis', cell: (r) => kindLabel(r.kind) },
              { header: 'Diajukan', cell: (r) => number(r.started), numeric: true },
              { header: 'Selesai', cell: (r) => number(r.finished), numeric: true },
            ]}
          />
        </>
      )}
      <Governments rows={report.governments} columns={[['Diajukan', (r) => number(r.started)], ['Selesai', (r) => number(r.finished)]]} />
    </>
  );
}

function Workload({ report }: { report: WorkloadReport }) {
  const { timeZone } = useSession();
  const who = (r: WorkloadReport['items'][number]) => `${r.name} (${roleLabel(r.role)}${r.onBehalfOf ? `, atas nama ${r.onBehalfOf}` : ''})`;
  return (
    <>
      <p class="muted">Keadaan per {dateTime(report.at, timeZone)}.</p>
      {report.items.length === 0 ? (
        <NoData />
      ) : (
        <>
          <BarChart
            title="Tugas terbuka per orang"
            series={[
              { key: 'onTime', label: 'Belum terlambat', tone: 'bar-ok' },
              { key: 'overdue', label: 'Terlambat', tone: 'bar-bad' },
            ]}
            rows={report.items.map((r) => ({ label: who(r), values: { onTime: r.open - r.overdue, overdue: r.overdue } }))}
          />
          <DataTable
            caption="Beban kerja per orang dan peran"
            rows={report.items}
            columns={[
              { header: 'Nama', cell: who },
              { header: 'Unit kerja', cell: (r) => r.unitCode },
              { header: 'Tugas terbuka', cell: (r) => number(r.open), numeric: true },
              { header: 'Terlambat', cell: (r) => number(r.overdue), numeric: true },
            ]}
          />
        </>
      )}
      <Governments rows={report.governments} columns={[['Tugas terbuka', (r) => number(r.open)], ['Terlambat', (r) => number(r.overdue)]]} />
    </>
  );
}

function QuickWins({ report }: { report: QuickWinsReport }) {
  if (report.byArea.length === 0 && report.governments.length === 0) return <NoData />;
  const completed = (t: { byState: Record<string, number> }) => t.byState.completed ?? 0;
  return (
    <>
      <p class="muted">Tahun {report.year}.</p>
      {report.byArea.length === 0 ? (
        <NoData />
      ) : (
        <>
          <BarChart
            title="Quick Win per area dan tema"
            series={[
              { key: 'completed', label: 'Selesai dalam tahun', tone: 'bar-ok' },
              { key: 'other', label: 'Lainnya', tone: 'bar-a' },
            ]}
            rows={report.byArea.map((a) => ({ label: areaLabel(a.area), values: { completed: a.completedInYear, other: a.total - a.completedInYear } }))}
          />
          <DataTable
            caption="Per area dan tema"
            rows={report.byArea}
            columns={[
              { header: 'Area / tema', cell: (r) => areaLabel(r.area) },
              { header: 'Jumlah', cell: (r) => number(r.total), numeric: true },
              { header: 'Selesai', cell: completed, numeric: true },
              { header: 'Selesai dalam tahun', cell: (r) => number(r.completedInYear), numeric: true },
              { header: 'Laporan kemajuan (tepat waktu)', cell: (r) => `${number(r.progressReports)} (${number(r.progressReportsOnTime)})`, numeric: true },
              { header: 'Anggaran', cell: (r) => rupiah(r.budget), numeric: true },
            ]}
          />
          <DataTable
            caption="Per perangkat daerah"
            rows={report.byUnit}
            columns={[
              { header: 'Perangkat daerah', cell: (r) => r.unitName },
              { header: 'Jumlah', cell: (r) => number(r.total), numeric: true },
              { header: 'Selesai dalam tahun', cell: (r) => number(r.completedInYear), numeric: true },
              { header: 'Anggaran', cell: (r) => rupiah(r.budget), numeric: true },
            ]}
          />
        </>
      )}
      <Governments rows={report.governments} columns={[['Jumlah', (r) => number(r.total)], ['Selesai dalam tahun', (r) => number(r.completedInYear)], ['Anggaran', (r) => rupiah(r.budget)]]} />
    </>
  );
}
