import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nextCounterValue } from '#persistence';
import { regulationTypeFor, toLocalDateTime, type GovernmentLevel, type RegulationType } from '#workflow';

const TITLE_PREFIX: Record<RegulationType, string> = {
  PERGUB: 'Peraturan Gubernur',
  PERBUP: 'Peraturan Bupati',
  PERWALI: 'Peraturan Wali Kota',
};

export interface AssignedNumbers {
  /** The type it was promulgated as; it stays even if the government's level changes later. */
  type: RegulationType;
  number: number;
  year: number;
  gazetteNumber: number;
  officialTitle: string;
  promulgatedAt: string;
}

/**
 * Gap-free numbers: a counter row per (government, series, year) is incremented inside the
 * promulgating transaction. Concurrent promulgations wait on that row lock; a rollback undoes the
 * increment, so a failed promulgation consumes no number.
 */
@Injectable()
export class RegulationNumbering {
  async assign(
    manager: EntityManager,
    doc: { governmentId: string; governmentLevel: GovernmentLevel; regionName: string; timeZone: string; title: string },
    at: Date,
  ): Promise<AssignedNumbers> {
    const type = regulationTypeFor(doc.governmentLevel);
    const year = Number(toLocalDateTime(at, doc.timeZone).date.slice(0, 4));
    const number = await nextCounterValue(manager, doc.governmentId, `NUMBER:${type}`, year);
    const gazetteNumber = await nextCounterValue(manager, doc.governmentId, 'GAZETTE', year);
    return {
      type,
      number,
      year,
      gazetteNumber,
      officialTitle: `${TITLE_PREFIX[type]} ${doc.regionName} Nomor ${number} Tahun ${year} tentang ${doc.title}`,
      promulgatedAt: at.toISOString(),
    };
  }
}
