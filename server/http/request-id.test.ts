import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { genReqId } from './request-id';

const call = (header?: string) => {
  const set: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (set[k.toLowerCase()] = v) } as unknown as ServerResponse;
  const id = genReqId({ headers: header === undefined ? {} : { 'x-request-id': header } } as IncomingMessage, res);
  return { id, echoed: set['x-request-id'] };
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('are random UUIDs, not a counter that restarts at 1, and are echoed in X-Request-Id', () => {
    const a = call();
    const b = call();
    expect(a.id).toMatch(UUID);
    expect(b.id).toMatch(UUID);
    expect(a.id).not.toBe(b.id);
    expect(a.echoed).toBe(a.id);
  });
  it('keep an incoming X-Request-Id that is a sane short token', () => {
    expect(call('proxy-7f3a9c12').id).toBe('proxy-7f3a9c12');
    expect(call('01HZX3Q9V7K2M8N4P6R0S1T2U3').id).toBe('01HZX3Q9V7K2M8N4P6R0S1T2U3');
  });
  it('replace an incoming X-Request-Id that is too short, too long or carries other characters', () => {
    for (const bad of ['1', '', 'x'.repeat(65), 'abc def ghi', '<script>alert(1)</script>', 'id\nforged log line', '请求编号一二三四五六'])
      expect(call(bad).id, bad).toMatch(UUID);
  });
});
