import type { EntityManager } from 'typeorm';
import { defaultSlaPolicy, type SlaKind, type SlaPolicy } from '#workflow';

/** A government's own SLA for one stage, as stored. */
export interface StoredSlaPolicy {
  stage: string;
  policy: SlaPolicy;
  updatedAt: Date;
  updatedBy: string | null;
}

const SELECT_POLICY = `
  SELECT s.stage, s.duration, s.business_days AS "businessDays", s.remind_before AS "remindBefore",
         s.escalate_after AS "escalateAfter", s.escalate_every AS "escalateEvery", s.max_escalations AS "maxEscalations",
         s.updated_at AS "updatedAt", u.username AS "updatedBy"
    FROM sla_policies s
    LEFT JOIN users u ON u.id = s.updated_by`;

type PolicyRow = SlaPolicy & { stage: string; updatedAt: Date; updatedBy: string | null };

function toStored(row: PolicyRow): StoredSlaPolicy {
  const { stage, updatedAt, updatedBy, duration, businessDays, remindBefore, escalateAfter, escalateEvery, maxEscalations } = row;
  return { stage, updatedAt, updatedBy, policy: { duration, businessDays, remindBefore, escalateAfter, escalateEvery, maxEscalations } };
}

/** The government's overrides of a kind, by stage. */
export async function storedSlaPolicies(manager: EntityManager, governmentId: string, kind: SlaKind): Promise<Map<string, StoredSlaPolicy>> {
  const rows: PolicyRow[] = await manager.query(`${SELECT_POLICY} WHERE s.government_id = $1 AND s.kind = $2`, [governmentId, kind]);
  return new Map(rows.map((row) => [row.stage, toStored(row)]));
}

/**
 * The SLA a stage entered now gets: the government's override, else the domain default; null for a
 * stage that has no deadline (draft, final states) whatever is stored. One query.
 */
export async function effectiveSlaPolicy(manager: EntityManager, governmentId: string, kind: SlaKind, stage: string): Promise<SlaPolicy | null> {
  const fallback = defaultSlaPolicy(kind, stage);
  if (!fallback) return null;
  const rows: PolicyRow[] = await manager.query(`${SELECT_POLICY} WHERE s.government_id = $1 AND s.kind = $2 AND s.stage = $3`, [
    governmentId,
    kind,
    stage,
  ]);
  return rows[0] ? toStored(rows[0]).policy : fallback;
}

/** Writes overrides (insert or replace) in one statement; a stage whose override already holds these values keeps its updated stamps. */
export async function upsertSlaPolicies(
  manager: EntityManager,
  governmentId: string,
  kind: SlaKind,
  policies: ReadonlyArray<{ stage: string; policy: SlaPolicy }>,
  updatedBy: string,
  at: Date,
): Promise<void> {
  if (policies.length === 0) return;
  await manager.query(
    `INSERT INTO sla_policies (government_id, kind, stage, duration, business_days, remind_before, escalate_after, escalate_every,
                               max_escalations, updated_by, updated_at)
     SELECT $1, $2, p.stage, p.duration, p."businessDays", p."remindBefore", p."escalateAfter", p."escalateEvery", p."maxEscalations", $3, $4
       FROM jsonb_to_recordset($5::jsonb) AS p(stage text, duration text, "businessDays" boolean, "remindBefore" text,
                                                "escalateAfter" text, "escalateEvery" text, "maxEscalations" int)
     ON CONFLICT (government_id, kind, stage) DO UPDATE
        SET duration = EXCLUDED.duration, business_days = EXCLUDED.business_days, remind_before = EXCLUDED.remind_before,
            escalate_after = EXCLUDED.escalate_after, escalate_every = EXCLUDED.escalate_every,
            max_escalations = EXCLUDED.max_escalations, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
      WHERE (sla_policies.duration, sla_policies.business_days, sla_policies.remind_before, sla_policies.escalate_after,
             sla_policies.escalate_every, sla_policies.max_escalations)
            IS DISTINCT FROM (EXCLUDED.duration, EXCLUDED.business_days, EXCLUDED.remind_before, EXCLUDED.escalate_after,
                              EXCLUDED.escalate_every, EXCLUDED.max_escalations)`,
    [governmentId, kind, updatedBy, at, JSON.stringify(policies.map(({ stage, policy }) => ({ stage, ...policy })))],
  );
}

/** Removes overrides, so those stages use the default again. */
export async function deleteSlaPolicies(manager: EntityManager, governmentId: string, kind: SlaKind, stages: readonly string[]): Promise<void> {
  if (stages.length === 0) return;
  await manager.query(`DELETE FROM sla_policies WHERE government_id = $1 AND kind = $2 AND stage = ANY($3::text[])`, [governmentId, kind, stages]);
}
