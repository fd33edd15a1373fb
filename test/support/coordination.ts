import type { DataSource } from 'typeorm';
import { act, type TestApp } from '#testing';
import { driveRegulation, harmonizationData } from './regulation.js';

export type CoordinationRule = { kind: 'ALL' } | { kind: 'AT_LEAST'; n: number };

/** A regulation of `g` driven to legal_review, then LEGAL names the OPDs concerned and harmonisation (and facilitation) ends. */
export async function regulationInCoordination(
  t: TestApp,
  id: string,
  g: string,
  units: string[],
  rule: CoordinationRule,
): Promise<Record<string, any>> {
  await driveRegulation(t, id, 'draft', 'legal_review', g);
  const requested = await act(t, 'regulations', id, `${g}.hukum`, 'REQUEST_HARMONIZATION', { data: { coordination: { units, rule } } });
  if (requested.status !== 200) throw new Error(`REQUEST_HARMONIZATION: ${requested.status} ${JSON.stringify(requested.body)}`);
  let res = await act(t, 'regulations', id, `${g}.hukum`, 'RECORD_HARMONIZATION', { data: harmonizationData() });
  if (g !== 'kaltim' && res.status === 200) res = await act(t, 'regulations', id, 'kaltim.hukum', 'FACILITATE');
  if (res.status !== 200) throw new Error(`into coordination: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The document's deadlines in a stage: "unitCode STATUS" for each participant's, sorted. */
export async function participantDeadlines(dataSource: DataSource, documentId: string, stage = 'coordination.agencies'): Promise<string[]> {
  const rows: Array<{ unit: string; status: string }> = await dataSource.query(
    `SELECT u.code AS unit, d.status FROM deadlines d JOIN units u ON u.id = d.participant_unit_id
      WHERE d.document_id = $1 AND d.stage = $2 ORDER BY u.code, d.created_at`,
    [documentId, stage],
  );
  return rows.map((r) => `${r.unit} ${r.status}`);
}

/**
 * Moves every pending participant deadline of a document to times a test can wait for, the way a
 * holiday recomputation does (new times, generation + 1, a DEADLINE_RESCHEDULED row each).
 */
export async function rushParticipantDeadlines(
  dataSource: DataSource,
  documentId: string,
  times: { remindInMs: number; dueInMs: number; escalationsInMs: number[] },
): Promise<void> {
  const at = (ms: number) => new Date(Date.now() + ms);
  await dataSource.transaction(async (tx) => {
    const [rows] = await tx.query(
      `UPDATE deadlines SET remind_at = $2, due_at = $3, escalation_times = $4::timestamptz[],
              policy = policy || jsonb_build_object('maxEscalations', $5::int), generation = generation + 1
        WHERE document_id = $1 AND status = 'PENDING' AND participant_unit_id IS NOT NULL RETURNING id, generation`,
      [documentId, at(times.remindInMs), at(times.dueInMs), times.escalationsInMs.map(at), times.escalationsInMs.length],
    );
    for (const row of rows as Array<{ id: string; generation: number }>) {
      await tx.query(
        `INSERT INTO outbox (document_id, type, payload) VALUES ($1, 'DEADLINE_RESCHEDULED', jsonb_build_object('deadlineId', $2::text, 'generation', $3::int))`,
        [documentId, row.id, row.generation],
      );
    }
  });
}
