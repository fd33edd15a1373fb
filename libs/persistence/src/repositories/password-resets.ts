import type { EntityManager } from 'typeorm';
import { OutboxMessageType } from '#queue';

/*
 * password_resets: one-time, expiring resets by e-mail. The token is made by the worker when it sends
 * the e-mail and only its SHA-256 is stored; a reset is pending while unused and unexpired.
 */

/** The one active person with an e-mail address whose username or e-mail address is `login` (case-insensitive), or null. */
export async function findPersonForPasswordReset(manager: EntityManager, login: string): Promise<{ id: string } | null> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM users
      WHERE active AND email IS NOT NULL AND (lower(username) = lower($1) OR lower(email) = lower($1))
      LIMIT 2`,
    [login],
  );
  return rows.length === 1 ? rows[0] : null;
}

/**
 * Records a reset for `userId` valid until `expiresAt` (earlier pending ones of the person end now, so
 * only the newest link works) and, in the same transaction, asks the worker to e-mail it.
 */
export async function requestPasswordReset(manager: EntityManager, userId: string, expiresAt: Date, now: Date): Promise<string> {
  await manager.query(`UPDATE password_resets SET expires_at = $2 WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2`, [userId, now]);
  const [{ id }] = await manager.query(`INSERT INTO password_resets (user_id, expires_at, created_at) VALUES ($1, $2, $3) RETURNING id`, [
    userId,
    expiresAt,
    now,
  ]);
  await manager.query(`INSERT INTO outbox (document_id, type, payload) VALUES (NULL, $1, $2::jsonb)`, [
    OutboxMessageType.PasswordResetRequested,
    JSON.stringify({ passwordResetId: id }),
  ]);
  return id as string;
}

/** Whom a pending reset's e-mail goes to. */
export interface PasswordResetRecipient {
  username: string;
  name: string;
  email: string;
  governmentName: string;
  timeZone: string;
  expiresAt: Date;
}

/**
 * Gives a pending reset of an active person with an e-mail address the token whose hash is
 * `tokenHash` (replacing one an earlier attempt made), and says whom to send it to; null when the
 * reset is used, expired or unknown, or the person can no longer receive it.
 */
export async function issuePasswordResetToken(manager: EntityManager, id: string, tokenHash: string, now: Date): Promise<PasswordResetRecipient | null> {
  // an UPDATE answers [rows, count] through TypeORM
  const [rows]: [PasswordResetRecipient[], number] = await manager.query(
    `UPDATE password_resets pr SET token_hash = $2
       FROM users u JOIN governments g ON g.id = u.government_id
      WHERE pr.id = $1 AND pr.used_at IS NULL AND pr.expires_at > $3 AND u.id = pr.user_id AND u.active AND u.email IS NOT NULL
      RETURNING u.username, u.name, u.email, g.name AS "governmentName", g.time_zone AS "timeZone", pr.expires_at AS "expiresAt"`,
    [id, tokenHash, now],
  );
  return rows[0] ?? null;
}

/** Whether a pending reset (unused, unexpired, of an active person) has the token hashing to `tokenHash`. */
export async function isPendingPasswordReset(manager: EntityManager, tokenHash: string, now: Date): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM password_resets pr JOIN users u ON u.id = pr.user_id
      WHERE pr.token_hash = $1 AND pr.used_at IS NULL AND pr.expires_at > $2 AND u.active`,
    [tokenHash, now],
  );
  return rows.length > 0;
}

/**
 * Uses the pending reset whose token hashes to `tokenHash`, once: marks it used and ends the person's
 * other pending resets. Returns the person (active) or null when no pending reset has that token.
 */
export async function consumePasswordReset(manager: EntityManager, tokenHash: string, now: Date): Promise<{ userId: string; username: string; governmentId: string } | null> {
  const [rows]: [Array<{ userId: string; username: string; governmentId: string }>, number] = await manager.query(
    `UPDATE password_resets pr SET used_at = $2
       FROM users u
      WHERE pr.token_hash = $1 AND pr.used_at IS NULL AND pr.expires_at > $2 AND u.id = pr.user_id AND u.active
      RETURNING u.id AS "userId", u.username, u.government_id AS "governmentId"`,
    [tokenHash, now],
  );
  const person = rows[0];
  if (!person) return null;
  await endPendingPasswordResets(manager, [person.userId], now);
  return person;
}

/**
 * Ends every pending reset of these people now: their links were sent to an address that is no longer
 * theirs, or their password was set another way (a link must not undo that), or they were deactivated.
 */
export async function endPendingPasswordResets(manager: EntityManager, userIds: readonly string[], now: Date): Promise<void> {
  if (userIds.length === 0) return;
  await manager.query(`UPDATE password_resets SET expires_at = $2 WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL AND expires_at > $2`, [userIds, now]);
}
