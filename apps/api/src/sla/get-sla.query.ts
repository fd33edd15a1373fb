import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { storedSlaPolicies } from '#persistence';
import { defaultSlaPolicy, type SlaKind, type SlaPolicy } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { requireSlaKind, SLA_STAGES } from './sla-stages.js';

export interface StageSlaView extends SlaPolicy {
  /** true: the domain default (the government has set nothing for this stage) */
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface SlaView {
  kind: SlaKind;
  governmentCode: string;
  stages: Record<string, StageSlaView>;
}

/** GET /api/workflows/:kind/sla: every waiting stage of the kind, the caller's government's SLA or the default. */
@Injectable()
export class GetSlaQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, kindParam: string, manager: EntityManager = this.dataSource.manager): Promise<SlaView> {
    const kind = requireSlaKind(kindParam);
    const stored = await storedSlaPolicies(manager, user.governmentId, kind);
    const stages: Record<string, StageSlaView> = {};
    for (const stage of SLA_STAGES[kind]) {
      const own = stored.get(stage);
      stages[stage] = own
        ? { ...own.policy, isDefault: false, updatedAt: own.updatedAt, updatedBy: own.updatedBy }
        : { ...defaultSlaPolicy(kind, stage)!, isDefault: true, updatedAt: null, updatedBy: null };
    }
    return { kind, governmentCode: user.governmentCode, stages };
  }
}
