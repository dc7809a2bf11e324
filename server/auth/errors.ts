import { AppError } from '../errors';
import { defineMessages, say, type Message } from '../i18n/message';

/** The refusals of authentication and authorization, in both languages. */
export const AUTH_SAY = defineMessages({
  UNAUTHENTICATED: {
    en: () => 'Sign in or send a valid token (Authorization: Bearer …) to use this route',
    zh: () => '请先登录，或提供有效令牌（Authorization: Bearer …）',
  },
  INVALID_TOKEN: {
    en: () => 'The bearer token is unknown, expired or revoked',
    zh: () => '令牌无效、已过期或已撤销',
  },
  FORBIDDEN_ROLE: {
    en: (p: { need: string; role: string }) => `This needs the role ${p.need}; you act as ${p.role}`,
    zh: (p: { need: string; role: string }) => `此操作需要角色 ${p.need}，当前角色为 ${p.role}`,
  },
  FORBIDDEN_AUTHORITY: {
    en: (p: { authority: string; target: string }) =>
      `Your authority (${p.authority}) does not oversee ${p.target}: only that authority, one above it, or an administrator may`,
    zh: (p: { authority: string; target: string }) =>
      `您所属的登记机关（${p.authority}）无权管辖${p.target}：须由该机关、其上级机关或管理员操作`,
  },
  FORBIDDEN_HOLDER: {
    en: (p: { block: string }) =>
      `The confidential records of block ${p.block} are visible to its holder, the regulators overseeing it and administrators`,
    zh: (p: { block: string }) => `区块 ${p.block} 的保密记录仅对其矿业权人、有管辖权的登记机关和管理员可见`,
  },
  FORBIDDEN_NO_ACCOUNT: {
    en: () => 'The bootstrap token has no account: sign in with an account (npm run user:add) to manage personal tokens',
    zh: () => '引导令牌没有对应账户：请用账户登录（npm run user:add 创建）后管理个人令牌',
  },
  CSRF_FAILED: {
    en: () => 'A write signed in by cookie must send the header X-CSRF-Token with the token from /api/auth/me',
    zh: () => '通过登录 Cookie 进行写操作时须携带请求头 X-CSRF-Token（取自 /api/auth/me）',
  },
  INVALID_CREDENTIALS: {
    en: () => 'Wrong user name or password',
    zh: () => '用户名或密码错误',
  },
  TOO_MANY_ATTEMPTS: {
    en: (p: { seconds: number }) => `Too many failed sign-ins: try again in ${p.seconds} s`,
    zh: (p: { seconds: number }) => `登录失败次数过多，请 ${p.seconds} 秒后再试`,
  },
  ACCOUNT_NOT_FOUND: {
    en: (p: { id: string }) => `account '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到账户 '${p.id}'`,
  },
  TOKEN_NOT_FOUND: {
    en: (p: { id: string }) => `token '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到令牌 '${p.id}'`,
  },
  TOKEN_READ_ONLY: {
    en: () => 'This personal token was created read-only (scope "read"): it cannot write. Create a token with scope "write" for writes',
    zh: () => '此个人令牌为只读（scope 为 "read"），不能执行写操作。如需写入，请创建 scope 为 "write" 的令牌',
  },
  LAST_ADMIN: {
    en: (p: { username: string }) =>
      `'${p.username}' is the last active administrator account: it cannot be disabled or given another role until another administrator account is active`,
    zh: (p: { username: string }) => `“${p.username}”是最后一个有效的管理员账户：在另一个管理员账户启用之前，不能停用它或改为其他角色`,
  },
  USERNAME_TAKEN: {
    en: (p: { username: string }) => `The user name '${p.username}' is taken`,
    zh: (p: { username: string }) => `用户名 '${p.username}' 已被使用`,
  },
  UNKNOWN_AUTHORITY: {
    en: (p: { authority: string }) => `Unknown authority '${p.authority}' (自然资源部, 山西省自然资源厅 or a Shanxi city 规划和自然资源局)`,
    zh: (p: { authority: string }) => `未知的登记机关“${p.authority}”（应为自然资源部、山西省自然资源厅或山西省各市规划和自然资源局）`,
  },
  ROLE_SCOPE: {
    en: () => 'A holder needs at least one holder organisation, a regulator an authority; other roles take neither',
    zh: () => '矿业权人账户至少须关联一个矿业权人单位，登记机关账户须指定登记机关，其他角色不设这两项',
  },
  INVESTMENT_WITHHELD: {
    en: () =>
      "The holder's exploration-investment ledger, the shortfall arithmetic that depends on it and the offset ledger are withheld: they are visible to the holder, the regulators overseeing the block and administrators",
    zh: () => '勘查投入台账、依赖投入的核减计算及抵扣台账不予公开：仅对矿业权人、有管辖权的登记机关和管理员可见',
  },
});

const fromMessage = (status: number, m: Message, details?: AppError['details']) =>
  new AppError(status, m.code, m.message, m.message_zh, details);

export const unauthenticated = () => fromMessage(401, say(AUTH_SAY, 'UNAUTHENTICATED'));
export const invalidToken = () => {
  const m = say(AUTH_SAY, 'INVALID_TOKEN');
  return new AppError(401, 'UNAUTHENTICATED', m.message, m.message_zh, [{ field: 'authorization', reason: 'INVALID_TOKEN' }]);
};
export const forbidden = (m: Message) => new AppError(403, 'FORBIDDEN', m.message, m.message_zh, [{ reason: m.code, ...m.params }]);
export const tokenReadOnly = () => fromMessage(403, say(AUTH_SAY, 'TOKEN_READ_ONLY'), [{ field: 'Authorization' }]);
export const csrfFailed = () => fromMessage(403, say(AUTH_SAY, 'CSRF_FAILED'), [{ field: 'X-CSRF-Token' }]);
export const invalidCredentials = () => fromMessage(401, say(AUTH_SAY, 'INVALID_CREDENTIALS'));
export const tooManyAttempts = (seconds: number) =>
  fromMessage(429, say(AUTH_SAY, 'TOO_MANY_ATTEMPTS', { seconds }), [{ retry_after_s: seconds }]);
