import type { DataSource } from 'typeorm';
import { anyGovernmentExists, insertGovernment, insertUnit, insertUserAccount, lockProvinceBootstrap, recordAdminChanges } from '#persistence';
import { BOOTSTRAP_ADMIN_ROLES } from '#workflow';
import type { BootstrapInput } from './bootstrap-arguments.js';

export class AlreadyBootstrappedError extends Error {
  constructor() {
    super('Basis data sudah berisi pemerintah daerah: bootstrap hanya berjalan sekali, pada basis data kosong. Kelola pemerintah, unit dan pengguna lewat API sebagai ADMIN.');
  }
}

/**
 * Creates the first province, its first unit and its ADMIN (with a temporary password that must be
 * changed at the first sign-in) in one transaction, and records them in the administration audit.
 * Refuses when any government exists.
 */
export async function bootstrapProvince(dataSource: DataSource, input: BootstrapInput, passwordHash: string): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await lockProvinceBootstrap(tx); // a second bootstrap started at once sees this one's province and stops
    if (await anyGovernmentExists(tx)) throw new AlreadyBootstrappedError();
    const province = (await insertGovernment(tx, { ...input.province, level: 'PROVINCE', parentId: null }))!;
    const unit = (await insertUnit(tx, province.id, input.unit))!;
    const admin = (await insertUserAccount(tx, {
      ...input.admin,
      governmentId: province.id,
      unitId: unit.id,
      roles: BOOTSTRAP_ADMIN_ROLES,
      passwordHash,
      mustChangePassword: true,
    }))!;
    const { id: _g, ...provinceAfter } = province;
    const { id: _u, governmentId: _ug, ...unitAfter } = unit;
    const { id: _a, governmentId: _ag, unitId: _au, ...adminAfter } = admin;
    await recordAdminChanges(
      tx,
      [
        { action: 'GOVERNMENT_CREATED', targetType: 'GOVERNMENT', targetKey: province.code, governmentId: province.id, actorId: null, before: null, after: provinceAfter },
        { action: 'UNIT_CREATED', targetType: 'UNIT', targetKey: `${province.code}/${unit.code}`, governmentId: province.id, actorId: null, before: null, after: unitAfter },
        { action: 'USER_CREATED', targetType: 'USER', targetKey: admin.username, governmentId: province.id, actorId: null, before: null, after: adminAfter },
      ],
      new Date(),
    );
  });
}
