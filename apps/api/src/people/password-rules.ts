/** New passwords (chosen by a person) have at least this many characters (issue 13). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
