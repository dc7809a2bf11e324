import { describe, expect, it } from 'vitest';
import { ipKeyGenerator } from 'express-rate-limit';
import { clientKey, isWriteRoute, routeClass } from './rate-limit';

const r = (method: string, path: string) => ({ method, path });

describe('route classes', () => {
  it('gives every route a budget except health', () => {
    expect(routeClass(r('GET', '/api/health'))).toBeUndefined();
    expect(routeClass(r('GET', '/tiles/blocks/8/1/2.mvt'))).toBe('tiles');
    expect(routeClass(r('GET', '/tiles/blocks.json'))).toBe('tiles');
    expect(routeClass(r('GET', '/api/conflicts'))).toBe('register');
    expect(routeClass(r('GET', '/api/blocks/blk-0015/conflicts'))).toBe('block-conflicts');
    for (const p of ['/api/parse', '/api/checks', '/api/export', '/api/blocks/x/export', '/api/blocks/x/relinquishment-plans'])
      expect(routeClass(r('POST', p))).toBe('uploads');
    expect(routeClass(r('POST', '/collections/redlines/items'))).toBe('writes');
    expect(routeClass(r('PUT', '/collections/blocks/items/b1'))).toBe('writes');
    expect(routeClass(r('DELETE', '/ogc/collections/blocks/items/b1'))).toBe('writes');
    expect(routeClass(r('POST', '/api/offsets'))).toBe('writes');
    // applications (issue 14): a step may freeze a check or write the register; reading the queue is a read
    expect(routeClass(r('POST', '/api/applications'))).toBe('writes');
    expect(routeClass(r('POST', '/api/applications/APP-000001/transitions'))).toBe('writes');
    expect(routeClass(r('PATCH', '/api/applications/APP-000001'))).toBe('writes');
    expect(routeClass(r('GET', '/api/applications'))).toBe('reads');
    expect(isWriteRoute(r('POST', '/api/applications'))).toBe(false);
    for (const p of ['/collections/blocks/items', '/api/deadlines', '/', '/assets/index.js', '/api/blocks/x/assessment'])
      expect(routeClass(r('GET', p))).toBe('reads');
  });

  it('knows the write routes that need the token', () => {
    expect(isWriteRoute(r('GET', '/collections/blocks/items'))).toBe(false);
    expect(isWriteRoute(r('POST', '/api/checks'))).toBe(false);
    expect(isWriteRoute(r('POST', '/collections/nope/items'))).toBe(true);
  });
});

describe('client keys', () => {
  it('are express-rate-limit’s (an IPv6 client by its /56, an IPv4-mapped one by its IPv4), remembered per address', () => {
    for (const ip of ['203.0.113.7', '::ffff:203.0.113.7', '2001:db8:abcd:12ff::1', '::1'])
      for (let i = 0; i < 2; i++) expect(clientKey(ip)).toBe(ipKeyGenerator(ip, 56));
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    // one /56: one budget; the next /56: another
    expect(clientKey('2001:db8:abcd:12ff::1')).toBe(clientKey('2001:db8:abcd:1200:ffff::9'));
    expect(clientKey('2001:db8:abcd:1300::1')).not.toBe(clientKey('2001:db8:abcd:12ff::1'));
  });
});
