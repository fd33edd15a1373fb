/** The demo organisation of api.md: Kalimantan Timur with two of its regencies. */
export interface DemoGovernment {
  code: string;
  name: string;
  regionName: string;
  level: 'PROVINCE' | 'REGENCY' | 'CITY';
  parentCode: string | null;
  timeZone: string;
  units: Array<{ code: string; name: string }>;
  people: Record<DemoAccount, { name: string; nip: string }>;
}

export type DemoAccount =
  | 'drafter'
  | 'drafter2'
  | 'kadis'
  | 'organisasi'
  | 'hukum'
  | 'inspektur'
  | 'asisten'
  | 'sekda'
  | 'plh'
  | 'kepala'
  | 'admin';

/** Which unit and roles each demo account has; the unit key picks the government's matching unit. */
export const DEMO_ACCOUNTS: Record<DemoAccount, { unit: 'diskominfo' | 'organisasi' | 'hukum' | 'inspektorat' | 'setda'; roles: string[] }> = {
  drafter: { unit: 'diskominfo', roles: ['DRAFTER'] },
  drafter2: { unit: 'diskominfo', roles: ['DRAFTER'] },
  kadis: { unit: 'diskominfo', roles: ['UNIT_HEAD'] },
  organisasi: { unit: 'organisasi', roles: ['ORG_VERIFIER'] },
  hukum: { unit: 'hukum', roles: ['LEGAL'] },
  inspektur: { unit: 'inspektorat', roles: ['INSPECTOR'] },
  asisten: { unit: 'setda', roles: ['ASSISTANT'] },
  sekda: { unit: 'setda', roles: ['SECRETARY'] },
  plh: { unit: 'setda', roles: [] },
  kepala: { unit: 'setda', roles: ['REGIONAL_HEAD'] },
  admin: { unit: 'setda', roles: ['ADMIN'] },
};

const provinceUnits = [
  { code: 'setda', name: 'Sekretariat Daerah' },
  { code: 'biro-organisasi', name: 'Biro Organisasi' },
  { code: 'biro-hukum', name: 'Biro Hukum' },
  { code: 'diskominfo', name: 'Dinas Komunikasi dan Informatika' },
  { code: 'inspektorat', name: 'Inspektorat' },
];

const regencyUnits = [
  { code: 'setda', name: 'Sekretariat Daerah' },
  { code: 'bagian-organisasi', name: 'Bagian Organisasi' },
  { code: 'bagian-hukum', name: 'Bagian Hukum' },
  { code: 'diskominfo', name: 'Dinas Komunikasi, Informatika, Statistik dan Persandian' },
  { code: 'inspektorat', name: 'Inspektorat' },
];

export const DEMO_GOVERNMENTS: DemoGovernment[] = [
  {
    code: 'kaltim',
    name: 'Pemerintah Provinsi Kalimantan Timur',
    regionName: 'Kalimantan Timur',
    level: 'PROVINCE',
    parentCode: null,
    timeZone: 'Asia/Makassar',
    units: provinceUnits,
    people: {
      drafter: { name: 'Rina Wulandari, S.Kom.', nip: '199103152015032004' },
      drafter2: { name: 'Agus Setiawan, S.T.', nip: '199207212019031008' },
      kadis: { name: 'Dr. Muhammad Faisal, S.Sos., M.Si.', nip: '197506121998031005' },
      organisasi: { name: 'Sri Rahayu Ningsih, S.E., M.M.', nip: '198004232006042011' },
      hukum: { name: 'Andi Mappaselle, S.H., M.H.', nip: '197811092003121002' },
      inspektur: { name: 'Ir. Bambang Hermanto, M.T.', nip: '196902171995031001' },
      asisten: { name: 'Drs. Syahrul Ramadhan, M.Si.', nip: '196808151994031007' },
      sekda: { name: 'Dr. Hj. Nurhayati Usman, M.Pd.', nip: '196705201993032003' },
      plh: { name: 'H. Ahmad Zulkifli, S.H., M.Si.', nip: '197102281996031002' },
      kepala: { name: 'H. Rudy Mas\'ud, S.E.', nip: '197505062000031001' },
      admin: { name: 'Dewi Lestari, S.Kom.', nip: '199408102020122012' },
    },
  },
  {
    code: 'paser',
    name: 'Pemerintah Kabupaten Paser',
    regionName: 'Paser',
    level: 'REGENCY',
    parentCode: 'kaltim',
    timeZone: 'Asia/Makassar',
    units: regencyUnits,
    people: {
      drafter: { name: 'Nur Aini, S.Kom.', nip: '199505182019022006' },
      drafter2: { name: 'Fajar Pratama, A.Md.', nip: '199612042020121003' },
      kadis: { name: 'Ikhwan Antasari, S.STP., M.Si.', nip: '198101232000121001' },
      organisasi: { name: 'Hj. Siti Maryam, S.Sos.', nip: '197909142005012008' },
      hukum: { name: 'Yudi Kurniawan, S.H.', nip: '198307252009011004' },
      inspektur: { name: 'Drs. Hasanuddin, M.Si.', nip: '196812011993031006' },
      asisten: { name: 'Hendra Gunawan, S.E., M.M.', nip: '197404092000031003' },
      sekda: { name: 'Drs. Katsul Wijaya, M.Si.', nip: '196710131994031008' },
      plh: { name: 'Ir. Romif Erwinadi, M.T.', nip: '197203301998031004' },
      kepala: { name: 'dr. Fahmi Fadli', nip: '198002152008011009' },
      admin: { name: 'Yulianti, S.Kom.', nip: '199101302015032002' },
    },
  },
  {
    code: 'berau',
    name: 'Pemerintah Kabupaten Berau',
    regionName: 'Berau',
    level: 'REGENCY',
    parentCode: 'kaltim',
    timeZone: 'Asia/Makassar',
    units: regencyUnits,
    people: {
      drafter: { name: 'Putri Ayu Lestari, S.I.Kom.', nip: '199709052022032005' },
      drafter2: { name: 'Rahmat Hidayat, S.Kom.', nip: '199311282018011002' },
      kadis: { name: 'Didi Rahmadi, S.T., M.T.', nip: '197812172003121004' },
      organisasi: { name: 'Lina Marlina, S.AP.', nip: '198605112010012013' },
      hukum: { name: 'Budi Santoso, S.H., M.Kn.', nip: '198209022008011005' },
      inspektur: { name: 'H. Maulidiyah, S.E., Ak.', nip: '197301261999032002' },
      asisten: { name: 'Drs. Jonie Marhansyah', nip: '196911041995031005' },
      sekda: { name: 'Muhammad Said, S.Sos., M.AP.', nip: '196906291996031003' },
      plh: { name: 'Ilyas Natsir, S.H.', nip: '197506182002121003' },
      kepala: { name: 'Sri Juniarsih Mas, M.Pd.', nip: '197006241998032006' },
      admin: { name: 'Arif Budiman, S.Kom.', nip: '199202172017081001' },
    },
  },
];

export function demoUnitCode(government: DemoGovernment, unit: (typeof DEMO_ACCOUNTS)[DemoAccount]['unit']): string {
  if (unit === 'organisasi') return government.level === 'PROVINCE' ? 'biro-organisasi' : 'bagian-organisasi';
  if (unit === 'hukum') return government.level === 'PROVINCE' ? 'biro-hukum' : 'bagian-hukum';
  return unit;
}

/** One demo account as the seed inserts it. */
export interface DemoUser {
  username: string;
  name: string;
  nip: string;
  governmentCode: string;
  unitCode: string;
  roles: string[];
}

/**
 * The deployment's operator: the provincial IT office (Diskominfo Kalimantan Timur) runs alur for the
 * province and its regencies, and only its OPERATOR sees the job queues (/admin/queues).
 */
export const DEMO_OPERATOR: DemoUser = {
  username: 'kaltim.operator',
  name: 'Teguh Prasetyo, S.Kom., M.T.I.',
  nip: '198905142014021003',
  governmentCode: 'kaltim',
  unitCode: 'diskominfo',
  roles: ['OPERATOR'],
};

/**
 * Heads (UNIT_HEAD) of the units the accounts of api.md leave without one, so that paraf koordinasi
 * by the OPDs concerned can be tried: `<government>.kepala-<unitCode>`.
 */
const UNIT_HEAD_PEOPLE: Record<string, Record<string, { name: string; nip: string }>> = {
  kaltim: {
    setda: { name: 'Drs. H. Ismail Fahmi, M.Si.', nip: '196909121995031004' },
    'biro-organisasi': { name: 'Hj. Rosmawati Pulungan, S.Sos., M.AP.', nip: '197205141998032007' },
    'biro-hukum': { name: 'Dr. Suroto Prawiro, S.H., M.H.', nip: '197310082000031005' },
    inspektorat: { name: 'Ir. Hj. Endang Suryani, M.M.', nip: '196811201994032004' },
  },
  paser: {
    setda: { name: 'H. Ramli Syamsuddin, S.Sos., M.Si.', nip: '197001171996031006' },
    'bagian-organisasi': { name: 'Rusdiansyah, S.AP., M.Si.', nip: '198003042005011009' },
    'bagian-hukum': { name: 'Hj. Fitriani Anwar, S.H., M.H.', nip: '198108262006042012' },
    inspektorat: { name: 'Drs. Abdul Karim, M.M.', nip: '196905301995031003' },
  },
  berau: {
    setda: { name: 'Agus Tantomo, S.Sos., M.Si.', nip: '197108191997031002' },
    'bagian-organisasi': { name: 'Nurul Hidayah, S.IP., M.AP.', nip: '198407112009022005' },
    'bagian-hukum': { name: 'Arman Nofriansyah, S.H.', nip: '198511232010011007' },
    inspektorat: { name: 'Ir. Suparno Kasim, M.T.', nip: '197002061998031008' },
  },
};

/** One UNIT_HEAD per unit of each demo government that no account of api.md heads. */
export function demoUnitHeads(): DemoUser[] {
  return DEMO_GOVERNMENTS.flatMap((government) => {
    const headed = new Set(
      Object.values(DEMO_ACCOUNTS)
        .filter((spec) => spec.roles.includes('UNIT_HEAD'))
        .map((spec) => demoUnitCode(government, spec.unit)),
    );
    return government.units
      .filter((unit) => !headed.has(unit.code))
      .map((unit) => {
        const person = UNIT_HEAD_PEOPLE[government.code]?.[unit.code];
        if (person === undefined) throw new Error(`No demo head for ${government.code}/${unit.code}`);
        return { username: `${government.code}.kepala-${unit.code}`, ...person, governmentCode: government.code, unitCode: unit.code, roles: ['UNIT_HEAD'] };
      });
  });
}

/** Every demo account: each government's eleven of api.md and the heads of its other units, then the deployment's operator. */
export function demoUsers(): DemoUser[] {
  const accounts = Object.entries(DEMO_ACCOUNTS) as Array<[DemoAccount, (typeof DEMO_ACCOUNTS)[DemoAccount]]>;
  const ofGovernments = DEMO_GOVERNMENTS.flatMap((government) =>
    accounts.map(([account, spec]) => ({
      username: `${government.code}.${account}`,
      ...government.people[account],
      governmentCode: government.code,
      unitCode: demoUnitCode(government, spec.unit),
      roles: spec.roles,
    })),
  );
  return [...ofGovernments, ...demoUnitHeads(), DEMO_OPERATOR];
}
