import { expect } from '@jest/globals';
import { act, type TestApp } from '#testing';

/** Data of a valid REPORT_PROGRESS. */
export function progressData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    period: '2026-03',
    percent: 40,
    realization: 'Aplikasi perizinan daring sudah dipakai di tiga kecamatan.',
    supportingFactors: 'Dukungan pimpinan daerah',
    inhibitingFactors: 'Jaringan internet belum merata',
    evidence: ['https://diskominfo.kaltimprov.go.id/laporan/2026-03.pdf'],
    ...overrides,
  };
}

/** Data of a valid EVALUATE. */
export function evaluationData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { score: 87.5, notes: 'Manfaat dirasakan masyarakat; waktu layanan turun dari 14 hari menjadi 3 hari.', ...overrides };
}

/** The kaltim (or other government's) users and the actions that move a Quick Win from draft to `target`. */
export function pathTo(target: string, g = 'kaltim'): Array<{ user: string; action: string; comment?: string; data?: Record<string, unknown> }> {
  const steps = {
    endorsement: [{ user: `${g}.drafter`, action: 'SUBMIT' }],
    verification: [{ user: `${g}.kadis`, action: 'ENDORSE' }],
    approval: [{ user: `${g}.organisasi`, action: 'VERIFY' }],
    implementation: [{ user: `${g}.sekda`, action: 'APPROVE' }],
    reported: [{ user: `${g}.drafter`, action: 'REPORT_PROGRESS', data: progressData() }],
    evaluation: [{ user: `${g}.kadis`, action: 'COMPLETE' }],
    completed: [{ user: `${g}.inspektur`, action: 'EVALUATE', data: evaluationData() }],
  } as const;
  const order = Object.keys(steps) as Array<keyof typeof steps>;
  const last = order.indexOf(target as keyof typeof steps);
  if (last < 0) throw new Error(`no path to ${target}`);
  return order.slice(0, last + 1).flatMap((k) => steps[k].map((s) => ({ ...s })));
}

/** Fires the path to `target` on a document, expecting 200 at every step. */
export async function driveTo(t: TestApp, id: string, target: string, g = 'kaltim'): Promise<Record<string, any>> {
  let body: Record<string, any> = {};
  for (const step of pathTo(target, g)) {
    const res = await act(t, 'quick-wins', id, step.user, step.action, { comment: step.comment, data: step.data });
    if (res.status !== 200) throw new Error(`${step.action} by ${step.user} failed: ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body;
  }
  return body;
}

export async function getDoc(t: TestApp, id: string, user: string) {
  return t.http.get(`/api/quick-wins/${id}`).set(await t.auth(user));
}

export async function historyOf(t: TestApp, id: string, user = 'kaltim.drafter') {
  const res = await t.http.get(`/api/quick-wins/${id}/history`).set(await t.auth(user));
  expect(res.status).toBe(200);
  return res.body as { entries: Array<Record<string, any>>; chainValid: boolean; firstInvalidSeq: number | null };
}

/** What must not change when a request fails: version, state, content and the audit chain. */
export async function snapshotOf(t: TestApp, id: string) {
  const [row] = await t.dataSource.query(
    `SELECT d.version, d.state, d.content_version AS "contentVersion", d.content_hash AS "contentHash", d.facts,
            wi.version AS "instanceVersion", wi.last_seq AS "lastSeq", wi.last_hash AS "lastHash",
            (SELECT count(*)::int FROM history_entries h WHERE h.document_id = d.id) AS entries,
            (SELECT count(*)::int FROM content_versions c WHERE c.document_id = d.id) AS versions,
            (SELECT count(*)::int FROM outbox o WHERE o.document_id = d.id) AS outbox
       FROM documents d JOIN workflow_instances wi ON wi.document_id = d.id WHERE d.id = $1`,
    [id],
  );
  return row as Record<string, unknown>;
}
