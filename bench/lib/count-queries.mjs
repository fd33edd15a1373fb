// Preloaded (--import) into a process the benchmark measures: counts the queries it sends to
// PostgreSQL (each one a round trip), in all and by the first words of their text, and writes them
// to $BENCH_QUERY_COUNT_FILE on SIGWINCH, so the benchmark can take the difference over a fixed
// number of transitions.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_QUERY_COUNT_FILE;
if (file) {
  const pg = createRequire(`${process.cwd()}/package.json`)('pg');
  let queries = 0;
  // counted by the text as sent, shortened only when written: a regular expression over every query's
  // text made this counter a fifth of what the measured API allocated
  const byText = new Map();
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    queries++;
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    byText.set(text, (byText.get(text) ?? 0) + 1);
    return query.apply(this, args);
  };
  const firstWords = () => {
    const counts = {};
    for (const [text, n] of byText) {
      const key = String(text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 90);
      counts[key] = (counts[key] ?? 0) + n;
    }
    return counts;
  };
  process.on('SIGWINCH', () => writeFileSync(file, JSON.stringify({ queries, byText: firstWords() })));
}
