import type { Role } from './role.types.js';

/** Bahasa Indonesia names of the stages (dotted states) of both kinds. */
export const STAGE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  draft: 'Penyusunan Draf',
  endorsement: 'Persetujuan Kepala Perangkat Daerah',
  verification: 'Verifikasi oleh Biro/Bagian Organisasi',
  approval: 'Persetujuan Sekretaris Daerah',
  revision: 'Perbaikan oleh Pemrakarsa',
  implementation: 'Pelaksanaan dan Laporan Kemajuan',
  evaluation: 'Evaluasi oleh Inspektorat',
  legal_review: 'Telaah Hukum',
  harmonization: 'Harmonisasi dengan Kanwil Kementerian Hukum',
  facilitation: 'Fasilitasi oleh Pemerintah Provinsi',
  'coordination.agencies': 'Paraf Koordinasi Perangkat Daerah Terkait',
  'coordination.assistant': 'Paraf Koordinasi Asisten',
  'coordination.secretary': 'Paraf Koordinasi Sekretaris Daerah',
  signature: 'Penandatanganan oleh Kepala Daerah',
  promulgation: 'Pengundangan dalam Berita Daerah',
  promulgated: 'Publikasi di JDIH',
  completed: 'Selesai',
  rejected: 'Ditolak',
  withdrawn: 'Ditarik',
  published: 'Dipublikasikan',
});

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

/** Bahasa Indonesia names of the roles. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({
  DRAFTER: 'Pemrakarsa',
  UNIT_HEAD: 'Kepala Perangkat Daerah',
  ORG_VERIFIER: 'Biro/Bagian Organisasi',
  LEGAL: 'Biro/Bagian Hukum',
  ASSISTANT: 'Asisten Sekretaris Daerah',
  SECRETARY: 'Sekretaris Daerah',
  REGIONAL_HEAD: 'Kepala Daerah',
  INSPECTOR: 'Inspektorat',
  ADMIN: 'Administrator',
});
