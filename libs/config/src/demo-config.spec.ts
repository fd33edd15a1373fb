import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from './app-config.js';

describe('the demo seed and the demo documents', () => {
  it('makes both outside production and neither in it, unless told otherwise', () => {
    expect(loadAppConfig({})).toMatchObject({ demoSeed: true, demoDocuments: true });
    expect(loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toMatchObject({ demoSeed: false, demoDocuments: false });
  });

  it('the documents follow DEMO_SEED unless DEMO_DOCUMENTS is set', () => {
    expect(loadAppConfig({ DEMO_SEED: 'false' })).toMatchObject({ demoSeed: false, demoDocuments: false });
    expect(loadAppConfig({ DEMO_DOCUMENTS: 'false' })).toMatchObject({ demoSeed: true, demoDocuments: false });
    expect(loadAppConfig({ DEMO_SEED: 'false', DEMO_DOCUMENTS: 'true' })).toMatchObject({ demoSeed: false, demoDocuments: true });
  });
});
