import { describe, expect, it } from '@jest/globals';
import { httpRouteLabel } from './http-route-label.js';

describe('httpRouteLabel', () => {
  it("is a matched route's template, not the path sent", () => {
    expect(httpRouteLabel({ route: { path: '/api/quick-wins/:id/actions' }, originalUrl: '/api/quick-wins/0b6c.../actions?x=1' })).toBe('/api/quick-wins/:id/actions');
  });

  it('names the queue dashboard and the metrics once, whatever is under them', () => {
    expect(httpRouteLabel({ route: { path: '/api/queues' }, originalUrl: '/admin/queues/api/queues?page=1' })).toBe('/admin/queues');
    expect(httpRouteLabel({ route: undefined, originalUrl: '/metrics?x' })).toBe('/metrics');
  });

  it('puts every unmatched API path in one series and every web app file or page in another', () => {
    expect(httpRouteLabel({ route: undefined, originalUrl: '/api/no/such/thing/123' })).toBe('(no route)');
    expect(httpRouteLabel({ route: undefined, originalUrl: '/metrics/more' })).toBe('(no route)');
    expect(httpRouteLabel({ route: undefined, originalUrl: '/quick-wins/6f1e5d1c' })).toBe('(web app)');
    expect(httpRouteLabel({ route: undefined, originalUrl: '/assets/index-abc.js' })).toBe('(web app)');
  });
});
