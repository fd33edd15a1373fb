/**
 * SQL: the current calendar revision (`calendar_revision`, one row), which changes with every statement that
 * writes holidays, office hours or a government's time zone. Read in the statement that would otherwise read a calendar, after the
 * calendar lock is held, it says whether a calendar kept from before is still the one the database holds.
 */
export const CALENDAR_REVISION_SQL = '(SELECT revision FROM calendar_revision)';
