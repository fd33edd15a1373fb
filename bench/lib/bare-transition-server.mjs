// The least an HTTP service in Node can do per transition: node:http and a pg pool, no framework, no token,
// no state machine, no log, each POST /transitions/<n> running bench/pgbench/transition.sql's transaction
// (state changed, as alur's transitions change it) on document n of bench_docs. BARE_SHAPE=statements sends
// its statements one by one as pgbench does (9 round trips); BARE_SHAPE=one-write closes the pending deadline,
// then sends the other writes as one statement, as alur does (BEGIN, locked read, close, writes, COMMIT: 5
// round trips; the deadline must close before the next one opens, a pending one being unique per document).
//   started by bench/bare-transition.mjs (env: DATABASE_URL, PORT, BARE_SHAPE, BARE_POOL_SIZE)
import http from 'node:http';
import pg from 'pg';

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BARE_POOL_SIZE ?? 8) });
const ONE_WRITE = process.env.BARE_SHAPE === 'one-write';

const LOCK = {
  name: 'bare_lock',
  text: `SELECT d.id AS doc, d.version, d.government_id AS gov, d.unit_id AS unit, wi.last_seq + 1 AS seq, wi.last_hash AS prev
           FROM bench_docs bd JOIN documents d ON d.id = bd.id JOIN workflow_instances wi ON wi.document_id = d.id
          WHERE bd.n = $1 FOR UPDATE OF d, wi`,
};
const CLOSE = `UPDATE deadlines SET status = 'DONE', closed_at = now() WHERE document_id = $1 AND status = 'PENDING'`;
const OPEN = `INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
  VALUES ($1, $2, $3, 'approval', now(), now() + interval '5 days', now() + interval '4 days', ARRAY[now() + interval '6 days'], '{}', 'pgbench')`;
const HISTORY = `INSERT INTO history_entries (document_id, seq, action, from_state, to_state, actor, content_version, content_hash, at, prev_hash, hash, government_id, unit_id, facilitated)
  VALUES ($1, $2, 'BENCH', 'approval', 'approval', 'pgbench', 1, 'x', now(), $3, md5(random()::text), $4, $5, false)`;
const INSTANCE = `UPDATE workflow_instances SET last_seq = $2, last_hash = md5(random()::text), version = version + 1 WHERE document_id = $1`;
const DOCUMENT = `UPDATE documents SET version = version + 1, updated_at = now(), state = CASE WHEN state = 'approval' THEN 'verification' ELSE 'approval' END
  WHERE id = $1 AND version = $2`;
const OUTBOX = `INSERT INTO outbox (document_id, type, payload) VALUES ($1, 'STAGE_LEFT', '{}'), ($1, 'NOTIFY', '{}'), ($1, 'STAGE_ENTERED', '{}')`;

/** pgbench's statements, one round trip each. */
async function statements(c, r) {
  await c.query({ name: 'bare_close', text: CLOSE, values: [r.doc] });
  await c.query({ name: 'bare_open', text: OPEN, values: [r.doc, r.gov, r.unit] });
  await c.query({ name: 'bare_history', text: HISTORY, values: [r.doc, r.seq, r.prev, r.gov, r.unit] });
  await c.query({ name: 'bare_instance', text: INSTANCE, values: [r.doc, r.seq] });
  const { rowCount } = await c.query({ name: 'bare_document', text: DOCUMENT, values: [r.doc, r.version] });
  await c.query({ name: 'bare_outbox', text: OUTBOX, values: [r.doc] });
  return rowCount;
}

/** The writes after the close as one statement (each a CTE), as alur writes a transition; the same SQL as above. */
const ONE = {
  name: 'bare_one_write',
  text: `WITH w_opened AS (
       INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
       VALUES ($1, $2, $3, 'approval', now(), now() + interval '5 days', now() + interval '4 days', ARRAY[now() + interval '6 days'], '{}', 'pgbench')),
     w_history AS (
       INSERT INTO history_entries (document_id, seq, action, from_state, to_state, actor, content_version, content_hash, at, prev_hash, hash, government_id, unit_id, facilitated)
       VALUES ($1, $4, 'BENCH', 'approval', 'approval', 'pgbench', 1, 'x', now(), $5, md5(random()::text), $2, $3, false)),
     w_instance AS (UPDATE workflow_instances SET last_seq = $4, last_hash = md5(random()::text), version = version + 1 WHERE document_id = $1),
     w_outbox AS (INSERT INTO outbox (document_id, type, payload) VALUES ($1, 'STAGE_LEFT', '{}'), ($1, 'NOTIFY', '{}'), ($1, 'STAGE_ENTERED', '{}')),
     w_document AS (
       UPDATE documents SET version = version + 1, updated_at = now(), state = CASE WHEN state = 'approval' THEN 'verification' ELSE 'approval' END
        WHERE id = $1 AND version = $6 RETURNING 1)
   SELECT count(*)::int AS n FROM w_document`,
};
async function oneWrite(c, r) {
  await c.query({ name: 'bare_close', text: CLOSE, values: [r.doc] });
  const { rows } = await c.query({ ...ONE, values: [r.doc, r.gov, r.unit, r.seq, r.prev, r.version] });
  return rows[0].n;
}

async function transition(n) {
  const c = await db.connect();
  try {
    await c.query('BEGIN');
    const { rows } = await c.query({ ...LOCK, values: [n] });
    const written = ONE_WRITE ? await oneWrite(c, rows[0]) : await statements(c, rows[0]);
    await c.query('COMMIT');
    return { seq: rows[0].seq, written };
  } catch (error) {
    await c.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    c.release();
  }
}

const server = http.createServer((req, res) => {
  const n = Number(/^\/transitions\/(\d+)$/.exec(req.url ?? '')?.[1]);
  req.resume();
  if (req.method !== 'POST' || !Number.isInteger(n)) {
    res.writeHead(404).end();
    return;
  }
  transition(n).then(
    (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
    (error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: error.message })),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => server.close(() => db.end().then(() => process.exit(0))));
