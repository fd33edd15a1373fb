import type { TestApp } from './test-app.js';

/** A valid Quick Win body; override any field. */
export function quickWinBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Layanan Perizinan Daring Satu Pintu',
    description: 'Mempercepat layanan perizinan dengan pengajuan dan pelacakan daring.',
    year: 2026,
    category: 'RB_TEMATIK',
    area: 'DIGITALISASI_ADMINISTRASI',
    indicator: 'Persentase izin yang diajukan secara daring',
    target: { value: 80, unit: 'persen' },
    output: 'Aplikasi perizinan daring',
    startDate: '2026-01-05',
    endDate: '2026-12-31',
    budget: 150000000,
    ...overrides,
  };
}

/** A valid regulation body; override any field. */
export function regulationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Sistem Kerja di Lingkungan Pemerintah Daerah',
    legalBasis: ['Peraturan Menteri PANRB Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah'],
    body: 'Pasal 1\nDalam Peraturan ini yang dimaksud dengan ...',
    ...overrides,
  };
}

export async function createQuickWin(t: TestApp, drafter: string, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/quick-wins').set(await t.auth(drafter)).send(quickWinBody(overrides));
  if (res.status !== 201) throw new Error(`create quick win failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; state: string } & Record<string, unknown>;
}

export async function createRegulation(t: TestApp, drafter: string, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/regulations').set(await t.auth(drafter)).send(regulationBody(overrides));
  if (res.status !== 201) throw new Error(`create regulation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; state: string } & Record<string, unknown>;
}

/** Fires an action and returns the response (status and body) for the test to check. */
export async function act(
  t: TestApp,
  resource: 'quick-wins' | 'regulations',
  id: string,
  username: string,
  action: string,
  extra: { comment?: string; data?: Record<string, unknown> } = {},
  headers: Record<string, string> = {},
) {
  return t.http
    .post(`/api/${resource}/${id}/actions`)
    .set({ ...(await t.auth(username)), ...headers })
    .send({ action, ...extra });
}
