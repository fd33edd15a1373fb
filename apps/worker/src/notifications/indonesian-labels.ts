import { REGULATION_TYPE_LABEL, regulationTypeFor, type WorkflowAction } from '#workflow';
import type { DocumentContext } from './document-context.js';
import { quoted } from './quoted-text.js';

/** Stage and role names live in libs/workflow, shared with the web app. */
export { ROLE_LABELS, stageLabel } from '#workflow';

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
  if (doc.kind === 'quick-win') return `Quick Win "${quoted(doc.title)}"`;
  const official = doc.facts?.officialTitle;
  if (typeof official === 'string' && official.length > 0) return quoted(official);
  return `Rancangan ${REGULATION_TYPE_LABEL[regulationTypeFor(doc.governmentLevel)]} tentang ${quoted(doc.title)}`;
}
