import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { endPendingPasswordResets, findPersonnelByNipsOrUsernames, insertPersonnel, lockPersonnelImport, recordAdminChanges, unitIdsByCode, updatePersonnel, type AdminAuditEntry, type GovernmentRow } from '#persistence';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { administeredGovernment } from '../../administration/administered-government.js';
import { validationFailed } from '../../common/errors/app.exception.js';
import { lookupKeys, planImport, type ImportPlan, type PersonnelRow, type RowResult, type RowStatus } from './import-plan.js';
import { readPersonnelFile, type UploadedFile } from './personnel-file.js';

export interface ImportReport {
  governmentCode: string;
  dryRun: boolean;
  rows: RowResult[];
  summary: Record<RowStatus, number>;
}

/**
 * POST /api/users/import: a personnel file (CSV or XLSX) into one government the caller administers.
 * `dryRun` answers what each row would do and changes nothing; otherwise, in one transaction, every
 * row is applied, or nothing at all when any row is an error (400 with the same report).
 */
@Injectable()
export class ImportPersonnelUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, file: UploadedFile | undefined, options: { dryRun: boolean; governmentCode?: string }): Promise<ImportReport> {
    const government = await administeredGovernment(this.dataSource.manager, user, options.governmentCode ?? user.governmentCode);
    const rows = await readPersonnelFile(file);
    if (options.dryRun) {
      const plan = await this.plan(this.dataSource.manager, user, government, rows);
      return report(government, true, plan);
    }
    return this.dataSource.transaction(async (tx) => {
      await lockPersonnelImport(tx, government.id); // two uploads of the same file cannot both create a person
      const plan = await this.plan(tx, user, government, rows);
      const answer = report(government, false, plan);
      if (plan.summary.error > 0) {
        const message = `${plan.summary.error} of ${rows.length} rows have errors; nothing was imported`;
        throw validationFailed(message, answer);
      }
      await this.apply(tx, user, government, plan);
      return answer;
    });
  }

  private async plan(manager: EntityManager, user: AuthenticatedUser, government: GovernmentRow, rows: PersonnelRow[]): Promise<ImportPlan> {
    const { nips, usernames } = lookupKeys(rows);
    const [units, people] = await Promise.all([unitIdsByCode(manager, government.id), findPersonnelByNipsOrUsernames(manager, nips, usernames)]);
    const byNip = new Map(people.filter((p) => p.nip !== null).map((p) => [p.nip!, p]));
    const byUsername = new Map(people.map((p) => [p.username, p]));
    return planImport(rows, { governmentId: government.id, units, byNip, byUsername, importerRoles: user.roles, importerUsername: user.username });
  }

  private async apply(tx: EntityManager, user: AuthenticatedUser, government: GovernmentRow, plan: ImportPlan): Promise<void> {
    const at = new Date();
    const unitCodes = new Map([...(await unitIdsByCode(tx, government.id))].map(([code, id]) => [id, code]));
    const shown = (p: { username: string; name: string; nip: string | null; email: string | null; unitId: string; roles: readonly string[] }) => ({
      username: p.username,
      name: p.name,
      nip: p.nip,
      email: p.email,
      governmentCode: government.code,
      unitCode: unitCodes.get(p.unitId),
      roles: p.roles,
    });
    await insertPersonnel(tx, government.id, plan.creates, at);
    await updatePersonnel(tx, plan.updates.map(({ before, after }) => ({ id: before.id, name: after.name, email: after.email, unitId: after.unitId, roles: after.roles })), at);
    // a reset link sent to an address the import replaces works no more
    await endPendingPasswordResets(tx, plan.updates.filter(({ before, after }) => before.email !== after.email).map(({ before }) => before.id), at);
    const entries: AdminAuditEntry[] = [
      ...plan.creates.map((p) => ({ action: 'USER_IMPORTED', targetType: 'USER' as const, targetKey: p.username, governmentId: government.id, actorId: user.id, before: null, after: shown(p) })),
      ...plan.updates.map(({ before, after }) => ({ action: 'USER_UPDATED_BY_IMPORT', targetType: 'USER' as const, targetKey: before.username, governmentId: government.id, actorId: user.id, before: shown(before), after: shown(after) })),
    ];
    await recordAdminChanges(tx, entries, at);
  }
}

function report(government: GovernmentRow, dryRun: boolean, plan: ImportPlan): ImportReport {
  return { governmentCode: government.code, dryRun, rows: plan.rows, summary: plan.summary };
}
