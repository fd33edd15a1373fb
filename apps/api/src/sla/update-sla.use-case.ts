import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteSlaPolicies, storedSlaPolicies, upsertSlaPolicies } from '#persistence';
import { defaultSlaPolicy, validateSlaSetting, type SlaPolicy } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { validationFailed } from '../common/errors/app.exception.js';
import { GetSlaQuery, type SlaView } from './get-sla.query.js';
import { UpdateSlaBody } from './sla.schemas.js';
import { requireSlaKind, SLA_STAGES } from './sla-stages.js';

/**
 * PUT /api/workflows/:kind/sla: an ADMIN (checked by the controller's guard, before the body)
 * changes some stages of their government's SLA. A stage's fields sent replace its current ones
 * (its own setting, else the default) and the others stay; null puts it back on the default.
 * Unknown kind 404, a malformed body or a policy that does not hold 400. Deadlines already
 * running keep their policy; stages entered from now on get the new one.
 */
@Injectable()
export class UpdateSlaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly query: GetSlaQuery,
  ) {}

  async execute(user: AuthenticatedUser, kindParam: string, body: unknown): Promise<SlaView> {
    const kind = requireSlaKind(kindParam);
    const { stages } = parseWith(UpdateSlaBody, body);
    const unknown = Object.keys(stages).filter((stage) => !SLA_STAGES[kind].includes(stage));
    if (unknown.length > 0) {
      const fields = unknown.slice(0, 5).map((stage) => `stages.${stage}: ${kind} has no stage ${stage} with a deadline; its stages are ${SLA_STAGES[kind].join(', ')}`);
      throw validationFailed(fields.join('; '), { fields });
    }

    return this.dataSource.transaction(async (tx) => {
      const stored = await storedSlaPolicies(tx, user.governmentId, kind);
      const problems: string[] = [];
      const changes: Array<{ stage: string; policy: SlaPolicy }> = [];
      const resets: string[] = [];
      for (const [stage, change] of Object.entries(stages)) {
        if (change === null) {
          resets.push(stage);
          continue;
        }
        const current = stored.get(stage)?.policy ?? defaultSlaPolicy(kind, stage)!;
        const policy: SlaPolicy = { ...current, ...change };
        const issues = validateSlaSetting(policy);
        if (issues.length > 0) problems.push(...issues.map((issue) => `stages.${stage}.${issue.field}: ${issue.message}`));
        else changes.push({ stage, policy });
      }
      if (problems.length > 0) throw validationFailed(problems.slice(0, 5).join('; '), { fields: problems.slice(0, 5) });
      await upsertSlaPolicies(tx, user.governmentId, kind, changes, user.id, new Date());
      await deleteSlaPolicies(tx, user.governmentId, kind, resets);
      return this.query.execute(user, kind, tx);
    });
  }
}
