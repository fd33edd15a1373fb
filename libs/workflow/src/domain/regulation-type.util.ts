import { GovernmentLevel } from './government.types.js';

/** Perkada type, fixed by the level of the enacting government. */
export const RegulationType = {
  PERGUB: 'PERGUB',
  PERBUP: 'PERBUP',
  PERWALI: 'PERWALI',
} as const;

export type RegulationType = (typeof RegulationType)[keyof typeof RegulationType];

const TYPE_BY_LEVEL: Readonly<Record<GovernmentLevel, RegulationType>> = {
  PROVINCE: RegulationType.PERGUB,
  REGENCY: RegulationType.PERBUP,
  CITY: RegulationType.PERWALI,
};

/** PROVINCE -> PERGUB, REGENCY -> PERBUP, CITY -> PERWALI. */
export function regulationTypeFor(level: GovernmentLevel): RegulationType {
  const type = TYPE_BY_LEVEL[level];
  if (type === undefined) {
    throw new RangeError(`Unknown government level: ${String(level)}`);
  }
  return type;
}

/** Bahasa Indonesia name of the regulation type, as used in official titles. */
export const REGULATION_TYPE_LABEL: Readonly<Record<RegulationType, string>> = {
  PERGUB: 'Peraturan Gubernur',
  PERBUP: 'Peraturan Bupati',
  PERWALI: 'Peraturan Wali Kota',
};

export interface OfficialTitleParts {
  type: RegulationType;
  /** The region without the "Provinsi/Kabupaten/Kota" prefix, e.g. "Kalimantan Timur", "Paser". */
  regionName: string;
  number: number;
  year: number;
  /** What follows "tentang". */
  title: string;
}

/** e.g. "Peraturan Gubernur Kalimantan Timur Nomor 12 Tahun 2026 tentang Sistem Kerja ...". */
export function formatOfficialTitle(parts: OfficialTitleParts): string {
  return `${REGULATION_TYPE_LABEL[parts.type]} ${parts.regionName} Nomor ${parts.number} Tahun ${parts.year} tentang ${parts.title}`;
}

/** "Pemerintah Provinsi Kalimantan Timur" -> "Kalimantan Timur"; "Pemerintah Kabupaten Paser" -> "Paser". */
export function regionNameOf(governmentName: string): string {
  return governmentName.replace(/^\s*Pemerintah\s+(Provinsi|Kabupaten|Kota)\s+/i, '').trim();
}
