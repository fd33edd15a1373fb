import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteSlaPolicies, upsertSlaPolicies } from '#persistence';
import { validateSlaPolicy, type SlaPolicy } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppException, forbidden, validationFailed } from '../common/errors/app.exception.js';
import { validateDto } from '../common/validation/validate-dto.util.js';
import { GetSlaQuery, type SlaView } from './get-sla.query.js';
import { SlaPolicyDto, UpdateSlaDto } from './sla-policy.dto.js';
import { requireSlaKind, SLA_STAGES } from './sla-stages.js';

/**
 * PUT /api/workflows/:kind/sla: an ADMIN changes some stages of their government's SLA (a stage set
 * to null goes back to the default). Checks in api.md's order: unknown kind 404, a malformed body 400
 * (every problem of every stage, each named `stages.<stage>.<field>`), not an ADMIN 403. Deadlines
 * already running keep their policy; stages entered from now on get the new one.
 */
@Injectable()
export class UpdateSlaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly query: GetSlaQuery,
  ) {}

  async execute(user: AuthenticatedUser, kindParam: string, body: unknown): Promise<SlaView> {
    const kind = requireSlaKind(kindParam);
    const { stages } = validateDto(UpdateSlaDto, body);
    const entries = Object.entries(stages);
    if (entries.length === 0) throw validationFailed('stages must name at least one stage', { fields: ['stages'] });

    const problems: string[] = [];
    const changes: Array<{ stage: string; policy: SlaPolicy }> = [];
    const resets: string[] = [];
    for (const [stage, value] of entries) {
      const path = `stages.${stage}`;
      if (!SLA_STAGES[kind].includes(stage)) {
        problems.push(`${path}: ${kind} has no stage ${stage} with a deadline; its stages are ${SLA_STAGES[kind].join(', ')}`);
        continue;
      }
      if (value === null) {
        resets.push(stage);
        continue;
      }
      let dto: SlaPolicyDto;
      try {
        dto = validateDto(SlaPolicyDto, value, path);
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        problems.push(...(((error.details as { fields?: string[] } | undefined)?.fields) ?? [error.message]));
        continue;
      }
      const policy: SlaPolicy = {
        duration: dto.duration,
        businessDays: dto.businessDays,
        remindBefore: dto.remindBefore,
        escalateAfter: dto.escalateAfter,
        escalateEvery: dto.escalateEvery,
        maxEscalations: dto.maxEscalations,
      };
      const issues = validateSlaPolicy(policy);
      if (issues.length > 0) problems.push(...issues.map((issue) => `${path}.${issue.field}: ${issue.message}`));
      else changes.push({ stage, policy });
    }
    if (problems.length > 0) throw validationFailed(problems.join('; '), { fields: problems });

    if (!user.roles.includes('ADMIN')) throw forbidden(`Only an ADMIN of ${user.governmentCode} changes its SLA`);

    return this.dataSource.transaction(async (tx) => {
      await upsertSlaPolicies(tx, user.governmentId, kind, changes, user.id, new Date());
      await deleteSlaPolicies(tx, user.governmentId, kind, resets);
      return this.query.execute(user, kind, tx);
    });
  }
}
