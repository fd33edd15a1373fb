// The Quick Win every approval bench creates, and the four transitions that take it to implementation.

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
