import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import YAML from 'yaml';
import { Queue } from 'bullmq';
import { ALL_JOB_NAMES, JobName, QueueName, redisOptionsFromUrl } from '#queue';
import { act, createQuickWin, createTestApp, freePort, spawnApi, spawnWorker, TEST_REDIS_URL, waitFor, type SpawnedWorker, type TestApp } from '#testing';

jest.setTimeout(120_000);

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
const bearer = { Authorization: `Bearer ${TOKEN}` };

/** The value of one sample of an exposition (`name{labels} value`), or null when it has none. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

/** A GET on a connection of its own (no keep-alive), so an API of several processes gets each on any of them. */
function getOnce(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      })
      .on('error', reject);
  });
}

/**
 * GET /metrics for Prometheus: the API's requests by route template, the deployment's worker health,
 * outbox and queues, and each worker's jobs, relay and reconciler; only with METRICS_TOKEN.
 */
describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a scrape without the token (401), with another, or by another method (405); under /metrics is nothing', async () => {
    const none = await t.http.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Metrics are read with the bearer token set in METRICS_TOKEN' });
    expect(none.headers['www-authenticate']).toBe('Bearer realm="alur-metrics"');
    expect((await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}x`)).status).toBe(401);
    // a person's session token is not the scraper's
    expect((await t.http.get('/metrics').set(await t.auth('kaltim.sekda'))).status).toBe(401);
    const post = await t.http.post('/metrics').set(bearer);
    expect(post.status).toBe(405);
    expect(post.body.code).toBe('METHOD_NOT_ALLOWED');
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await t.http.get('/metrics/anything').set(bearer)).status).toBe(404);
  });

  it("counts each request under its route's template and status, and each action committed, naming no document", async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    const key = { 'Idempotency-Key': 'metrics-submit-1' };
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT', {}, key)).status).toBe(200);
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT', {}, key)).status).toBe(200); // the same answer again
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(409);
    const res = await t.http.get('/metrics').set(bearer);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.text;
    expect(sample(text, 'alur_http_requests_total{method="POST",route="/api/quick-wins/:id/actions",status="200"}')).toBe(2);
    expect(sample(text, 'alur_http_requests_total{method="POST",route="/api/quick-wins/:id/actions",status="409"}')).toBe(1);
    expect(sample(text, 'alur_http_requests_total{method="POST",route="/api/quick-wins",status="201"}')).toBe(1);
    expect(sample(text, 'alur_http_request_duration_seconds_count{method="POST",route="/api/quick-wins/:id/actions"}')).toBe(3);
    // one SUBMIT committed: neither the replay nor the refusal is another
    expect(sample(text, 'alur_transitions_total{kind="quick-win",action="SUBMIT"}')).toBe(1);
    expect(sample(text, 'alur_http_requests_total{method="GET",route="/metrics",status="401"}')).toBe(3);
    expect(text).not.toContain(doc.id);
    expect(sample(text, 'alur_api_processes')).toBe(1);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it("says what the deployment's worker health, outbox and queues are now", async () => {
    const queue = new Queue(QueueName.Deadlines, { connection: redisOptionsFromUrl(t.env.REDIS_URL!, 'producer'), prefix: t.env.QUEUE_PREFIX });
    try {
      await queue.add(JobName.DeadlineEvent, { deadlineId: '00000000-0000-4000-8000-000000000000', generation: 1, event: 'REMINDER', sequence: 1 }, { delay: 3_600_000 });
      const [{ pending }] = await t.dataSource.query(`SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`);
      expect(pending).toBeGreaterThanOrEqual(2); // the SUBMIT above; no worker runs here
      const text = (await t.http.get('/metrics').set(bearer)).text;
      expect(sample(text, 'alur_metrics_source_up{source="postgres"}')).toBe(1);
      expect(sample(text, 'alur_metrics_source_up{source="redis"}')).toBe(1);
      expect(sample(text, 'alur_outbox_pending')).toBe(pending);
      expect(sample(text, 'alur_outbox_pending_capped')).toBe(0);
      expect(sample(text, 'alur_outbox_oldest_pending_seconds')).toBeLessThan(60);
      expect(sample(text, 'alur_worker_healthy')).toBe(0);
      expect(sample(text, 'alur_worker_health_problem{problem="NO_LIVE_WORKER"}')).toBe(1);
      expect(sample(text, 'alur_worker_health_problem{problem="OUTBOX_LAGGING"}')).toBe(0);
      expect(sample(text, 'alur_workers_alive')).toBe(0);
      expect(sample(text, 'alur_queue_jobs{queue="deadlines",state="delayed"}')).toBe(1);
      expect(sample(text, 'alur_queue_jobs{queue="notifications",state="failed"}')).toBe(0);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it("keeps answering when Redis does not, saying so and leaving the queues' counts out", async () => {
    const cut = await createTestApp({ METRICS_TOKEN: TOKEN, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const res = await cut.http.get('/metrics').set(bearer);
      expect(res.status).toBe(200);
      expect(sample(res.text, 'alur_metrics_source_up{source="redis"}')).toBe(0);
      expect(sample(res.text, 'alur_metrics_source_up{source="postgres"}')).toBe(1);
      expect(res.text).not.toMatch(/^alur_queue_jobs\{/m);
      expect(sample(res.text, 'alur_outbox_pending')).toBe(0);
    } finally {
      await cut.close();
    }
  });

  it('is an unknown path (404) without METRICS_TOKEN', async () => {
    const off = await createTestApp();
    try {
      const res = await off.http.get('/metrics').set(bearer);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    } finally {
      await off.close();
    }
  });

  /** The last scrape of the worker's own metrics (below), for the alerts' check. */
  let workerText = '';

  describe("a worker's own metrics (WORKER_METRICS_PORT)", () => {
    let worker: SpawnedWorker;
    let url: string;
    beforeAll(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}/metrics`;
      worker = spawnWorker({ ...t.env, METRICS_TOKEN: TOKEN, WORKER_METRICS_PORT: String(port), RECONCILE_INTERVAL_MS: '1000' });
      await waitFor(async () => (await getOnce(url, bearer).catch(() => ({ status: 0 }))).status === 200, { what: `the worker's metrics on ${port}: ${worker.stderr()}` });
    });
    afterAll(async () => {
      await worker?.kill();
    });

    it('refuses a scrape without the token and serves nothing else', async () => {
      const none = await getOnce(url);
      expect(none.status).toBe(401);
      expect(JSON.parse(none.text)).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect((await getOnce(url.replace('/metrics', '/'), bearer)).status).toBe(404);
    });

    it('counts the rows it relayed, its reconciler passes and its jobs with how late each began', async () => {
      await waitFor(async () => {
        const [{ pending }] = await t.dataSource.query(`SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`);
        return pending === 0;
      }, { what: 'the relay' });
      const queue = new Queue(QueueName.Deadlines, { connection: redisOptionsFromUrl(TEST_REDIS_URL, 'producer'), prefix: t.env.QUEUE_PREFIX });
      try {
        await queue.add(JobName.DeadlineEvent, { deadlineId: '00000000-0000-4000-8000-000000000001', generation: 1, event: 'ESCALATION', sequence: 1 }, { delay: 200 });
        await queue.add('not-a-job-of-alur', { anything: true });
        const text = await waitFor(async () => {
          const scraped = (await getOnce(url, bearer)).text;
          return sample(scraped, 'alur_jobs_total{job_name="(unknown)",outcome="dropped"}') === 1 &&
            sample(scraped, 'alur_jobs_total{job_name="deadline-event",outcome="completed"}') === 1 &&
            scraped;
        }, { what: 'both jobs run' });
        expect(sample(text, 'alur_job_start_delay_seconds_count{job_name="deadline-event"}')).toBe(1);
        expect(sample(text, 'alur_job_duration_seconds_count{job_name="deadline-event"}')).toBe(1);
        expect(text).not.toContain('not-a-job-of-alur');
        expect(sample(text, 'alur_outbox_relayed_total{type="NOTIFY"}')).toBeGreaterThanOrEqual(1);
        expect(sample(text, 'alur_outbox_relayed_total{type="STAGE_ENTERED"}')).toBeGreaterThanOrEqual(1);
        expect(sample(text, 'alur_reconciler_passes_total')).toBeGreaterThanOrEqual(1);
        expect(text).toMatch(/^process_resident_memory_bytes \d/m);
        workerText = text;
      } finally {
        await queue.close();
      }
      // the API sees it alive now
      const api = (await t.http.get('/metrics').set(bearer)).text;
      expect(sample(api, 'alur_workers_alive')).toBe(1);
      expect(sample(api, 'alur_worker_healthy')).toBe(1);
      expect(sample(api, 'alur_outbox_pending')).toBe(0);
    });
  });

  it('alerts and the dashboard (deploy/) ask only for metrics and labels the API and the worker serve', async () => {
    const api = (await t.http.get('/metrics').set(bearer)).text;
    const served = new Map<string, string>();
    for (const match of `${api}\n${workerText}`.matchAll(/^# TYPE (\S+) (\S+)$/gm)) served.set(match[1]!, match[2]!);
    expect(served.get('alur_job_start_delay_seconds')).toBe('histogram'); // the worker's scrape is here

    const { groups } = YAML.parse(readFileSync('deploy/prometheus/alur-alerts.yml', 'utf8')) as { groups: Array<{ rules: Array<Record<string, any>> }> };
    const rules = groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      expect(rule).toMatchObject({ alert: expect.stringMatching(/^Alur[A-Za-z]+$/), expr: expect.any(String), labels: { severity: expect.stringMatching(/^(critical|warning)$/) }, annotations: { summary: expect.any(String) } });
    }
    const dashboard = JSON.parse(readFileSync('deploy/grafana/alur-dashboard.json', 'utf8')) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(12);
    const queries = [
      ...rules.map((rule) => ({ where: String(rule.alert), expr: String(rule.expr) })),
      ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => ({ where: panel.title, expr: target.expr }))),
    ];

    for (const { where, expr } of queries) {
      for (const [name] of expr.matchAll(/\b(?:alur|process|nodejs)_[a-z0-9_]+/g)) {
        const base = name.replace(/_(bucket|count|sum)$/, '');
        expect({ where, name, type: served.get(name) ?? (served.get(base) === 'histogram' ? 'histogram' : 'not served') }).not.toMatchObject({ type: 'not served' });
      }
      // `job` is Prometheus's label of the scrape target (alur-api, alur-worker); alur's jobs are `job_name`
      for (const [, job] of expr.matchAll(/\bjob="([^"]+)"/g)) expect({ where, job }).toEqual({ where, job: expect.stringMatching(/^alur-(api|worker)$/) });
      for (const [, job] of expr.matchAll(/\bjob_name="([^"]+)"/g)) expect({ where, job, known: ALL_JOB_NAMES.includes(job as JobName) }).toEqual({ where, job, known: true });
      for (const [, pattern] of expr.matchAll(/\broute=~"([^"]+)"/g)) {
        // Prometheus anchors a label matcher at both ends
        expect({ where, matches: new RegExp(`^(?:${pattern})$`).test('/api/quick-wins/:id/actions') && api.includes('route="/api/quick-wins/:id/actions"') }).toEqual({ where, matches: true });
      }
    }
  });

  it('sums the processes of API_PROCESSES=2, so a scrape answered by either counts every request', async () => {
    const api = await spawnApi({ ...t.env, API_PROCESSES: '2' });
    try {
      // both serve (the primary gathers only from processes that listen), so the requests below go to each in turn
      await waitFor(async () => sample((await getOnce(`${api.base}/metrics`, bearer)).text, 'alur_api_processes') === 2, { what: 'two API processes' });
      for (let i = 0; i < 20; i++) expect((await getOnce(`${api.base}/health`)).status).toBe(200);
      const first = await getOnce(`${api.base}/metrics`, bearer);
      expect(first.status).toBe(200);
      const counted = sample(first.text, 'alur_http_requests_total{method="GET",route="/health",status="200"}');
      // 20 here and spawnApi's one that answered 200; either process alone took about half (node:cluster's round robin)
      expect(counted).toBe(21);
      for (let i = 0; i < 4; i++) {
        const again = await getOnce(`${api.base}/metrics`, bearer);
        expect(sample(again.text, 'alur_http_requests_total{method="GET",route="/health",status="200"}')).toBe(counted);
      }
      expect(sample(first.text, 'alur_outbox_pending')).not.toBeNull();
    } finally {
      await api.kill();
    }
  });
});
