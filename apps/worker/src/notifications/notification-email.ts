import { revealHidden } from './quoted-text.js';

export interface NotificationEmailInput {
  title: string;
  message: string;
  /** The recipient's name and government, as stored. */
  name: string;
  governmentName: string;
  /** Where in alur it leads (PUBLIC_URL and the page of `notificationPagePath`, or alur itself). */
  link: string;
}

/**
 * The plain-text e-mail of a notification. Everything in it comes from the database, where a value
 * stored before the API refused hidden characters may still hold one: they are shown, not sent.
 */
export function notificationEmail({ title, message, name, governmentName, link }: NotificationEmailInput): { subject: string; text: string } {
  return {
    subject: revealHidden(title).replace(/[\r\n\t]+/g, ' '),
    text:
      `Yth. ${revealHidden(name)},\n\n${revealHidden(message)}\n\nBuka di alur: ${link}\n\n--\n` +
      `Pesan ini dikirim otomatis oleh alur, sistem alur kerja Reformasi Birokrasi ${revealHidden(governmentName)}. Mohon tidak membalas e-mail ini.\n`,
  };
}
