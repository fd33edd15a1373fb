/**
 * Days off seeded with the demo data: national holidays (libur nasional) and cuti bersama, and one
 * regional example. Admins keep the calendar current through /api/holidays.
 *
 * Names carry no parentheses: deadline explanations put them in some ("19 Maret 2026 (Hari Suci Nyepi)").
 *
 * 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497, 2 dan 5 Tahun 2025
 * (17 libur nasional, 8 cuti bersama). Idul Fitri 1447 H is 21-22 March (a weekend) with cuti bersama
 * on 20, 23 and 24 March.
 *
 * 2027: no SKB was at hand. The fixed dates and the Easter-based ones (Good Friday 26 March,
 * Easter 28 March, Ascension 6 May) are certain; Imlek follows the Chinese calendar; the Islamic,
 * Balinese (Nyepi) and Buddhist (Waisak) dates are estimates from the astronomical calendar and
 * marked `estimated`. Cuti bersama 2027 is a policy decision not made yet and is left out: a
 * PROVINCE admin adds it (and corrects any estimate) when the SKB for 2027 is out, and every pending
 * working-day deadline moves with it.
 */
export interface SeedHoliday {
  date: string;
  name: string;
  /** An estimate to check against the official decree. */
  estimated?: true;
}

export const NATIONAL_HOLIDAYS: Readonly<Record<number, readonly SeedHoliday[]>> = {
  2026: [
    { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' },
    { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad S.A.W.' },
    { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili' },
    { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili' },
    { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi' },
    { date: '2026-03-19', name: 'Hari Suci Nyepi' },
    { date: '2026-03-20', name: 'Cuti Bersama Idul Fitri 1447 Hijriah' },
    { date: '2026-03-21', name: 'Idul Fitri 1447 Hijriah' },
    { date: '2026-03-22', name: 'Idul Fitri 1447 Hijriah' },
    { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri 1447 Hijriah' },
    { date: '2026-03-24', name: 'Cuti Bersama Idul Fitri 1447 Hijriah' },
    { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
    { date: '2026-04-05', name: 'Hari Kebangkitan Yesus Kristus' },
    { date: '2026-05-01', name: 'Hari Buruh Internasional' },
    { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
    { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus' },
    { date: '2026-05-27', name: 'Idul Adha 1447 Hijriah' },
    { date: '2026-05-28', name: 'Cuti Bersama Idul Adha 1447 Hijriah' },
    { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE' },
    { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
    { date: '2026-06-16', name: 'Tahun Baru Islam 1448 Hijriah' },
    { date: '2026-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia' },
    { date: '2026-08-25', name: 'Maulid Nabi Muhammad S.A.W.' },
    { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal' },
    { date: '2026-12-25', name: 'Hari Raya Natal' },
  ],
  2027: [
    { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' },
    { date: '2027-01-05', name: 'Isra Mikraj Nabi Muhammad S.A.W.', estimated: true },
    { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili' },
    { date: '2027-03-09', name: 'Hari Suci Nyepi', estimated: true },
    { date: '2027-03-10', name: 'Idul Fitri 1448 Hijriah', estimated: true },
    { date: '2027-03-11', name: 'Idul Fitri 1448 Hijriah', estimated: true },
    { date: '2027-03-26', name: 'Wafat Yesus Kristus' },
    { date: '2027-03-28', name: 'Hari Kebangkitan Yesus Kristus' },
    { date: '2027-05-01', name: 'Hari Buruh Internasional' },
    { date: '2027-05-06', name: 'Kenaikan Yesus Kristus' },
    { date: '2027-05-17', name: 'Idul Adha 1448 Hijriah', estimated: true },
    { date: '2027-05-20', name: 'Hari Raya Waisak 2571 BE', estimated: true },
    { date: '2027-06-01', name: 'Hari Lahir Pancasila' },
    { date: '2027-06-06', name: 'Tahun Baru Islam 1449 Hijriah', estimated: true },
    { date: '2027-08-15', name: 'Maulid Nabi Muhammad S.A.W.', estimated: true },
    { date: '2027-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia' },
    { date: '2027-12-25', name: 'Hari Raya Natal' },
  ],
};

/** A government's own days off, by government code (the demo has one: Kalimantan Timur's anniversary). */
export const REGIONAL_HOLIDAYS: Readonly<Record<string, Readonly<Record<number, readonly SeedHoliday[]>>>> = {
  kaltim: {
    2026: [{ date: '2026-01-09', name: 'Hari Ulang Tahun Provinsi Kalimantan Timur' }],
    2027: [{ date: '2027-01-09', name: 'Hari Ulang Tahun Provinsi Kalimantan Timur' }],
  },
};
