// The Quick Win every approval bench creates, and the four transitions that take it to implementation.
import { pool, request } from './stack.mjs';

/** Who fires which action, in order, from draft to implementation (kaltim's demo people). */
export const APPROVAL_STEPS = [
  ['kaltim.drafter', 'SUBMIT'],
  ['kaltim.kadis', 'ENDORSE'],
  ['kaltim.organisasi', 'VERIFY'],
  ['kaltim.sekda', 'APPROVE'],
];

/** A valid Quick Win body whose title names the bench and the document's number. */
export const benchQuickWin = (bench, i) => ({
  title: `Quick Win ${bench} ${i}`,
  description: 'Percepatan layanan publik berbasis digital',
  year: 2026,
  category: 'RB_GENERAL',
  area: 'PELAYANAN_PUBLIK',
  indicator: 'Waktu layanan',
  target: { value: 50, unit: 'persen' },
  output: 'Layanan daring',
  startDate: '2026-01-05',
  endDate: '2026-12-20',
  budget: 1000000,
});

/** `n` Quick Wins made by kaltim's drafter (`tokens` by username) at `base`, `concurrency` at a time; their ids in order. */
export async function createBenchQuickWins(base, tokens, n, { bench, concurrency }) {
  const ids = new Array(n);
  await pool(n, concurrency, async (i) => {
    const r = await request(base, 'POST', '/api/quick-wins', { token: tokens['kaltim.drafter'], body: benchQuickWin(bench, i) });
    if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
    ids[i] = r.body.id;
  });
  return ids;
}

/** Takes each document through APPROVAL_STEPS, `concurrency` documents at a time; throws at any answer but 200. */
export async function approveEach(base, tokens, ids, concurrency) {
  await pool(ids.length, concurrency, async (i) => {
    for (const [user, action] of APPROVAL_STEPS) {
      const r = await request(base, 'POST', `/api/quick-wins/${ids[i]}/actions`, { token: tokens[user], body: { action } });
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });
}
