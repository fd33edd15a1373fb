// Fills a bench database with many Quick Win documents straight through SQL (the API would take
// hours for a million), each with a real persisted snapshot of its state made by the pure machine,
// its workflow instance, a content version and, when it waits in a stage, a pending deadline. A
// document that was submitted carries its read-scope mark (submitted_at), so readers see what they would.
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/** state -> the actions that lead there from draft, with the users who may fire them */
const PATHS = {
  draft: [],
  endorsement: ['SUBMIT'],
  verification: ['SUBMIT', 'ENDORSE'],
  approval: ['SUBMIT', 'ENDORSE', 'VERIFY'],
  revision: ['SUBMIT', 'RETURN'],
  implementation: ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE'],
  completed: ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE'],
  rejected: ['SUBMIT', 'ENDORSE', 'VERIFY', 'REJECT'],
  withdrawn: ['WITHDRAW'],
};

/** The share of each state among the generated documents (most documents of past years are done). */
export const STATE_MIX = [
  ['completed', 0.45],
  ['rejected', 0.08],
  ['withdrawn', 0.07],
  ['implementation', 0.15],
  ['draft', 0.07],
  ['endorsement', 0.05],
  ['verification', 0.05],
  ['approval', 0.05],
  ['revision', 0.03],
];

/** A real persisted snapshot of every state of PATHS, per government level, made by the pure machine. */
export async function stateSnapshots() {
  const wf = await import(pathToFileURL(resolve('dist/libs/workflow/src/index.js')).href);
  const def = wf.createDefaultRegistry().requireLatest('quick-win');
  const out = [];
  for (const level of ['PROVINCE', 'REGENCY']) {
    for (const [state, path] of Object.entries(PATHS)) {
      let snap = wf.startWorkflow(def, { level }).persistedSnapshot;
      for (const action of path) {
        const r = wf.applyAction(def, snap, { type: action });
        if (!r.ok) throw new Error(`cannot reach ${state}: ${action} refused`);
        snap = r.persistedSnapshot;
      }
      out.push({ level, state, snapshot: snap, final: wf.isFinalState(def, snap), offeredRoles: wf.rolesOfferedTask(def, snap) });
    }
  }
  return out;
}

async function snapshots() {
  return Object.fromEntries((await stateSnapshots()).map(({ level, state, snapshot, final, offeredRoles }) => [`${level}:${state}`, { snapshot, final, offeredRoles }]));
}

/**
 * Inserts `total` documents spread over the seeded governments, in batches of `batch`, created over
 * the last `spreadDays` days; returns the counts per state. Deadlines of waiting stages fall due
 * between `dueFrom` and `dueFrom + dueSpreadMs`.
 */
export async function insertDocuments(url, { total, mix = STATE_MIX, batch = 50_000, spreadDays = 3 * 365, dueFrom = new Date(Date.now() + 7 * 86400e3), dueSpreadMs = 60 * 86400e3, log = () => {} }) {
  const snaps = await snapshots();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: govs } = await client.query(
      `SELECT g.id AS gov, g.level, u.id AS unit, d.id AS drafter
         FROM governments g JOIN units u ON u.government_id = g.id AND u.code = 'diskominfo'
         JOIN users d ON d.username = g.code || '.drafter' ORDER BY g.code`,
    );
    // the count trigger keeps one counter row per key and writer: a million updates of the same few rows
    // in a handful of transactions would walk ever longer row-version chains, so a bulk load counts once at the end
    await client.query('ALTER TABLE documents DISABLE TRIGGER trg_documents_count_insert_delete');
    let done = 0;
    const counts = {};
    for (const [state, share] of mix) {
      const n = state === mix.at(-1)[0] ? total - done : Math.round(total * share);
      counts[state] = n;
      for (let offset = 0; offset < n; offset += batch) {
        const size = Math.min(batch, n - offset);
        for (const [gi, g] of govs.entries()) {
          const part = Math.floor(size / govs.length) + (gi < size % govs.length ? 1 : 0);
          if (part === 0) continue;
          const { snapshot, final, offeredRoles } = snaps[`${g.level}:${state}`];
          await client.query('BEGIN');
          await client.query(
            `WITH rows AS (
               SELECT gen_random_uuid() AS id, now() - (random() * $6::int * interval '1 day') AS created
                 FROM generate_series(1, $5::int)
             ), docs AS (
               INSERT INTO documents (id, kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at, submitted_at)
               SELECT id, 'quick-win', $1, $2, $3, 'Quick Win ' || left(id::text, 8), extract(year FROM created)::int,
                      jsonb_build_object('title', 'Quick Win ' || left(id::text, 8), 'year', extract(year FROM created)::int,
                        'category', 'RB_GENERAL', 'area', 'PELAYANAN_PUBLIK', 'description', 'Percepatan layanan publik',
                        'indicator', 'Waktu layanan', 'target', jsonb_build_object('value', 50, 'unit', 'persen'),
                        'output', 'Layanan daring', 'startDate', '2026-01-05', 'endDate', '2026-12-20', 'budget', 1000000),
                      md5(id::text), $4, $7, created, created, CASE WHEN $12::boolean THEN created END
                 FROM rows RETURNING id, created_at
             ), inst AS (
               INSERT INTO workflow_instances (document_id, kind, machine_version, snapshot, state, last_seq, last_hash, updated_at)
               SELECT id, 'quick-win', 1, $8::jsonb, $4, 0, NULL, created_at FROM docs RETURNING document_id
             )
             INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation, offered_roles)
             SELECT d.id, $1, $2, $4, d.created_at, due, due - interval '1 day', ARRAY[due + interval '1 day'], '{"duration":"P5D","businessDays":true,"remindBefore":"P1D","escalateAfter":"P1D","escalateEvery":"P2D","maxEscalations":1}', 'bench', $13::text[]
               FROM (SELECT id, created_at, $9::timestamptz + random() * ($10::bigint * interval '1 millisecond') AS due FROM docs) d
              WHERE $11::boolean`,
            [g.gov, g.unit, g.drafter, state, part, spreadDays, final, JSON.stringify(snapshot), dueFrom, dueSpreadMs, !final && state !== 'draft', PATHS[state][0] === 'SUBMIT', offeredRoles],
          );
          await client.query('COMMIT');
        }
        done += size;
        log(`${done.toLocaleString()} / ${total.toLocaleString()} documents`);
      }
    }
    await client.query('ALTER TABLE documents ENABLE TRIGGER trg_documents_count_insert_delete');
    await client.query('SELECT rebuild_document_counts()');
    // what autovacuum does after a bulk load
    for (const table of ['documents', 'workflow_instances', 'deadlines', 'document_counts', 'document_count_deltas']) await client.query(`VACUUM ANALYZE ${table}`);
    return counts;
  } finally {
    await client.end();
  }
}
