import { ALL_QUICK_WIN_CATEGORIES, isAreaOf, type DocumentKind } from '#workflow';

/** One action of a demo document's path: who fires it, and the request body's other fields. */
export interface DemoStep {
  user: string;
  action: string;
  comment?: string;
  data?: Record<string, unknown>;
}

/** A sample document: drafted by `drafter` with `content`, then taken along `steps` by the demo people. */
export interface DemoDocument {
  kind: DocumentKind;
  drafter: string;
  content: Record<string, unknown>;
  steps: DemoStep[];
}

const quickWin = (year: number, fields: { title: string; description: string; area: string; indicator: string; output: string; budget: number }) => ({
  ...fields,
  year,
  category: ALL_QUICK_WIN_CATEGORIES.find((category) => isAreaOf(category, fields.area)),
  target: { value: 80, unit: 'persen' },
  startDate: `${year}-01-05`,
  endDate: `${year}-12-20`,
});

const regulation = (title: string) => ({
  title,
  legalBasis: [
    'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah',
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi',
  ],
  body: 'BAB I\nKETENTUAN UMUM\n\nPasal 1\nDalam Peraturan ini yang dimaksud dengan:\n1. Sistem Kerja adalah rangkaian prosedur dan tata kerja yang membentuk suatu kebulatan pola tertentu dalam rangka melaksanakan suatu bidang pekerjaan.',
});

const SUBMITTED = (g: string): DemoStep[] => [{ user: `${g}.drafter`, action: 'SUBMIT' }];
const ENDORSED = (g: string): DemoStep[] => [...SUBMITTED(g), { user: `${g}.kadis`, action: 'ENDORSE' }];
const VERIFIED = (g: string): DemoStep[] => [...ENDORSED(g), { user: `${g}.organisasi`, action: 'VERIFY' }];
const APPROVED = (g: string): DemoStep[] => [...VERIFIED(g), { user: `${g}.sekda`, action: 'APPROVE' }];

const progress = (period: string, percent: number): DemoStep => ({
  user: 'kaltim.drafter',
  action: 'REPORT_PROGRESS',
  data: {
    period,
    percent,
    realization: 'Layanan sudah dipakai di tiga kecamatan; waktu layanan turun dari 14 hari menjadi 3 hari.',
    supportingFactors: 'Dukungan pimpinan daerah dan kesiapan petugas layanan',
    inhibitingFactors: 'Jaringan internet belum merata di kecamatan pedalaman',
    evidence: ['https://diskominfo.kaltimprov.go.id/laporan-kemajuan.pdf'],
  },
});

/** A regulation of a regency (`g`) taken to the province's facilitation, its Berita Acara dated `today`. */
const TO_FACILITATION = (g: string, today: string): DemoStep[] => [
  ...ENDORSED(g),
  { user: `${g}.hukum`, action: 'REQUEST_HARMONIZATION' },
  { user: `${g}.hukum`, action: 'RECORD_HARMONIZATION', data: { reportNumber: 'W18-PP.04.02-117', reportDate: today } },
];

/**
 * The demo documents, made once into an empty database when DEMO_DOCUMENTS is on: every inbox of the
 * demo people has something to act on, the lists and reports have something to show, and a regency's
 * regulation waits for the province's Biro Hukum. Each goes through the real use cases, so its history,
 * deadlines and notifications are what a real one would have. `now` dates the Quick Wins, the progress report and the Berita Acara.
 */
export function demoDocuments(now: Date): DemoDocument[] {
  const year = now.getUTCFullYear();
  const today = now.toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const qw = (title: string, area: string, description: string, indicator: string, output: string, budget: number) =>
    quickWin(year, { title, area, description, indicator, output, budget });
  return [
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Antrean Daring Layanan Perizinan Berusaha', 'PELAYANAN_PUBLIK', 'Pemohon mengambil nomor antrean dari rumah dan datang pada jamnya.', 'Rata-rata waktu tunggu di loket', 'Aplikasi antrean daring', 75_000_000),
      steps: [],
    },
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Pengaduan Masyarakat Terpadu melalui Satu Nomor WhatsApp', 'PELAYANAN_PUBLIK', 'Satu nomor untuk semua pengaduan, diteruskan ke perangkat daerah yang berwenang.', 'Pengaduan yang dijawab dalam tiga hari kerja', 'Layanan pengaduan terpadu', 40_000_000),
      steps: SUBMITTED('kaltim'),
    },
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Dasbor Kinerja Perangkat Daerah untuk Pimpinan', 'DIGITALISASI_ADMINISTRASI', 'Capaian kinerja setiap perangkat daerah terbaca pimpinan setiap pekan.', 'Perangkat daerah yang datanya mutakhir', 'Dasbor kinerja', 120_000_000),
      steps: ENDORSED('kaltim'),
    },
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Tanda Tangan Elektronik pada Naskah Dinas', 'DIGITALISASI_ADMINISTRASI', 'Naskah dinas ditandatangani secara elektronik tanpa dicetak.', 'Naskah dinas yang ditandatangani secara elektronik', 'Naskah dinas elektronik', 90_000_000),
      steps: VERIFIED('kaltim'),
    },
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Legalisasi Dokumen Daring', 'PELAYANAN_PUBLIK', 'Legalisasi salinan dokumen diajukan dan diambil secara daring.', 'Permohonan legalisasi yang diajukan daring', 'Layanan legalisasi daring', 60_000_000),
      steps: [...APPROVED('kaltim'), progress(month, 40)],
    },
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Arsip Digital Surat Masuk dan Keluar', 'DIGITALISASI_ADMINISTRASI', 'Surat masuk dan keluar dipindai dan dicari secara daring.', 'Surat yang tersimpan sebagai arsip digital', 'Arsip digital', 55_000_000),
      steps: [...SUBMITTED('kaltim'), { user: 'kaltim.kadis', action: 'RETURN', comment: 'Lengkapi target dan indikator kinerja yang terukur.' }],
    },
    {
      kind: 'quick-win',
      drafter: 'kaltim.drafter',
      content: qw('Rapat Daring Tanpa Kertas', 'DIGITALISASI_ADMINISTRASI', 'Bahan rapat dibagikan dan ditandatangani secara daring.', 'Rapat tanpa bahan cetak', 'Rapat tanpa kertas', 25_000_000),
      steps: [
        ...APPROVED('kaltim'),
        progress(month, 100),
        { user: 'kaltim.kadis', action: 'COMPLETE' },
        { user: 'kaltim.inspektur', action: 'EVALUATE', data: { score: 88, notes: 'Bahan rapat tidak lagi dicetak; manfaat dirasakan semua bidang.' } },
      ],
    },
    {
      kind: 'quick-win',
      drafter: 'paser.drafter',
      content: qw('Layanan Administrasi Kependudukan Keliling', 'PELAYANAN_PUBLIK', 'Petugas mendatangi desa terpencil untuk layanan KTP dan kartu keluarga.', 'Desa yang dikunjungi setiap bulan', 'Layanan keliling', 80_000_000),
      steps: SUBMITTED('paser'),
    },
    {
      kind: 'regulation',
      drafter: 'kaltim.drafter',
      content: regulation('Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur'),
      steps: ENDORSED('kaltim'),
    },
    {
      kind: 'regulation',
      drafter: 'paser.drafter',
      content: regulation('Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser'),
      steps: TO_FACILITATION('paser', today),
    },
    {
      kind: 'regulation',
      drafter: 'berau.drafter',
      content: regulation('Penyederhanaan Birokrasi di Lingkungan Pemerintah Kabupaten Berau'),
      steps: [
        ...TO_FACILITATION('berau', today),
        { user: 'kaltim.hukum', action: 'FACILITATE' },
        { user: 'berau.asisten', action: 'PARAF' },
        { user: 'berau.sekda', action: 'PARAF' },
        { user: 'berau.kepala', action: 'SIGN' },
        { user: 'berau.sekda', action: 'PROMULGATE' },
        { user: 'berau.hukum', action: 'PUBLISH', data: { url: 'https://jdih.beraukab.go.id/produk-hukum/penyederhanaan-birokrasi' } },
      ],
    },
  ];
}
