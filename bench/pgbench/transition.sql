-- One alur transition's transaction shape, for pgbench (-M prepared): lock the document and its
-- instance, close the pending deadline, open the next one, append the history entry, update the
-- instance and the document (version guard), and write the outbox rows. `bench_docs` maps 1..N to
-- the documents of the run (made by bench/approval-throughput.mjs); :ndocs is passed with -D.
-- -D state_change=1 also moves the document to another state, as every transition of the approval path
-- does, so its AFTER UPDATE triggers (list totals, reports) fire; 0 is the issue's shape, where they do not.
\set k random(1, :ndocs)
BEGIN;
SELECT bd.id AS doc, d.version AS version, d.government_id AS gov, d.unit_id AS unit, wi.last_seq + 1 AS seq, wi.last_hash AS prev
  FROM bench_docs bd JOIN documents d ON d.id = bd.id JOIN workflow_instances wi ON wi.document_id = d.id
 WHERE bd.n = :k FOR UPDATE OF d, wi \gset
UPDATE deadlines SET status = 'DONE', closed_at = now() WHERE document_id = :doc AND status = 'PENDING';
INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
  VALUES (:doc, :gov, :unit, 'approval', now(), now() + interval '5 days', now() + interval '4 days', ARRAY[now() + interval '6 days'], '{}', 'pgbench');
INSERT INTO history_entries (document_id, seq, action, from_state, to_state, actor, content_version, content_hash, at, prev_hash, hash, government_id, unit_id, facilitated)
  VALUES (:doc, :seq, 'BENCH', 'approval', 'approval', 'pgbench', 1, 'x', now(), :prev, md5(random()::text), :gov, :unit, false);
UPDATE workflow_instances SET last_seq = :seq, last_hash = md5(random()::text), version = version + 1 WHERE document_id = :doc;
\if :state_change
UPDATE documents SET version = version + 1, updated_at = now(), state = CASE WHEN state = 'approval' THEN 'verification' ELSE 'approval' END
 WHERE id = :doc AND version = :version;
\else
UPDATE documents SET version = version + 1, updated_at = now() WHERE id = :doc AND version = :version;
\endif
INSERT INTO outbox (document_id, type, payload) VALUES (:doc, 'STAGE_LEFT', '{}'), (:doc, 'NOTIFY', '{}'), (:doc, 'STAGE_ENTERED', '{}');
END;
