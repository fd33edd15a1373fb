/** The shapes of a person's fields, shared by the people API and the personnel import. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,59}$/;
export const USERNAME_RULE = 'username must be 3-60 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit';
/** Nomor Induk Pegawai: 18 digits. */
export const NIP_PATTERN = /^\d{18}$/;
export const NIP_RULE = 'nip must be 18 digits';
export const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
export const EMAIL_RULE = 'email must be an e-mail address';
export const UNIT_CODE_PATTERN = /^[a-z0-9-]{2,60}$/;
