import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { fill } from '../i18n';
import { zh } from '../i18n/zh';
import { en } from '../i18n/en';
import { authErrorText } from './errors';

const tOf = (m: Record<string, string>) => (k: keyof typeof zh, v?: Record<string, string | number>) => fill(m[k], v);

describe('account errors in the page language', () => {
  it('names wrong passwords and the lockout wait in Chinese and English', () => {
    const locked = new ApiError(429, 'TOO_MANY_ATTEMPTS', 'Too many', '过多');
    locked.retryAfter = 300;
    expect(authErrorText(tOf(zh), locked)).toBe('登录失败次数过多，账户暂时锁定，请 5 分钟后再试');
    expect(authErrorText(tOf(en), new ApiError(429, 'TOO_MANY_ATTEMPTS', 'x', 'y', [{ retry_after: 30 } as never]))).toBe(
      'Too many failed sign-ins; try again in 30 s',
    );
    expect(authErrorText(tOf(zh), new ApiError(401, 'INVALID_CREDENTIALS', 'x', 'y'))).toBe('用户名或密码错误');
    expect(authErrorText(tOf(zh), new ApiError(422, 'PARSE_X', 'x', 'y'))).toBeNull();
  });
});
