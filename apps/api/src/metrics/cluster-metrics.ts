import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];

/** A process took a scrape and asks the primary for everyone's metrics; the primary answers it. */
const ASK = 'alur:metrics-ask';
const ANSWER = 'alur:metrics-answer';
/** The primary asks each serving process for its own metrics; each gives them. */
const GATHER = 'alur:metrics-gather';
const GIVE = 'alur:metrics-give';
const TIMEOUT_MS = 4000;

type Message =
  | { type: typeof ASK; id: string }
  | { type: typeof ANSWER; id: string; text?: string; error?: string }
  | { type: typeof GATHER; id: string }
  | { type: typeof GIVE; id: string; metrics?: MetricJson[]; error?: string };

/**
 * In the primary of `API_PROCESSES` > 1: when a process asks (it took a scrape), the metrics of every
 * process that serves (is listening) are gathered and summed (prom-client's `AggregatorRegistry.aggregate`),
 * so counters never go back when the next scrape lands on another process. A process that does not
 * give them in time fails the scrape rather than leave its part out.
 */
export function answerClusterMetricsAsks(): void {
  const serving = new Set<number>();
  const gatherings = new Map<string, { waiting: Set<number>; parts: MetricJson[][]; done: (error: Error | null, text?: string) => void }>();
  cluster.on('listening', (worker) => serving.add(worker.id));
  cluster.on('exit', (worker) => {
    serving.delete(worker.id);
    for (const g of gatherings.values()) if (g.waiting.has(worker.id)) g.done(new Error(`API process ${worker.process.pid} ended while its metrics were gathered`));
  });
  cluster.on('message', (worker, message: Message) => {
    if (message?.type === ASK) {
      gather(message.id).then(
        (text) => worker.send({ type: ANSWER, id: message.id, text } satisfies Message),
        (error: Error) => worker.send({ type: ANSWER, id: message.id, error: error.message } satisfies Message),
      );
    } else if (message?.type === GIVE) {
      const g = gatherings.get(message.id);
      if (!g || !g.waiting.delete(worker.id)) return;
      if (message.error !== undefined) return g.done(new Error(message.error));
      g.parts.push(message.metrics ?? []);
      if (g.waiting.size === 0) g.done(null, undefined);
    }
  });

  function gather(id: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`API processes gave no metrics within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      const g = { waiting: new Set(serving), parts: [] as MetricJson[][], done };
      function done(error: Error | null): void {
        if (!gatherings.delete(id)) return;
        clearTimeout(timer);
        if (error) reject(error);
        else AggregatorRegistry.aggregate(g.parts).metrics().then(resolve, reject);
      }
      gatherings.set(id, g);
      for (const workerId of g.waiting) cluster.workers?.[workerId]?.send({ type: GATHER, id } satisfies Message);
    });
  }
}

/** In a process of the cluster: gives `registry` when the primary gathers, and asks it for everyone's. */
export function clusterMetricsReader(registry: Registry): () => Promise<string> {
  process.on('message', (message: Message) => {
    if (message?.type !== GATHER) return;
    registry.getMetricsAsJSON().then(
      (metrics) => process.send?.({ type: GIVE, id: message.id, metrics } satisfies Message),
      (error: Error) => process.send?.({ type: GIVE, id: message.id, error: error.message } satisfies Message),
    );
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => finish(new Error(`the API's primary process gave no metrics within ${TIMEOUT_MS + 1000} ms`)), TIMEOUT_MS + 1000);
      const onMessage = (message: Message) => {
        if (message?.type !== ANSWER || message.id !== id) return;
        finish(message.error === undefined ? null : new Error(message.error), message.text);
      };
      function finish(error: Error | null, text?: string) {
        clearTimeout(timer);
        process.off('message', onMessage);
        if (error) reject(error);
        else resolve(text ?? '');
      }
      process.on('message', onMessage);
      process.send?.({ type: ASK, id } satisfies Message);
    });
}
