import { describe, expect, it } from 'vitest';
import { ApiError, filenameOf, toApiError } from './http';

describe('toApiError', () => {
  it('reads the service error model', () => {
    const e = toApiError(
      422,
      JSON.stringify({
        error: {
          code: 'PARSE_RING_NOT_CLOSED',
          message: 'Ring 1 is not closed',
          message_zh: '第1圈未闭合',
          details: [{ line: 14, point: 'J7' }],
        },
      }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.code).toBe('PARSE_RING_NOT_CLOSED');
    expect(e.messageZh).toBe('第1圈未闭合');
    expect(e.details).toEqual([{ line: 14, point: 'J7' }]);
    expect(e.unavailable).toBe(false);
  });
  it('treats a 404 as "not available" and survives non-JSON bodies', () => {
    const e = toApiError(404, '<html>Not found</html>');
    expect(e.unavailable).toBe(true);
    expect(e.code).toBe('HTTP_404');
    expect(e.messageZh).toContain('404');
  });
});

describe('filenameOf', () => {
  it('reads the UTF-8 name the server sends (the report PDF’s Chinese name), whatever comes first', () => {
    const name = '重叠核查报告-KQ-20261202-ABCDEFGHJK.pdf';
    const enc = encodeURIComponent(name);
    expect(filenameOf(`inline; filename="${enc}"; filename*=UTF-8''${enc}`)).toBe(name); // server/http/attachment.ts
    expect(filenameOf(`inline; filename="${enc.replace(/%/g, '')}"; filename*=UTF-8''${enc}`)).toBe(name); // the form it once sent
    expect(filenameOf('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(filenameOf(`attachment; filename*=UTF-8''%E5%8C%BA.zip; filename="x.zip"`)).toBe('区.zip');
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('attachment; filename="100%.csv"')).toBe('100%.csv');
  });
});
