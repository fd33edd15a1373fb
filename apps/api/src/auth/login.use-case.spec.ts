import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '#config';
import type { UserDirectory } from '#persistence';
import { AppException } from '../common/errors/app.exception.js';
import { LoginUseCase } from './login.use-case.js';
import { PasswordHashGate } from './password-hash-gate.js';
import type { TokenService } from './token.service.js';

describe('sign-in under a flood', () => {
  it('looks nobody up for a sign-in the full hash gate turns away (the flood never reaches the database)', async () => {
    let lookups = 0;
    const users = { findByUsername: async () => (lookups++, null) } as unknown as UserDirectory;
    const gate = new PasswordHashGate({ concurrency: 1, queue: 0 });
    const login = new LoginUseCase(users, {} as TokenService, gate, { passwordLogin: true } as AppConfig);

    let release!: () => void;
    const busy = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const refused = await login.verifyCredentials('flood.user1', 'not-the-password', '10.0.0.1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppException);
    expect((refused as AppException).status).toBe(503);
    expect(lookups).toBe(0);
    release();
    await busy;
  });
});
