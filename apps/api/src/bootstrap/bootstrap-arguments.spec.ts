import { describe, expect, it } from '@jest/globals';
import { BootstrapArgumentError, parseBootstrapArguments } from './bootstrap-arguments.js';

describe('bootstrap arguments', () => {
  it('takes the required options and fills the rest with defaults', () => {
    const input = parseBootstrapArguments(['--province', 'kaltim', '--name', 'Pemerintah Provinsi Kalimantan Timur', '--time-zone', 'asia/makassar', '--admin=kaltim.admin']);
    expect(input).toEqual({
      province: { code: 'kaltim', name: 'Pemerintah Provinsi Kalimantan Timur', regionName: 'Kalimantan Timur', timeZone: 'Asia/Makassar' },
      unit: { code: 'setda', name: 'Sekretariat Daerah' },
      admin: { username: 'kaltim.admin', name: 'Administrator Kalimantan Timur', email: null, nip: null },
    });
  });

  it('names every missing or malformed option at once', () => {
    let error: unknown;
    try {
      parseBootstrapArguments(['--province', 'Kal Tim', '--time-zone', 'Mars/Olympus', '--admin-nip', '123', '--colour', 'red']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BootstrapArgumentError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'pilihan tidak dikenal: --colour',
        '--name wajib diisi',
        '--admin wajib diisi',
        '--province "Kal Tim": 2-40 huruf kecil, angka atau tanda hubung',
        '--time-zone "Mars/Olympus" bukan zona waktu IANA (mis. Asia/Makassar)',
        '--admin-nip "123": NIP terdiri atas 18 angka',
      ]),
    );
  });

  it('refuses an option without its value', () => {
    expect(() => parseBootstrapArguments(['--province', '--name', 'X'])).toThrow('--province perlu nilai');
  });
});
