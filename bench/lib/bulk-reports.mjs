// Fills the reports bench database set-based: one INSERT ... SELECT over generate_series per table
// (documents, workflow instances, open deadlines, the closed deadlines of the stages each document has
// left), with triggers off (session_replication_role = replica), then every summary the triggers keep
// rebuilt in one statement each, as the migrations do. A million documents and their 3.3 million
// deadlines take minutes instead of the hour a row-by-row fill would.
import pg from 'pg';
import { STATE_MIX, stateSnapshots } from './bulk-documents.mjs';

/** Stages a Quick Win in each state has left, in order. */
const LEFT = { endorsement: 0, verification: 1, approval: 2, revision: 1, implementation: 3, evaluation: 4, completed: 5, rejected: 3, withdrawn: 0, draft: 0 };
const STAGES = ['endorsement', 'verification', 'approval', 'implementation', 'evaluation'];
const AREAS = ['MANAJEMEN_PERUBAHAN', 'DEREGULASI', 'PENATAAN_ORGANISASI', 'PENATAAN_TATA_LAKSANA', 'MANAJEMEN_SDM', 'PENGUATAN_AKUNTABILITAS', 'PENGUATAN_PENGAWASAN', 'PELAYANAN_PUBLIK'];

async function snapshots() {
  return (await stateSnapshots()).map((s) => ({ ...s, left: LEFT[s.state] }));
}

/**
 * `total` Quick Wins over the governments that have a drafter (round robin), each in a unit of its
 * government (at random) and one of the eight RB areas, created over the last `spreadDays` days, in
 * the states of STATE_MIX. A waiting document has its pending deadline, due between `dueFromDays`
 * and `dueFromDays + dueSpreadDays` days from now (some overdue, some due soon, most later); every
 * document has the closed deadlines of the stages it has left (entered 8 days apart from its
 * creation, 2 hours to 8 days each, a fifth of them late). Returns what was made.
 */
export async function fillReportsHistory(url, { total, spreadDays = 3 * 365, dueFromDays = -20, dueSpreadDays = 60, log = () => {} }) {
  const snaps = await snapshots();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const step = async (what, sql, params) => {
    const t = performance.now();
    log(what);
    const r = await c.query(sql, params);
    process.stderr.write(`\r${what}: ${((performance.now() - t) / 1000).toFixed(1)} s                    \n`);
    return r;
  };
  try {
    // Triggers and foreign-key checks off for this session: the summaries are rebuilt below.
    await c.query(`SET session_replication_role = replica`);
    await c.query(`SET work_mem = '256MB'`);
    await c.query(`SET maintenance_work_mem = '512MB'`);
    await c.query(`
      CREATE TEMP TABLE bench_gov AS
      SELECT (row_number() OVER (ORDER BY g.code) - 1)::int AS gi, g.id AS gov, g.level, g.time_zone AS tz, d.id AS drafter,
             (SELECT array_agg(u.id ORDER BY u.code) FROM units u WHERE u.government_id = g.id) AS units
        FROM governments g JOIN users d ON d.username = g.code || '.drafter'`);
    await c.query(`CREATE TEMP TABLE bench_snap AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(level text, state text, snapshot jsonb, final boolean, "left" int)`, [
      JSON.stringify(snaps),
    ]);
    const states = STATE_MIX.map(([s]) => s);
    const lowers = [];
    let done = 0;
    for (const [i, [, share]] of STATE_MIX.entries()) {
      lowers.push(done + 1);
      done += i === STATE_MIX.length - 1 ? total - done : Math.round(total * share);
    }
    await step(
      'documents to make',
      `CREATE TEMP TABLE bench_docs AS
       SELECT gen_random_uuid() AS id, g.gov, g.level, g.drafter, g.units[1 + floor(random() * cardinality(g.units))::int] AS unit,
              ($2::text[])[width_bucket(i, $3::int[])] AS state, ($4::text[])[1 + i % 8] AS area,
              now() - random() * $5::int * interval '1 day' AS created
         FROM generate_series(1, $1::int) i JOIN bench_gov g ON g.gi = i % (SELECT count(*) FROM bench_gov)`,
      [total, states, lowers, AREAS, spreadDays],
    );
    await step(
      'documents',
      `INSERT INTO documents (id, kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at)
       SELECT b.id, 'quick-win', b.gov, b.unit, b.drafter, 'Quick Win ' || left(b.id::text, 8), extract(year FROM b.created)::int,
              jsonb_build_object('title', 'Quick Win ' || left(b.id::text, 8), 'year', extract(year FROM b.created)::int,
                'category', 'RB_GENERAL', 'area', b.area, 'description', 'Percepatan layanan publik',
                'indicator', 'Waktu layanan', 'target', jsonb_build_object('value', 50, 'unit', 'persen'),
                'output', 'Layanan daring', 'startDate', '2026-01-05', 'endDate', '2026-12-20', 'budget', 1000000),
              md5(b.id::text), b.state, s.final, b.created, b.created
         FROM bench_docs b JOIN bench_snap s ON s.level = b.level AND s.state = b.state`,
    );
    await step(
      'workflow instances',
      `INSERT INTO workflow_instances (document_id, kind, machine_version, snapshot, state, last_seq, last_hash, updated_at)
       SELECT b.id, 'quick-win', 1, s.snapshot, b.state, 0, NULL, b.created FROM bench_docs b JOIN bench_snap s ON s.level = b.level AND s.state = b.state`,
    );
    await step(
      'open deadlines',
      `INSERT INTO deadlines (document_id, government_id, unit_id, kind, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
       SELECT b.id, b.gov, b.unit, 'quick-win', b.state, b.created, due, due - interval '1 day', ARRAY[due + interval '1 day'],
              '{"duration":"P5D","businessDays":true,"remindBefore":"P1D","escalateAfter":"P1D","escalateEvery":"P2D","maxEscalations":1}', 'bench'
         FROM (SELECT b.*, now() + ($1::int + random() * $2::int) * interval '1 day' AS due FROM bench_docs b) b
         JOIN bench_snap s ON s.level = b.level AND s.state = b.state
        WHERE NOT s.final AND b.state <> 'draft'`,
      [dueFromDays, dueSpreadDays],
    );
    await step(
      'closed deadlines (stages left)',
      `INSERT INTO deadlines (document_id, government_id, unit_id, kind, stage, entered_at, due_at, closed_at, status, policy, explanation)
       SELECT b.id, b.gov, b.unit, 'quick-win', st.stage, e.entered, e.entered + interval '3 days',
              e.entered + interval '2 hours' + random() * interval '4 days' * (CASE WHEN random() < 0.2 THEN 2 ELSE 1 END),
              'DONE', '{"duration":"P3D","businessDays":true,"remindBefore":"P1D","escalateAfter":"P1D","escalateEvery":"P2D","maxEscalations":3}', 'bench'
         FROM bench_docs b JOIN bench_snap s ON s.level = b.level AND s.state = b.state
        CROSS JOIN LATERAL unnest(($1::text[])[1:s."left"]) WITH ORDINALITY st(stage, k)
        CROSS JOIN LATERAL (SELECT b.created + (st.k - 1) * interval '8 days' AS entered) e`,
      [STAGES],
    );

    // The summaries, each in one statement (the migrations' SQL).
    await step('document counts', `SELECT rebuild_document_counts()`);
    await c.query(`TRUNCATE quick_win_counts, quick_win_deltas`);
    await step(
      'Quick Win roll-up',
      `INSERT INTO quick_win_counts
       SELECT d.government_id, d.unit_id, coalesce(d.year, 0), coalesce(d.content ->> 'category', ''), coalesce(d.content ->> 'area', ''), d.state, count(*),
              sum(CASE WHEN jsonb_typeof(d.content -> 'budget') = 'number' THEN (d.content ->> 'budget')::numeric ELSE 0 END),
              sum(CASE WHEN jsonb_typeof(d.facts -> 'progressReports') = 'array' THEN jsonb_array_length(d.facts -> 'progressReports') ELSE 0 END),
              sum(quick_win_reports_on_time(d.id, d.facts)),
              count(*) FILTER (WHERE d.state = 'completed' AND extract(year FROM d.updated_at AT TIME ZONE g.time_zone) <= d.year)
         FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.kind = 'quick-win' GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    // Working seconds of each stage left: working_seconds_between as a difference of a cumulative
    // working-time calendar (per government, day by day, weekends and holidays off), checked against
    // the function itself on a sample below.
    await step(
      'working-time calendar',
      `CREATE TEMP TABLE bench_cal AS
       SELECT g.gov, g.tz, day, working, coalesce(sum(CASE WHEN working THEN 86400 ELSE 0 END) OVER (PARTITION BY g.gov ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
         FROM bench_gov g
        CROSS JOIN LATERAL (SELECT d::date AS day FROM generate_series((SELECT min(entered_at) FROM deadlines)::date - 2, (SELECT max(closed_at) FROM deadlines)::date + 2, interval '1 day') d) days
        CROSS JOIN LATERAL (SELECT extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = day AND (h.government_id IS NULL OR h.government_id = g.gov)) AS working) w`,
    );
    await c.query(`CREATE UNIQUE INDEX ON bench_cal (gov, day)`);
    await c.query(`ANALYZE bench_cal`);
    const worked = (alias, t) => `(${alias}.before + CASE WHEN ${alias}.working THEN extract(epoch FROM ${t} - (${alias}.day::timestamp AT TIME ZONE ${alias}.tz)) ELSE 0 END)`;
    const stageSeconds = `
      SELECT dl.government_id, dl.unit_id, dl.kind, dl.stage, dl.entered_at, dl.closed_at, dl.due_at, g.time_zone,
             CASE WHEN dl.closed_at <= dl.entered_at THEN 0 ELSE floor(${worked('c1', 'dl.closed_at')} - ${worked('c0', 'dl.entered_at')})::bigint END AS seconds
        FROM deadlines dl JOIN governments g ON g.id = dl.government_id
        JOIN bench_cal c0 ON c0.gov = dl.government_id AND c0.day = (dl.entered_at AT TIME ZONE g.time_zone)::date
        JOIN bench_cal c1 ON c1.gov = dl.government_id AND c1.day = (dl.closed_at AT TIME ZONE g.time_zone)::date
       WHERE dl.status = 'DONE' AND dl.closed_at IS NOT NULL`;
    const { rows: disagree } = await step(
      'working time checked against working_seconds_between (10,000 stages)',
      `SELECT count(*) FILTER (WHERE s.seconds <> working_seconds_between(s.entered_at, s.closed_at, s.time_zone, s.government_id))::int AS n
         FROM (${stageSeconds} LIMIT 10000) s`,
    );
    if (disagree[0].n !== 0) throw new Error(`the working-time calendar disagrees with working_seconds_between on ${disagree[0].n} stages`);
    await c.query(`TRUNCATE stage_time_counts, stage_time_totals, stage_time_deltas`);
    await step(
      'stage-time counts',
      `INSERT INTO stage_time_counts (government_id, unit_id, month, kind, stage, bucket, count, within_sla)
       SELECT government_id, unit_id, date_trunc('month', closed_at AT TIME ZONE time_zone)::date, kind, stage, stage_time_bucket(seconds),
              count(*), count(*) FILTER (WHERE closed_at <= due_at)
         FROM (${stageSeconds}) s GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    await step(
      'stage-time totals',
      `INSERT INTO stage_time_totals (government_id, month, kind, stage, bucket, count, within_sla)
       SELECT government_id, month, kind, stage, bucket, sum(count), sum(within_sla) FROM stage_time_counts GROUP BY 1, 2, 3, 4, 5`,
    );
    await c.query(`TRUNCATE throughput_counts, throughput_deltas`);
    await step(
      'throughput counts',
      `INSERT INTO throughput_counts (government_id, week, kind, unit_id, started, finished)
       SELECT government_id, week, kind, unit_id, sum(started), sum(finished) FROM (
         SELECT d.government_id, date_trunc('week', d.created_at AT TIME ZONE g.time_zone)::date AS week, d.kind, d.unit_id, 1 AS started, 0 AS finished
           FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.state NOT IN ('draft', 'withdrawn')
         UNION ALL
         SELECT d.government_id, date_trunc('week', (d.created_at + interval '30 days') AT TIME ZONE g.time_zone)::date, d.kind, d.unit_id, 0, 1
           FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.final AND d.state <> 'withdrawn') t
        GROUP BY 1, 2, 3, 4`,
    );
    const { rows: rebuild } = await c.query(`SELECT to_regproc('rebuild_open_stage_counts') IS NOT NULL AS has`);
    if (rebuild[0].has) await step('open-stage counts', `SELECT rebuild_open_stage_counts()`);
    await c.query(`SET session_replication_role = origin`);
    // what autovacuum does after a bulk load: visibility map set, statistics fresh
    await step('VACUUM ANALYZE', `VACUUM ANALYZE`);
    const { rows } = await c.query(
      `SELECT (SELECT count(*) FROM deadlines WHERE status = 'DONE')::int AS closed, (SELECT count(*) FROM stage_time_counts)::int AS "stageRows",
              (SELECT count(*) FROM stage_time_totals)::int AS "totalRows",
              (SELECT count(*) FROM throughput_counts)::int AS "weekRows", (SELECT count(*) FROM deadlines WHERE status = 'PENDING')::int AS open,
              (SELECT count(*) FROM deadlines WHERE status = 'PENDING' AND due_at <= now())::int AS overdue`,
    );
    return rows[0];
  } finally {
    await c.end();
  }
}
