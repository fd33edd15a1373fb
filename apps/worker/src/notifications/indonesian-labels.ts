import { REGULATION_TYPE_LABEL, regulationTypeFor, type Role, type WorkflowAction } from '#workflow';
import type { DocumentContext } from './document-context.js';

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

/** What someone does with each action, as the object of "Silakan ..." (an infinitive phrase). */
export const ACTION_INSTRUCTIONS: Readonly<Record<WorkflowAction, string>> = Object.freeze({
  SUBMIT: 'mengajukan dokumen',
  ENDORSE: 'memberikan persetujuan',
  RETURN: 'mengembalikannya untuk diperbaiki',
  VERIFY: 'memverifikasinya',
  APPROVE: 'menyetujuinya',
  REJECT: 'menolaknya',
  RESUBMIT: 'memperbaiki lalu mengajukannya kembali',
  REPORT_PROGRESS: 'melaporkan kemajuan pelaksanaan',
  COMPLETE: 'menyatakan Quick Win selesai',
  EVALUATE: 'mengevaluasinya',
  REQUEST_HARMONIZATION: 'mengajukan harmonisasi ke Kanwil Kementerian Hukum',
  RECORD_HARMONIZATION: 'mencatat Berita Acara Selesai Harmonisasi',
  FACILITATE: 'memberikan fasilitasi',
  PARAF: 'membubuhkan paraf koordinasi',
  SIGN: 'menandatanganinya',
  PROMULGATE: 'mengundangkannya dalam Berita Daerah',
  PUBLISH: 'mempublikasikannya di JDIH',
  WITHDRAW: 'menarik dokumen',
});

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

/** "A", "A atau B", "A, B, atau C". */
export function joinAlternatives(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' atau ');
  return `${items.slice(0, -1).join(', ')}, atau ${items[items.length - 1]}`;
}

export function instructionsFor(actions: readonly WorkflowAction[]): string {
  const own = actions.filter((a) => a !== 'WITHDRAW');
  return own.length > 0 ? joinAlternatives(own.map((a) => ACTION_INSTRUCTIONS[a])) : 'menindaklanjuti dokumen ini';
}

/**
 * How a document is named in a notification: `Quick Win "..."`; a regulation by its official title
 * once promulgated, before that as the draft of its type ("Rancangan Peraturan Gubernur tentang ...").
 */
export function documentName(doc: Pick<DocumentContext, 'kind' | 'title' | 'facts' | 'governmentLevel'>): string {
  if (doc.kind === 'quick-win') return `Quick Win "${doc.title}"`;
  const official = doc.facts?.officialTitle;
  if (typeof official === 'string' && official.length > 0) return official;
  return `Rancangan ${REGULATION_TYPE_LABEL[regulationTypeFor(doc.governmentLevel)]} tentang ${doc.title}`;
}
