import { api, ok } from '../api/client';
import type { AdminAuditPage } from '../api/views';
import { useLoad } from '../components/async';
import { NamedChoice, type Named } from '../components/named-choice';
import { PagedList, pagedPath } from '../components/pager';
import { CellLabel, TableRegion } from '../components/table';
import { auditActionText, auditChangeLines } from '../i18n/admin-audit-text';
import { dateTime } from '../i18n/words';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

const LIMIT = 20;
const TARGETS: readonly Named[] = [
  { code: 'USER', name: 'Pegawai' },
  { code: 'UNIT', name: 'Unit kerja' },
  { code: 'GOVERNMENT', name: 'Pemerintah daerah' },
];

/** Riwayat Administrasi: who changed which government, unit or person, when, and what (`GET /api/admin/audit`), newest first. */
export function AdminAuditPage({ query }: PageProps) {
  const { timeZone } = useSession();
  const targetType = query.get('targetType') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const key = query.toString();
  const list = useLoad(
    () => ok<AdminAuditPage>(api.GET('/api/admin/audit', { params: { query: { ...(targetType ? { targetType } : {}), page: String(page), limit: String(LIMIT) } as never } })),
    [key],
  );

  const goTo = (nextTarget: string, toPage: number) => navigate(pagedPath('/riwayat-administrasi', { targetType: nextTarget }, toPage));

  function filter(event: Event) {
    event.preventDefault();
    goTo(String(new FormData(event.currentTarget as HTMLFormElement).get('targetType') ?? ''), 1);
  }

  return (
    <section>
      <h1>Riwayat Administrasi</h1>
      <p class="muted">Siapa mengubah pemerintah daerah, unit kerja, dan pegawai yang Anda kelola, kapan, dan apa yang berubah. Kata sandi tidak pernah dicatat.</p>
      <form class="filters" onSubmit={filter} key={key} role="search" aria-label="Saring riwayat administrasi">
        <NamedChoice label="Yang diubah" name="targetType" options={TARGETS} selected={targetType} />
        <button type="submit">Saring</button>
      </form>
      <PagedList list={list} page={page} limit={LIMIT} noun="perubahan" empty="Belum ada perubahan yang tercatat." onGo={(n) => goTo(targetType, n)}>
        {(data) => (
          <TableRegion label="Riwayat administrasi" tableClass="stacked">
            <thead>
              <tr>
                <th scope="col">Perubahan</th>
                <th scope="col">Waktu</th>
                <th scope="col">Oleh</th>
                <th scope="col">Yang diubah</th>
                <th scope="col">Rincian</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry">
                  <th scope="row">{auditActionText(entry.action)}</th>
                  <td>
                    <CellLabel>Waktu</CellLabel>
                    {dateTime(entry.at, timeZone)}
                  </td>
                  <td>
                    <CellLabel>Oleh</CellLabel>
                    {entry.actorName ?? 'perintah bootstrap'}
                    {entry.actor && <span class="second-line">{entry.actor}</span>}
                  </td>
                  <td>
                    <CellLabel>Yang diubah</CellLabel>
                    {entry.targetKey}
                  </td>
                  <td>
                    <CellLabel>Rincian</CellLabel>
                    <ul class="changes">
                      {auditChangeLines(entry).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </PagedList>
    </section>
  );
}
