import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findGovernmentByCode, OfficeHoursRepository, type GovernmentRow } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { GOVERNMENT_CODE_PATTERN } from '../common/contract/fields.js';
import { notFound } from '../common/errors/app.exception.js';
import { mayReadOfficeHours } from './office-hours-permissions.js';
import { toOfficeHoursView, type OfficeHoursView } from './office-hours-view.js';

const GOVERNMENT_CODE = new RegExp(GOVERNMENT_CODE_PATTERN);

/** GET /api/governments/:code/office-hours: a government the caller may not see is 404, as one that does not exist. */
@Injectable()
export class GetOfficeHoursQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly officeHours: OfficeHoursRepository,
  ) {}

  async execute(user: AuthenticatedUser, code: string, manager: EntityManager = this.dataSource.manager): Promise<OfficeHoursView> {
    const government = await this.visibleGovernment(manager, user, code);
    return toOfficeHoursView(government, await this.officeHours.ofGovernment(manager, government.id));
  }

  async visibleGovernment(manager: EntityManager, user: AuthenticatedUser, code: string): Promise<GovernmentRow> {
    const government = GOVERNMENT_CODE.test(code) ? await findGovernmentByCode(manager, code) : null;
    if (!government || !mayReadOfficeHours(user, government)) throw notFound('Government');
    return government;
  }
}
