import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from './app-config.js';

describe('METRICS_TOKEN and WORKER_METRICS_PORT', () => {
  it('serve no metrics unless set', () => {
    expect(loadAppConfig({}).metrics).toEqual({ token: null, workerPort: null });
  });

  it('take a long token and a port', () => {
    const token = 'a'.repeat(32);
    expect(loadAppConfig({ METRICS_TOKEN: token, WORKER_METRICS_PORT: '9464' }).metrics).toEqual({ token, workerPort: 9464 });
  });

  it.each(['short', 'has a space in it and is long enough to pass', 'ü'.repeat(40)])('refuses the token %j at start, naming the variable', (value) => {
    expect(() => loadAppConfig({ METRICS_TOKEN: value })).toThrow(/METRICS_TOKEN must be at least 32 visible ASCII characters/);
  });

  it.each(['0', '70000', 'nine'])('refuses the worker port %s at start', (value) => {
    expect(() => loadAppConfig({ WORKER_METRICS_PORT: value })).toThrow(/WORKER_METRICS_PORT/);
  });
});
