import { describe, expect, it } from '@jest/globals';
import { ALL_DOCUMENT_KINDS } from './document-kind.types.js';
import { ALL_GOVERNMENT_LEVELS, type GovernmentLevel } from './government.types.js';
import { ALL_QUICK_WIN_AREAS, areasFor, isAreaOf, isQuickWinCategory } from './quick-win-category.types.js';
import { formatOfficialTitle, regionNameOf, regulationTypeFor } from './regulation-type.util.js';
import { ALL_ROLES, isRole } from './role.types.js';
import { escalationSuperiorOf } from './escalation.util.js';

describe('domain vocabulary', () => {
  it('has the nine roles, the three levels and the two kinds', () => {
    expect(ALL_ROLES).toEqual(['DRAFTER', 'UNIT_HEAD', 'ORG_VERIFIER', 'LEGAL', 'ASSISTANT', 'SECRETARY', 'REGIONAL_HEAD', 'INSPECTOR', 'ADMIN']);
    expect(ALL_GOVERNMENT_LEVELS).toEqual(['PROVINCE', 'REGENCY', 'CITY']);
    expect(ALL_DOCUMENT_KINDS).toEqual(['quick-win', 'regulation']);
    expect(isRole('SECRETARY')).toBe(true);
    expect(isRole('SEKDA')).toBe(false);
  });

  it('fixes the regulation type by government level', () => {
    expect(regulationTypeFor('PROVINCE')).toBe('PERGUB');
    expect(regulationTypeFor('REGENCY')).toBe('PERBUP');
    expect(regulationTypeFor('CITY')).toBe('PERWALI');
    expect(() => regulationTypeFor('VILLAGE' as GovernmentLevel)).toThrow(RangeError);
  });

  it('builds the official title', () => {
    expect(regionNameOf('Pemerintah Provinsi Kalimantan Timur')).toBe('Kalimantan Timur');
    expect(regionNameOf('Pemerintah Kabupaten Paser')).toBe('Paser');
    expect(
      formatOfficialTitle({ type: 'PERGUB', regionName: 'Kalimantan Timur', number: 12, year: 2026, title: 'Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur' }),
    ).toBe('Peraturan Gubernur Kalimantan Timur Nomor 12 Tahun 2026 tentang Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur');
    expect(formatOfficialTitle({ type: 'PERBUP', regionName: 'Paser', number: 1, year: 2026, title: 'Sistem Kerja' })).toBe(
      'Peraturan Bupati Paser Nomor 1 Tahun 2026 tentang Sistem Kerja',
    );
  });

  it('ties Quick Win areas to their category', () => {
    expect(areasFor('RB_GENERAL')).toHaveLength(8);
    expect(areasFor('RB_TEMATIK')).toEqual(['PENGENTASAN_KEMISKINAN', 'PENINGKATAN_INVESTASI', 'DIGITALISASI_ADMINISTRASI', 'PRIORITAS_AKTUAL_PRESIDEN']);
    expect(ALL_QUICK_WIN_AREAS).toHaveLength(12);
    expect(isAreaOf('RB_GENERAL', 'PELAYANAN_PUBLIK')).toBe(true);
    expect(isAreaOf('RB_TEMATIK', 'PELAYANAN_PUBLIK')).toBe(false);
    expect(isAreaOf('RB_GENERAL', 'PENGENTASAN_KEMISKINAN')).toBe(false);
    expect(isQuickWinCategory('RB_TEMATIK')).toBe(true);
    expect(isQuickWinCategory('RB')).toBe(false);
  });

  it('has no escalation superior for ADMIN', () => {
    expect(escalationSuperiorOf('ADMIN')).toBeNull();
    expect(escalationSuperiorOf('REGIONAL_HEAD')).toBe('SECRETARY');
  });
});
