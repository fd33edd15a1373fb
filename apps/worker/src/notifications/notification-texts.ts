import { formatIndonesianDateTime, formatIndonesianLocalDate, type Role, type WorkflowAction } from '#workflow';
import type { DocumentContext } from './document-context.js';
import { documentName, instructionsFor, ROLE_LABELS, stageLabel } from './indonesian-labels.js';
import { quoted } from './quoted-text.js';
import type { Recipient } from './recipients.resolver.js';

/** A notification's text: `title` is the e-mail subject, `message` its body. Bahasa Indonesia. */
export interface NotificationText {
  title: string;
  message: string;
}

export interface StageDeadline {
  dueAt: Date;
  explanation: string;
  /** A working-day deadline: due at the close of office, which the reminder and overdue texts say. */
  endsAtCloseOfOffice?: boolean;
}

type Doc = Pick<DocumentContext, 'kind' | 'title' | 'facts' | 'governmentLevel' | 'timeZone'>;

/** Who acted: their name, and the principal's when they acted as Plt/Plh (as the history shows it). */
export interface Acting {
  name: string;
  onBehalfOfName: string | null;
}

/** `"Budi"`, or `"Budi" atas nama "Dr. Siti"` for a Plt/Plh. */
const byWhom = (actor: Acting): string => quoted(actor.name) + (actor.onBehalfOfName ? ` atas nama ${quoted(actor.onBehalfOfName)}` : '');

const due = (doc: Doc, deadline: StageDeadline): string => formatIndonesianDateTime(deadline.dueAt, doc.timeZone);
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** " Anda menerima pemberitahuan ini sebagai Plh Sekretaris Daerah (nama)." for a delegate. */
function delegateNote(recipient: Recipient): string {
  if (!recipient.principalUsername) return '';
  const kind = recipient.delegationKind === 'PLT' ? 'Plt.' : 'Plh.';
  return ` Anda menerima pemberitahuan ini sebagai ${kind} ${ROLE_LABELS[recipient.role]} (${quoted(recipient.principalName ?? recipient.principalUsername)}).`;
}

function deadlineSentence(doc: Doc, deadline: StageDeadline | null): string {
  return deadline ? ` Batas waktu: ${due(doc, deadline)} (${deadline.explanation}).` : '';
}

/** ASSIGNED: a stage waits for the recipient. */
export function assignedText(doc: Doc, stage: string, deadline: StageDeadline | null, actions: readonly WorkflowAction[], recipient: Recipient): NotificationText {
  const name = documentName(doc);
  return {
    title: `Tugas baru: ${name}`,
    message:
      `${capitalised(name)} kini berada pada tahap ${stageLabel(stage)} dan menunggu tindakan Anda.` +
      deadlineSentence(doc, deadline) +
      ` Silakan ${instructionsFor(actions)}.` +
      delegateNote(recipient),
  };
}

/** REMINDER: the stage's deadline is near. */
export function reminderText(doc: Doc, stage: string, deadline: StageDeadline, actions: readonly WorkflowAction[], recipient: Recipient): NotificationText {
  const name = documentName(doc);
  return {
    title: `Pengingat batas waktu: ${name}`,
    message:
      `${capitalised(name)} pada tahap ${stageLabel(stage)} harus ditindaklanjuti ${deadline.endsAtCloseOfOffice ? 'hingga akhir jam kerja,' : 'paling lambat'} ${due(doc, deadline)} (${deadline.explanation}).` +
      ` Silakan ${instructionsFor(actions)} sebelum batas waktu tersebut.` +
      delegateNote(recipient),
  };
}

/** OVERDUE: the stage's deadline has passed. */
export function overdueText(doc: Doc, stage: string, deadline: StageDeadline, actions: readonly WorkflowAction[], recipient: Recipient): NotificationText {
  const name = documentName(doc);
  return {
    title: `Melewati batas waktu: ${name}`,
    message:
      `Batas waktu tahap ${stageLabel(stage)} untuk ${name} telah terlewati pada ${deadline.endsAtCloseOfOffice ? 'akhir jam kerja, ' : ''}${due(doc, deadline)}.` +
      ` Segera ${instructionsFor(actions)}; bila tidak, keterlambatan ini akan dieskalasi kepada atasan.` +
      delegateNote(recipient),
  };
}

/** ESCALATION n: to the superior of the actors who missed the deadline. */
export function escalationText(
  doc: Doc,
  stage: string,
  deadline: StageDeadline,
  sequence: number,
  forRole: Role,
  forActions: readonly WorkflowAction[],
  recipient: Recipient,
): NotificationText {
  const name = documentName(doc);
  const informational = recipient.role === 'SECRETARY' && forRole === 'REGIONAL_HEAD';
  return {
    title: `Eskalasi ke-${sequence}: ${name}`,
    message:
      `${capitalised(name)} tertahan pada tahap ${stageLabel(stage)}: batas waktunya, ${due(doc, deadline)}, telah terlewati dan ${ROLE_LABELS[forRole]} belum menindaklanjutinya.` +
      (informational
        ? ' Pemberitahuan ini untuk diketahui.'
        : ` Mohon Bapak/Ibu memastikan ${ROLE_LABELS[forRole]} segera ${instructionsFor(forActions)}.`) +
      delegateNote(recipient),
  };
}

/** RETURNED: to the creator, with the reviewer's comment. */
export function returnedText(doc: Doc, stage: string, deadline: StageDeadline | null, actions: readonly WorkflowAction[], actor: Acting, comment: string | null): NotificationText {
  const name = documentName(doc);
  return {
    title: `Dikembalikan untuk perbaikan: ${name}`,
    message:
      `${capitalised(name)} dikembalikan oleh ${byWhom(actor)}${comment ? ` dengan catatan: "${quoted(comment)}"` : ''}.` +
      ` Dokumen kini berada pada tahap ${stageLabel(stage)}.` +
      deadlineSentence(doc, deadline) +
      ` Silakan ${instructionsFor(actions)}.`,
  };
}

/** APPROVED: to the creator; the next stage and its deadline. */
export function approvedText(doc: Doc, stage: string | null, deadline: StageDeadline | null, actor: Acting): NotificationText {
  const name = documentName(doc);
  return {
    title: `Disetujui: ${name}`,
    message:
      `${capitalised(name)} telah disetujui oleh ${byWhom(actor)}.` +
      (stage ? ` Tahap berikutnya: ${stageLabel(stage)}.` : '') +
      deadlineSentence(doc, deadline) +
      ' Anda dapat memantau perkembangannya di alur.',
  };
}

/** REJECTED: to the creator, with the reason; nothing left to do. */
export function rejectedText(doc: Doc, actor: Acting, comment: string | null): NotificationText {
  const name = documentName(doc);
  return {
    title: `Ditolak: ${name}`,
    message:
      `${capitalised(name)} ditolak oleh ${byWhom(actor)}${comment ? ` dengan alasan: "${quoted(comment)}"` : ''}.` +
      ' Proses dokumen ini telah berakhir dan tidak ada batas waktu lagi; tidak ada tindakan lebih lanjut yang diperlukan.',
  };
}

/** PUBLISHED: to the creator; the regulation is in JDIH. */
export function publishedText(doc: Doc, actor: Acting): NotificationText {
  const name = documentName(doc);
  const publication = doc.facts?.publication as { url?: unknown } | undefined;
  const url = typeof publication?.url === 'string' ? publication.url : null;
  return {
    title: `Dipublikasikan: ${name}`,
    message:
      `${capitalised(name)} telah dipublikasikan di JDIH oleh ${byWhom(actor)}${url ? ` (${quoted(url)})` : ''}.` +
      ' Proses dokumen ini selesai dan tidak ada batas waktu lagi; tidak ada tindakan lebih lanjut yang diperlukan.',
  };
}

/** The regulation's targetDate is `daysBefore` days away. */
export function targetDateText(
  doc: Doc,
  targetDate: string,
  daysBefore: number,
  stage: string,
  deadline: StageDeadline | null,
  actions: readonly WorkflowAction[],
  recipient: Recipient,
): NotificationText {
  const name = documentName(doc);
  return {
    title: `Pengingat target penetapan (${daysBefore} hari lagi): ${name}`,
    message:
      `Target penetapan ${name} adalah ${formatIndonesianLocalDate(targetDate, { weekday: true })}, ${daysBefore} hari lagi.` +
      ` Dokumen kini berada pada tahap ${stageLabel(stage)}.` +
      deadlineSentence(doc, deadline) +
      (actions.length > 0 ? ` Silakan ${instructionsFor(actions)} agar target tersebut tercapai.` : ' Mohon pantau dan percepat prosesnya agar target tersebut tercapai.') +
      delegateNote(recipient),
  };
}

/** Why a round of paraf koordinasi closed without the recipient's answer, by the action that closed it. */
const RELEASE_REASONS: Readonly<Record<string, string>> = Object.freeze({
  PARAF: 'aturan paraf koordinasi telah terpenuhi oleh perangkat daerah lain',
  RETURN: 'rancangan dikembalikan kepada pemrakarsa untuk diperbaiki',
  WITHDRAW: 'rancangan ditarik oleh pemrakarsa',
});

/** CANCELLED: a participant of paraf koordinasi is no longer waited for. */
export function cancelledText(doc: Doc, stage: string, closingAction: string, recipient: Recipient): NotificationText {
  const name = documentName(doc);
  const reason = RELEASE_REASONS[closingAction] ?? 'aturan paraf koordinasi tidak lagi dapat dipenuhi';
  return {
    title: `Tugas dibatalkan: ${name}`,
    message:
      `Paraf Anda pada tahap ${stageLabel(stage)} untuk ${name} tidak lagi diperlukan karena ${reason}.` +
      ` Tidak ada tindakan lebih lanjut dari Anda; pengingat untuk tugas ini dihentikan.` +
      delegateNote(recipient),
  };
}
