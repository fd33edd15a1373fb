#!/usr/bin/env node
// How much refusing a body costs as it grows: JSON.parse plus the request schema's check
// (parseWith), for bodies of n unknown keys on POST /api/quick-wins. Run after `npm run build`:
//   node bench/refusal-cost.mjs
import { performance } from 'node:perf_hooks';
import { parseWith } from '../dist/apps/api/src/common/contract/schema-validator.js';
import { CreateQuickWinBody } from '../dist/apps/api/src/documents/kinds/quick-win.schemas.js';

const valid = {
  title: 'Layanan Perizinan Daring Satu Pintu', description: 'Mempercepat layanan perizinan.', year: 2026, category: 'RB_TEMATIK',
  area: 'DIGITALISASI_ADMINISTRASI', indicator: 'Persentase izin daring', target: { value: 80, unit: 'persen' }, output: 'Aplikasi',
  startDate: '2026-01-05', endDate: '2026-12-31', budget: 150000000,
};

function body(keys) {
  const b = { ...valid };
  for (let i = 0; i < keys; i++) b[`k${i}`] = 'x';
  return JSON.stringify(b);
}

function refuse(text) {
  try {
    parseWith(CreateQuickWinBody, JSON.parse(text));
    return null;
  } catch (error) {
    return JSON.stringify({ message: error.message, details: error.details });
  }
}

refuse(body(10)); // compile the validator
console.log('| unknown keys | body | refused in (median of 5) | error body |');
console.log('|---:|---:|---:|---:|');
for (const keys of [1_000, 10_000, 20_000, 60_000, 120_000]) {
  const text = body(keys);
  const times = [];
  let error = '';
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    error = refuse(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${keys.toLocaleString('en')} | ${(text.length / 1024).toFixed(0)} KB | ${times[2].toFixed(1)} ms | ${error.length} B |`);
}
