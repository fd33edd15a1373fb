import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DeadlineRescheduler,
  findGovernmentByCode,
  insertGovernment,
  listAdministeredGovernments,
  lockCalendarExclusive,
  lockGovernmentByCode,
  recordAdminChanges,
  updateGovernment,
} from '#persistence';
import { administers, mayCreateGovernments } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { assertAdministrator } from '../administration/administered-government.js';
import { auditSnapshot } from '../administration/audit-snapshot.js';
import { recordAdminEdit } from '../administration/record-admin-edit.js';
import { AppException, forbidden, notFound, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import type { CreateGovernmentDto, GovernmentView, UpdateGovernmentDto } from './government.dto.js';
import { toGovernmentView, validTimeZone } from './government-view.js';

/** GET /api/governments: what the caller administers (their province first, then its regencies and cities). */
@Injectable()
export class ListGovernmentsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser): Promise<{ items: GovernmentView[] }> {
    assertAdministrator(user);
    const rows = await listAdministeredGovernments(this.dataSource.manager, user.governmentId);
    return { items: rows.map(toGovernmentView) };
  }
}

/** POST /api/governments: a province's ADMIN adds a regency or city under their province. */
@Injectable()
export class CreateGovernmentUseCase {
  constructor(private readonly idempotency: IdempotencyService) {}

  async execute(user: AuthenticatedUser, dto: CreateGovernmentDto, idempotencyKey?: string): Promise<StoredResponse> {
    assertAdministrator(user);
    if (!mayCreateGovernments(user)) throw forbidden("Only a province's ADMIN adds regencies and cities");
    const timeZone = validTimeZone(dto.timeZone);
    return this.idempotency.inTransaction(user.id, idempotencyKey, { government: dto }, 201, async (tx) => {
      const created = await insertGovernment(tx, { code: dto.code, name: dto.name.trim(), regionName: dto.regionName.trim(), level: dto.level, parentId: user.governmentId, timeZone });
      if (!created) throw new AppException(ErrorCode.CONFLICT, `There is already a government with code ${dto.code}`);
      await recordAdminChanges(
        tx,
        [{ action: 'GOVERNMENT_CREATED', targetType: 'GOVERNMENT', targetKey: created.code, governmentId: created.id, actorId: user.id, before: null, after: auditSnapshot(created) }],
        new Date(),
      );
      return toGovernmentView(created);
    });
  }
}

/**
 * PATCH /api/governments/:code: name, region name, time zone; a regency's or city's level. A new time zone moves the government's pending deadlines with it: in the
 * same transaction, under the calendar lock (as an office-hours change), each is recomputed in the new
 * zone (generation + 1, an outbox row each), so none stays due at the old zone's close of office.
 */
@Injectable()
export class UpdateGovernmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rescheduler: DeadlineRescheduler,
  ) {}

  async execute(user: AuthenticatedUser, code: string, dto: UpdateGovernmentDto): Promise<GovernmentView> {
    assertAdministrator(user);
    const visible = await findGovernmentByCode(this.dataSource.manager, code);
    if (!visible || !administers(user, visible)) throw notFound('Government');
    if (dto.level !== undefined && visible.level === 'PROVINCE') {
      throw validationFailed('level of a province cannot change', { fields: ['level of a province cannot change'] });
    }
    const timeZone = dto.timeZone === undefined ? undefined : validTimeZone(dto.timeZone);
    return this.dataSource.transaction(async (tx) => {
      if (timeZone !== undefined) await lockCalendarExclusive(tx); // before the row: whether the zone changes is known only under it
      const before = (await lockGovernmentByCode(tx, code))!;
      const after = await updateGovernment(tx, before.id, { name: dto.name?.trim(), regionName: dto.regionName?.trim(), level: dto.level, timeZone });
      if (after.timeZone !== before.timeZone) await this.rescheduler.afterTimeZoneChange(tx, before.id, new Date());
      await recordAdminEdit(
        tx,
        { action: 'GOVERNMENT_UPDATED', targetType: 'GOVERNMENT', targetKey: code, governmentId: before.id, actorId: user.id, before: auditSnapshot(before), after: auditSnapshot(after) },
        new Date(),
      );
      return toGovernmentView(after);
    });
  }
}
