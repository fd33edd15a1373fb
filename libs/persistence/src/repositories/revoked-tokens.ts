import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The sign-out list: ids of access tokens that must no longer be accepted, kept until they expire. */
@Injectable()
export class RevokedTokens {
  constructor(private readonly dataSource: DataSource) {}

  /** Revokes the token (idempotent) and forgets revocations of tokens that have expired anyway. */
  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `WITH purged AS (DELETE FROM revoked_tokens WHERE expires_at < now() - interval '1 minute')
       INSERT INTO revoked_tokens (token_id, expires_at) VALUES ($1, $2) ON CONFLICT (token_id) DO NOTHING`,
      [tokenId, expiresAt],
    );
  }
}
