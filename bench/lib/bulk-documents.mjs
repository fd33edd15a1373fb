// Fills a bench database with many documents straight through SQL (the API would take hours for a
// million): Quick Wins and work-system regulations, each with a real persisted snapshot of its state
// made by the pure machine, its workflow instance and, when it waits in a stage, its pending deadline
// (one per OPD still awaited in paraf koordinasi). A document carries its read-scope marks
// (submitted_at, and facilitation_requested_at for a regency's regulation that went to the province),
// so readers see what they would.
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
  evaluation: ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REPORT_PROGRESS', 'COMPLETE'],
  completed: ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE'],
  rejected: ['SUBMIT', 'ENDORSE', 'VERIFY', 'REJECT'],
  withdrawn: ['WITHDRAW'],
};

/** The share of each state among the generated documents (most documents of past years are done). */
export const STATE_MIX = [
  ['completed', 0.42],
  ['rejected', 0.08],
  ['withdrawn', 0.07],
  ['implementation', 0.15],
  ['evaluation', 0.03],
  ['draft', 0.07],
  ['endorsement', 0.05],
  ['verification', 0.05],
  ['approval', 0.05],
  ['revision', 0.03],
];

/**
 * A real persisted snapshot of every state `pathsOf(level)` leads to, per government level, made by the
 * latest workflow of `kind` (the pure machine), with what the fill writes beside it: whether it was
 * submitted, went to the province's facilitation, awaits OPDs in paraf koordinasi, has its year.
 */
async function snapshotsAlong(kind, pathsOf) {
  const wf = await import(pathToFileURL(resolve('dist/libs/workflow/src/index.js')).href);
  const def = wf.createDefaultRegistry().requireLatest(kind);
  const out = [];
  for (const level of ['PROVINCE', 'REGENCY']) {
    for (const [state, path] of Object.entries(pathsOf(level))) {
      let snap = wf.startWorkflow(def, { level }).persistedSnapshot;
      // the read-scope marks after each step, as the API keeps them; each history entry keeps the facilitation mark of its time
      let marks = { submitted: false, facilitationRequested: false };
      const steps = [];
      for (const step of path) {
        const event = typeof step === 'string' ? { type: step } : step;
        const r = wf.applyAction(def, snap, event);
        if (!r.ok) throw new Error(`cannot reach ${state}: ${event.type} refused`);
        marks = wf.readScopeMarksAfter(def, marks, r);
        steps.push({ action: event.type, facilitated: marks.facilitationRequested });
        snap = r.persistedSnapshot;
      }
      if (wf.stateToString(snap.value) !== state) throw new Error(`${level} ${state}: the path ends in ${wf.stateToString(snap.value)}`);
      out.push({
        level,
        state,
        steps,
        snapshot: snap,
        final: wf.isFinalState(def, snap),
        offeredRoles: wf.rolesOfferedTask(def, snap),
        submitted: marks.submitted,
        facilitated: marks.facilitationRequested,
        participants: state === wf.AGENCIES_STAGE ? COORDINATING_UNITS : [],
        // a Quick Win's year is in its content; a regulation's is that of its number, given when it is promulgated
        dated: kind === 'quick-win' || steps.some((e) => e.action === 'PROMULGATE'),
        version: def.version,
      });
    }
  }
  return out;
}

/** A real persisted snapshot of every Quick Win state of PATHS, per government level. */
export function stateSnapshots() {
  return snapshotsAlong('quick-win', () => PATHS);
}

/**
 * Regulation (workflow version 2) state -> the events that lead there from draft, for a government of
 * `level`. LEGAL names two OPDs for paraf koordinasi on the way to `coordination.agencies` (none on the
 * other paths); a regency's draft goes to the province's facilitation after harmonization.
 */
export function regulationPaths(level) {
  const reviewed = ['SUBMIT', 'ENDORSE'];
  const named = [...reviewed, { type: 'REQUEST_HARMONIZATION', data: { coordination: { units: COORDINATING_UNITS, rule: { kind: 'ALL' } } } }];
  const plain = [...reviewed, { type: 'REQUEST_HARMONIZATION', data: { coordination: null } }];
  const regency = level !== 'PROVINCE';
  const harmonized = (path) => (regency ? [...path, 'RECORD_HARMONIZATION', 'FACILITATE'] : [...path, 'RECORD_HARMONIZATION']);
  const assistant = harmonized(plain);
  const signature = [...assistant, 'PARAF', 'PARAF'];
  return {
    draft: [],
    endorsement: ['SUBMIT'],
    legal_review: reviewed,
    harmonization: named,
    ...(regency ? { facilitation: [...named, 'RECORD_HARMONIZATION'] } : {}),
    'coordination.agencies': harmonized(named),
    'coordination.assistant': assistant,
    'coordination.secretary': [...assistant, 'PARAF'],
    signature,
    promulgation: [...signature, 'SIGN'],
    promulgated: [...signature, 'SIGN', 'PROMULGATE'],
    published: [...signature, 'SIGN', 'PROMULGATE', 'PUBLISH'],
    revision: ['SUBMIT', 'RETURN'],
    withdrawn: ['WITHDRAW'],
  };
}

/** The OPDs named for paraf koordinasi in the bench's regulations (units of every demo government, never the drafting one). */
export const COORDINATING_UNITS = ['inspektorat', 'setda'];

/** The share of each regulation state (most are published; a regency's share of facilitation goes to its other states in a province). */
export const REGULATION_STATE_MIX = [
  ['published', 0.4],
  ['withdrawn', 0.07],
  ['draft', 0.07],
  ['endorsement', 0.05],
  ['legal_review', 0.05],
  ['harmonization', 0.04],
  ['facilitation', 0.04],
  ['coordination.agencies', 0.05],
  ['coordination.assistant', 0.04],
  ['coordination.secretary', 0.04],
  ['signature', 0.04],
  ['promulgation', 0.03],
  ['promulgated', 0.03],
  ['revision', 0.05],
];

/** A real persisted snapshot of every regulation state of `regulationPaths`, per government level. */
export function regulationStateSnapshots() {
  return snapshotsAlong('regulation', regulationPaths);
}

const QUICK_WIN_CONTENT = `jsonb_build_object('title', title, 'year', year,
  'category', 'RB_GENERAL', 'area', 'PELAYANAN_PUBLIK', 'description', 'Percepatan layanan publik',
  'indicator', 'Waktu layanan', 'target', jsonb_build_object('value', 50, 'unit', 'persen'),
  'output', 'Layanan daring', 'startDate', '2026-01-05', 'endDate', '2026-12-20', 'budget', 1000000)`;
const REGULATION_CONTENT = `jsonb_build_object('title', title,
  'legalBasis', jsonb_build_array('Peraturan Menteri PANRB Nomor 7 Tahun 2022'),
  'body', 'Pasal 1' || chr(10) || 'Dalam Peraturan ini yang dimaksud dengan Sistem Kerja adalah rangkaian prosedur dan tata kerja.')`;

/** What differs between the kinds a bench fills: their workflow's snapshots, titles and content. */
const KINDS = {
  'quick-win': { title: 'Quick Win ', content: QUICK_WIN_CONTENT, snapshots: stateSnapshots },
  regulation: { title: 'Sistem Kerja ', content: REGULATION_CONTENT, snapshots: regulationStateSnapshots },
};

/**
 * Inserts `total` documents spread over the seeded governments (`regulations` of them work-system
 * regulations, the rest Quick Wins), in batches of `batch`, created over the last `spreadDays` days;
 * returns the counts per kind and state. Deadlines of waiting stages fall due between `dueFrom` and
 * `dueFrom + dueSpreadMs`.
 */
export async function insertDocuments(url, { total, regulations = 0, mix = STATE_MIX, batch = 50_000, spreadDays = 3 * 365, dueFrom = new Date(Date.now() + 7 * 86400e3), dueSpreadMs = 60 * 86400e3, log = () => {} }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: govs } = await client.query(
      `SELECT g.id AS gov, g.code, p.code AS "parentCode", g.level, u.id AS unit, d.id AS drafter,
              (SELECT array_agg(p.id ORDER BY array_position($1::text[], p.code)) FROM units p WHERE p.government_id = g.id AND p.code = ANY($1::text[])) AS coordinating
         FROM governments g JOIN units u ON u.government_id = g.id AND u.code = 'diskominfo'
         LEFT JOIN governments p ON p.id = g.parent_id
         JOIN users d ON d.username = g.code || '.drafter' ORDER BY g.code`,
      [COORDINATING_UNITS],
    );
    // the count trigger keeps one counter row per key and writer: a million updates of the same few rows
    // in a handful of transactions would walk ever longer row-version chains, so a bulk load counts once at the end
    await client.query('ALTER TABLE documents DISABLE TRIGGER trg_documents_count_insert_delete');
    const counts = {};
    let done = 0;
    for (const [kind, n] of [['quick-win', total - regulations], ['regulation', regulations]]) {
      if (n <= 0) continue;
      const spec = KINDS[kind];
      const snaps = Object.fromEntries((await spec.snapshots()).map((s) => [`${s.level}:${s.state}`, s]));
      const kindMix = kind === 'quick-win' ? mix : REGULATION_STATE_MIX;
      let kindDone = 0;
      for (const [state, share] of kindMix) {
        const count = state === kindMix.at(-1)[0] ? n - kindDone : Math.round(n * share);
        counts[kind === 'quick-win' ? state : `${kind} ${state}`] = count;
        kindDone += count;
        // a state not every level reaches (a regency's facilitation) goes to the governments that do
        const reaching = govs.filter((g) => snaps[`${g.level}:${state}`] !== undefined);
        for (let offset = 0; offset < count; offset += batch) {
          const size = Math.min(batch, count - offset);
          for (const [gi, g] of reaching.entries()) {
            const part = Math.floor(size / reaching.length) + (gi < size % reaching.length ? 1 : 0);
            if (part > 0) await insertBatch(client, { kind, spec, snap: snaps[`${g.level}:${state}`], g, state, part, spreadDays, dueFrom, dueSpreadMs });
          }
          done += size;
          log(`${done.toLocaleString()} / ${total.toLocaleString()} documents`);
        }
      }
    }
    await client.query('ALTER TABLE documents ENABLE TRIGGER trg_documents_count_insert_delete');
    await client.query('SELECT rebuild_document_counts()');
    // what autovacuum does after a bulk load
    for (const table of ['documents', 'workflow_instances', 'deadlines', 'history_entries', 'document_counts', 'document_count_deltas']) await client.query(`VACUUM ANALYZE ${table}`);
    return counts;
  } finally {
    await client.end();
  }
}

/** `part` documents of one kind and state in government `g`, with their instances and pending deadlines, in one transaction. */
async function insertBatch(client, { kind, spec, snap, g, state, part, spreadDays, dueFrom, dueSpreadMs }) {
  const { snapshot, final, offeredRoles, submitted, facilitated, participants, dated, version, steps } = snap;
  // a deadline per OPD awaited in paraf koordinasi (in the OPD's unit, as the API places it), else one in the drafting unit
  const deadlineUnits = participants.length > 0 ? g.coordinating : [null];
  await client.query('BEGIN');
  await client.query(
    `WITH rows AS (
       SELECT gen_random_uuid() AS id, now() - (random() * $6::int * interval '1 day') AS created
         FROM generate_series(1, $5::int)
     ), made AS (
       SELECT id, created, $15 || left(id::text, 8) AS title, extract(year FROM created)::int AS year FROM rows
     ), docs AS (
       INSERT INTO documents (id, kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at, submitted_at, facilitation_requested_at)
       SELECT id, $14, $1, $2, $3, title, CASE WHEN $19::boolean THEN year END, ${spec.content}, md5(id::text), $4, $7, created, created,
              CASE WHEN $12::boolean THEN created END, CASE WHEN $17::boolean THEN created END
         FROM made RETURNING id, created_at
     ), inst AS (
       INSERT INTO workflow_instances (document_id, kind, machine_version, snapshot, state, last_seq, last_hash, updated_at)
       SELECT id, $14, $16, $8::jsonb, $4, jsonb_array_length($20::jsonb), 'bench', created_at FROM docs RETURNING document_id
     ), hist AS (
       -- its history by the demo officials who would have acted (the hashes are not a chain: nothing verifies them here)
       INSERT INTO history_entries (document_id, seq, action, to_state, actor, content_version, content_hash, at, hash, government_id, unit_id, facilitated)
       SELECT docs.id, e.seq, e.action, $4, e.actor, 1, 'bench', docs.created_at + e.seq * interval '1 hour', 'bench', $1, $2, e.facilitated
         FROM docs CROSS JOIN jsonb_to_recordset($20::jsonb) AS e(seq int, action text, actor text, facilitated boolean)
     )
     INSERT INTO deadlines (document_id, government_id, unit_id, participant_unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation, offered_roles)
     SELECT d.id, $1, coalesce(p.unit, $2), p.unit, $4, d.created_at, due, due - interval '1 day', ARRAY[due + interval '1 day'], '{"duration":"P5D","businessDays":true,"remindBefore":"P1D","escalateAfter":"P1D","escalateEvery":"P2D","maxEscalations":1}', 'bench', $13::text[]
       FROM (SELECT id, created_at, $9::timestamptz + random() * ($10::bigint * interval '1 millisecond') AS due FROM docs) d
            CROSS JOIN unnest($18::uuid[]) AS p(unit)
      WHERE $11::boolean`,
    [g.gov, g.unit, g.drafter, state, part, spreadDays, final, JSON.stringify(snapshot), dueFrom, dueSpreadMs, !final && state !== 'draft', submitted, offeredRoles, kind, spec.title, version, facilitated, deadlineUnits, dated, JSON.stringify(historyOf(kind, steps, g))],
  );
  await client.query('COMMIT');
}

/** The demo account (of `g`, or its province) that takes each action of a bench document's path. */
const ACTORS = {
  'quick-win': { SUBMIT: 'drafter', ENDORSE: 'kadis', RETURN: 'kadis', VERIFY: 'organisasi', APPROVE: 'sekda', REJECT: 'sekda', REPORT_PROGRESS: 'drafter', COMPLETE: 'kadis', EVALUATE: 'inspektur', WITHDRAW: 'drafter' },
  regulation: { SUBMIT: 'drafter', ENDORSE: 'kadis', RETURN: 'kadis', REQUEST_HARMONIZATION: 'hukum', RECORD_HARMONIZATION: 'hukum', SIGN: 'kepala', PROMULGATE: 'sekda', PUBLISH: 'hukum', WITHDRAW: 'drafter' },
};

/** The history entries of a document made by `steps` in government `g`: its creation, then each action by who takes it. */
function historyOf(kind, steps, g) {
  let parafs = 0;
  const account = (action) => {
    if (action === 'FACILITATE') return `${g.parentCode}.hukum`; // the province's Biro Hukum
    if (action === 'PARAF') return `${g.code}.${parafs++ === 0 ? 'asisten' : 'sekda'}`;
    return `${g.code}.${ACTORS[kind][action]}`;
  };
  return [
    { seq: 1, action: 'CREATE', actor: `${g.code}.drafter`, facilitated: false },
    ...steps.map(({ action, facilitated }, i) => ({ seq: i + 2, action, actor: account(action), facilitated })),
  ];
}
