import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findUserAccount, insertUnit, listUnits, lockUnit, readableGovernmentRows, recordAdminChanges, unitNames, updateUnit, type UnitRow } from '#persistence';
import { readableGovernmentsOfAnyKind } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { administeredGovernment } from '../administration/administered-government.js';
import { auditSnapshot } from '../administration/audit-snapshot.js';
import { recordAdminEdit } from '../administration/record-admin-edit.js';
import { AppException, notFound, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { IdempotencyService, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import type { CreateUnitDto, UnitView, UpdateUnitDto } from './unit.dto.js';

export function toUnitView(unit: UnitRow): UnitView {
  return { code: unit.code, name: unit.name, governmentCode: unit.governmentCode, headUsername: unit.headUsername, createdAt: unit.createdAt };
}

/** GET /api/governments/:code/units */
@Injectable()
export class ListUnitsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, governmentCode: string): Promise<{ items: UnitView[] }> {
    const government = await administeredGovernment(this.dataSource.manager, user, governmentCode);
    return { items: (await listUnits(this.dataSource.manager, government.id)).map(toUnitView) };
  }
}

/**
 * GET /api/units: the units of the caller's government by name, for anyone signed in (no heads, no
 * dates); with `governmentCode`, of another government whose documents the caller's lists read (a
 * province's LEGAL: the regencies and cities it facilitates), else 404.
 */
@Injectable()
export class UnitDirectoryQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorFactsLoader,
  ) {}

  async execute(user: AuthenticatedUser, governmentCode?: string): Promise<{ items: Array<{ code: string; name: string }> }> {
    const governmentId = governmentCode === undefined || governmentCode === user.governmentCode ? user.governmentId : await this.readableGovernmentId(user, governmentCode);
    const units = await unitNames(this.dataSource.manager, governmentId);
    return { items: units.sort((a, b) => a.name.localeCompare(b.name, 'id')) };
  }

  private async readableGovernmentId(user: AuthenticatedUser, code: string): Promise<string> {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const rows = await readableGovernmentRows(this.dataSource.manager, readableGovernmentsOfAnyKind(actor, now));
    const found = rows.find((g) => g.code === code);
    if (!found) throw notFound(`Government ${code} (among those whose documents you may read)`);
    return found.id;
  }
}

/** POST /api/governments/:code/units */
@Injectable()
export class CreateUnitUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  async execute(user: AuthenticatedUser, governmentCode: string, dto: CreateUnitDto, idempotencyKey?: string): Promise<StoredResponse> {
    const government = await administeredGovernment(this.dataSource.manager, user, governmentCode);
    return this.idempotency.inTransaction(user.id, idempotencyKey, { unit: { governmentCode, ...dto } }, 201, async (tx) => {
      const unit = await insertUnit(tx, government.id, { code: dto.code, name: dto.name.trim() });
      if (!unit) throw new AppException(ErrorCode.CONFLICT, `${government.code} already has a unit with code ${dto.code}`);
      await recordAdminChanges(
        tx,
        [{ action: 'UNIT_CREATED', targetType: 'UNIT', targetKey: `${government.code}/${unit.code}`, governmentId: government.id, actorId: user.id, before: null, after: auditSnapshot(unit) }],
        new Date(),
      );
      return toUnitView(unit);
    });
  }
}

/** PATCH /api/governments/:code/units/:unitCode: its name and its head. */
@Injectable()
export class UpdateUnitUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, governmentCode: string, unitCode: string, dto: UpdateUnitDto): Promise<UnitView> {
    const government = await administeredGovernment(this.dataSource.manager, user, governmentCode);
    return this.dataSource.transaction(async (tx) => {
      const before = await lockUnit(tx, government.id, unitCode);
      if (!before) throw notFound('Unit');
      const headUserId = dto.headUsername === undefined ? undefined : dto.headUsername === null ? null : await headOf(tx, before, dto.headUsername);
      const after = await updateUnit(tx, before.id, { name: dto.name?.trim(), headUserId });
      await recordAdminEdit(
        tx,
        { action: 'UNIT_UPDATED', targetType: 'UNIT', targetKey: `${government.code}/${unitCode}`, governmentId: government.id, actorId: user.id, before: auditSnapshot(before), after: auditSnapshot(after) },
        new Date(),
      );
      return toUnitView(after);
    });
  }
}

/** The head must be an active person of the unit itself. */
async function headOf(tx: EntityManager, unit: UnitRow, username: string): Promise<string> {
  const person = await findUserAccount(tx, username);
  if (!person || !person.active || person.unitId !== unit.id) {
    const message = `headUsername must be an active person of ${unit.governmentCode}/${unit.code}`;
    throw validationFailed(message, { fields: [message] });
  }
  return person.id;
}
