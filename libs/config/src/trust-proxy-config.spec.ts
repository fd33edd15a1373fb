import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from './app-config.js';

describe('TRUST_PROXY', () => {
  it('trusts the loopback proxy by default', () => {
    expect(loadAppConfig({}).trustProxy).toEqual(['loopback']);
  });

  it('takes the proxy addresses a deployment names: the names Express knows, IPs and CIDR blocks', () => {
    expect(loadAppConfig({ TRUST_PROXY: 'loopback, 172.16.0.0/12,10.1.2.3, fd00::/8, uniquelocal' }).trustProxy).toEqual([
      'loopback',
      '172.16.0.0/12',
      '10.1.2.3',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  it.each(['anywhere', '172.16.0.0/33', '10.0.0.0/8/1', '300.1.1.1', 'loopback,', '::1/129', 'true'])('refuses %s at start, naming the variable', (value) => {
    expect(() => loadAppConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be loopback, linklocal, uniquelocal, IP addresses or CIDR blocks/);
  });
});
