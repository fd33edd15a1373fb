// Preloaded (--import) into a process the benchmark measures: samples process.memoryUsage() every
// 100 ms and keeps the sample of the highest RSS, so the benchmark can say what the peak was made
// of (V8 heap, Buffers and other memory outside the heap, the rest native). Written to
// $BENCH_MEMORY_FILE every second and at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  let peak = process.memoryUsage();
  const sample = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  }, 100);
  const write = () => writeFileSync(file, JSON.stringify({ peak }));
  const flush = setInterval(write, 1000);
  sample.unref();
  flush.unref();
  process.on('exit', write);
}
