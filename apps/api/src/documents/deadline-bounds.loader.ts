import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingCalendars } from '#persistence';
import type { SlaStatusBounds } from '#workflow';
import type { DeadlineSubject } from './document-record.js';
import { needsSlaBounds } from './document-view.js';

/** The "Segera jatuh tempo" bounds a document view needs (`deadlineViewOf`): only for open deadlines not yet due. */
@Injectable()
export class DeadlineBoundsLoader {
  constructor(private readonly calendars: WorkingCalendars) {}

  /**
   * Adds to `known` the bounds of the governments these records need and it lacks, and returns it: from the
   * calendars kept when the records were read at their revision, else in one query.
   */
  async load(manager: EntityManager, records: readonly DeadlineSubject[], now: Date, known = new Map<string, SlaStatusBounds>()): Promise<Map<string, SlaStatusBounds>> {
    const missing = records.filter((r) => needsSlaBounds(r, now) && !known.has(r.governmentId));
    if (missing.length === 0) return known;
    const revision = missing.every((r) => r.calendarRevision === missing[0].calendarRevision) ? missing[0].calendarRevision : null;
    const loaded = await this.calendars.slaBoundsAround(manager, missing.map((r) => ({ id: r.governmentId, timeZone: r.timeZone })), now, revision);
    for (const [id, bounds] of loaded) known.set(id, bounds);
    return known;
  }
}
