// Preloaded (--import) into a process the benchmark measures: counts the queries it sends to
// PostgreSQL (each one a round trip) and writes the count to $BENCH_QUERY_COUNT_FILE on SIGWINCH,
// so the benchmark can take the difference over a fixed number of transitions.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_QUERY_COUNT_FILE;
if (file) {
  const pg = createRequire(`${process.cwd()}/package.json`)('pg');
  let queries = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    queries++;
    return query.apply(this, args);
  };
  process.on('SIGWINCH', () => writeFileSync(file, JSON.stringify({ queries })));
}
