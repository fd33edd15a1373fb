import { canonicalTimeZone } from '#workflow';
import { GOVERNMENT_CODE_PATTERN } from '../common/contract/fields.js';

/** What `npm run bootstrap` creates: the first province, its first unit and its ADMIN. */
export interface BootstrapInput {
  province: { code: string; name: string; regionName: string; timeZone: string };
  unit: { code: string; name: string };
  admin: { username: string; name: string; email: string | null; nip: string | null };
}

export const BOOTSTRAP_USAGE = `Pemakaian:
  npm run bootstrap -- --province <kode> --name "<nama pemerintah>" --time-zone <zona IANA> --admin <username> [pilihan]

Wajib:
  --province     kode provinsi, huruf kecil/angka/tanda hubung (mis. kaltim)
  --name         nama pemerintah (mis. "Pemerintah Provinsi Kalimantan Timur")
  --time-zone    Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)
  --admin        username ADMIN pertama (mis. kaltim.admin)
Pilihan:
  --region       nama wilayah dalam judul peraturan (bawaan: --name tanpa "Pemerintah Provinsi")
  --admin-name   nama lengkap ADMIN (bawaan: "Administrator <wilayah>")
  --admin-email  surel ADMIN
  --admin-nip    NIP ADMIN
  --unit         kode unit ADMIN (bawaan: setda)
  --unit-name    nama unit itu (bawaan: "Sekretariat Daerah")`;

const OPTIONS = ['province', 'name', 'time-zone', 'admin', 'region', 'admin-name', 'admin-email', 'admin-nip', 'unit', 'unit-name'] as const;
type Option = (typeof OPTIONS)[number];

export const GOVERNMENT_CODE = new RegExp(GOVERNMENT_CODE_PATTERN);
export const UNIT_CODE = /^[a-z0-9-]{2,60}$/;
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;
export const NIP = /^\d{18}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class BootstrapArgumentError extends Error {}

/** Parses `--option value` pairs; every problem is named, in Bahasa Indonesia, for the operator. */
export function parseBootstrapArguments(argv: readonly string[]): BootstrapInput {
  const values = new Map<Option, string>();
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [null, undefined];
    if (flag === null || !(OPTIONS as readonly string[]).includes(flag)) {
      problems.push(`pilihan tidak dikenal: ${arg}`);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) {
      problems.push(`--${flag} perlu nilai`);
      if (value !== undefined) i--;
      continue;
    }
    values.set(flag as Option, value.trim());
  }
  const need = (option: Option): string => {
    const value = values.get(option);
    if (!value) problems.push(`--${option} wajib diisi`);
    return value ?? '';
  };
  const code = need('province');
  const name = need('name');
  const zone = need('time-zone');
  const username = need('admin');
  if (code && !GOVERNMENT_CODE.test(code)) problems.push(`--province "${code}": 2-40 huruf kecil, angka atau tanda hubung`);
  if (username && !USERNAME.test(username)) problems.push(`--admin "${username}": 3-60 huruf kecil, angka, titik, garis bawah atau tanda hubung`);
  let timeZone = zone;
  if (zone) {
    try {
      timeZone = canonicalTimeZone(zone);
    } catch {
      problems.push(`--time-zone "${zone}" bukan zona waktu IANA (mis. Asia/Makassar)`);
    }
  }
  const unitCode = values.get('unit') ?? 'setda';
  if (!UNIT_CODE.test(unitCode)) problems.push(`--unit "${unitCode}": 2-60 huruf kecil, angka atau tanda hubung`);
  const email = values.get('admin-email') ?? null;
  if (email !== null && !EMAIL.test(email)) problems.push(`--admin-email "${email}" bukan alamat surel`);
  const nip = values.get('admin-nip') ?? null;
  if (nip !== null && !NIP.test(nip)) problems.push(`--admin-nip "${nip}": NIP terdiri atas 18 angka`);
  if (problems.length > 0) throw new BootstrapArgumentError(problems.join('\n'));
  const regionName = values.get('region') ?? name.replace(/^(pemerintah\s+)?provinsi\s+/i, '');
  return {
    province: { code, name, regionName, timeZone },
    unit: { code: unitCode, name: values.get('unit-name') ?? 'Sekretariat Daerah' },
    admin: { username, name: values.get('admin-name') ?? `Administrator ${regionName}`, email, nip },
  };
}
