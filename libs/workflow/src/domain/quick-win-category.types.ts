/** Quick Win categories and their change areas / themes (domain.md "Quick Win"). */
export const QuickWinCategory = {
  RB_GENERAL: 'RB_GENERAL',
  RB_TEMATIK: 'RB_TEMATIK',
} as const;

export type QuickWinCategory = (typeof QuickWinCategory)[keyof typeof QuickWinCategory];

export const RB_GENERAL_AREAS = [
  'MANAJEMEN_PERUBAHAN',
  'DEREGULASI',
  'PENATAAN_ORGANISASI',
  'PENATAAN_TATA_LAKSANA',
  'MANAJEMEN_SDM',
  'PENGUATAN_AKUNTABILITAS',
  'PENGUATAN_PENGAWASAN',
  'PELAYANAN_PUBLIK',
] as const;

export const RB_TEMATIK_AREAS = [
  'PENGENTASAN_KEMISKINAN',
  'PENINGKATAN_INVESTASI',
  'DIGITALISASI_ADMINISTRASI',
  'PRIORITAS_AKTUAL_PRESIDEN',
] as const;

export type RbGeneralArea = (typeof RB_GENERAL_AREAS)[number];
export type RbTematikArea = (typeof RB_TEMATIK_AREAS)[number];
export type QuickWinArea = RbGeneralArea | RbTematikArea;

export const ALL_QUICK_WIN_CATEGORIES: readonly QuickWinCategory[] = Object.freeze(Object.values(QuickWinCategory));
export const ALL_QUICK_WIN_AREAS: readonly QuickWinArea[] = Object.freeze([...RB_GENERAL_AREAS, ...RB_TEMATIK_AREAS]);

const AREAS_BY_CATEGORY: Readonly<Record<QuickWinCategory, readonly QuickWinArea[]>> = {
  RB_GENERAL: RB_GENERAL_AREAS,
  RB_TEMATIK: RB_TEMATIK_AREAS,
};

/** The areas allowed for a category (empty for an unknown category). */
export function areasFor(category: QuickWinCategory): readonly QuickWinArea[] {
  return AREAS_BY_CATEGORY[category] ?? [];
}

export function isQuickWinCategory(value: unknown): value is QuickWinCategory {
  return typeof value === 'string' && (ALL_QUICK_WIN_CATEGORIES as readonly string[]).includes(value);
}

/** True when `area` belongs to `category`. */
export function isAreaOf(category: QuickWinCategory, area: string): area is QuickWinArea {
  return (areasFor(category) as readonly string[]).includes(area);
}
