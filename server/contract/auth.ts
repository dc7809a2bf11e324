/**
 * Accounts, roles, sessions and personal tokens (issue 13): sign-in, sign-out, who am I, one's own personal tokens,
 * and the accounts an administrator manages. Served by server/auth/router.ts (an express router: it sets and clears
 * the session cookie); declared here so the OpenAPI document and the API suite's validation cover them.
 * Who may call is checked before any body is read (server/http/auth.ts: `accessGate`).
 */
import { z } from 'zod';
import { defineRoute } from './define';

const servedBy = 'server/auth/router.ts';
const auth = ['Accounts and sign-in'] as const;
const idParam = z.object({ id: z.string().min(1).max(200) });
const stamp = z.union([z.string(), z.null()]);
const Role = z.enum(['holder', 'regulator', 'admin']);

export const Me = z
  .object({
    id: z.number().int().nullable().describe('null: the bootstrap administrator (ADMIN_TOKEN)'),
    username: z.string(),
    display_name: z.string(),
    role: Role,
    holders: z.array(z.string()).describe('holder: the holder organisations the account acts for'),
    authority: z.string().nullable().describe('regulator: the registration authority the account works for'),
  })
  .meta({ id: 'Me' });

export const Account = Me.extend({
  id: z.number().int(),
  disabled: z.boolean(),
  created_at: stamp.optional(),
  updated_at: stamp.optional(),
}).meta({ id: 'Account' });

export const Token = z
  .object({
    id: z.union([z.number(), z.string()]),
    name: z.string(),
    prefix: z.string().describe('the first characters of the token, to recognise it'),
    scope: z
      .enum(['read', 'write'])
      .describe('read: the owner’s role for reading only (every write answers 403 TOKEN_READ_ONLY); write: the owner’s role'),
    created_at: z.string(),
    expires_at: stamp,
    last_used_at: stamp.optional(),
    revoked_at: stamp.optional(),
  })
  .meta({ id: 'Token' });

const LoginBody = z.object({ username: z.string().max(200), password: z.string().max(1024) });
const NewToken = z.object({
  name: z.string().trim().min(1).max(100),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
  scope: z
    .enum(['read', 'write'])
    .default('write')
    .describe('read: may read what the owner may read, never write (403 TOKEN_READ_ONLY); write (default): acts with the owner’s role'),
});
const password = z.string().min(1).max(1024);
const NewAccount = z.object({
  username: z.string().describe('lower-case letters, digits and . _ - (2–64)'),
  display_name: z.string().max(200).optional(),
  role: Role,
  holders: z.array(z.string()).max(100).optional(),
  authority: z.string().max(200).nullable().optional(),
  password,
  disabled: z.boolean().optional(),
});
const AccountPatch = z
  .object({
    display_name: z.string().max(200),
    role: Role,
    holders: z.array(z.string()).max(100),
    authority: z.string().max(200).nullable(),
    disabled: z.boolean(),
    password,
  })
  .partial();

const signedIn = { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'] } as const;

export const authRoutes = {
  login: defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in: sets the HttpOnly session cookie kq_session; answers the account and the CSRF token for writes',
    tags: auth,
    servedBy,
    body: { types: ['application/json'], schema: LoginBody },
    badInput: 'INVALID_LOGIN',
    responses: {
      200: { description: 'signed in', json: z.object({ user: Me, csrf_token: z.string() }).meta({ id: 'SignedIn' }) },
    },
    errors: { 401: ['INVALID_CREDENTIALS'], 422: ['INVALID_LOGIN'], 429: ['TOO_MANY_ATTEMPTS'] },
  }),
  logout: defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: ends the session and clears its cookie',
    tags: auth,
    servedBy,
    responses: { 204: { description: 'signed out' } },
    errors: {},
  }),
  me: defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'Who am I: the account (null when anonymous) and, for a session, its CSRF token',
    tags: auth,
    servedBy,
    responses: {
      200: {
        description: 'the caller',
        json: z.object({ user: Me.nullable(), csrf_token: z.string().nullable() }).meta({ id: 'WhoAmI' }),
      },
    },
    errors: {},
  }),
  tokens: defineRoute({
    method: 'get',
    path: '/api/tokens',
    summary: 'My personal tokens (never the token itself)',
    tags: auth,
    servedBy,
    auth: 'account',
    responses: { 200: { description: 'tokens, newest first', json: z.object({ items: z.array(Token) }).meta({ id: 'TokenList' }) } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
  }),
  createToken: defineRoute({
    method: 'post',
    path: '/api/tokens',
    summary: 'Create a personal token (shown once); use it as `Authorization: Bearer kq_…`',
    tags: auth,
    servedBy,
    auth: 'account',
    body: { types: ['application/json'], schema: NewToken },
    badInput: 'INVALID_TOKEN_REQUEST',
    responses: { 201: { description: 'the token, shown this once', json: Token.extend({ token: z.string() }).meta({ id: 'NewToken' }) } },
    errors: { ...signedIn, 422: ['INVALID_TOKEN_REQUEST'] },
  }),
  revokeToken: defineRoute({
    method: 'delete',
    path: '/api/tokens/:id',
    summary: 'Revoke one of my personal tokens',
    tags: auth,
    servedBy,
    auth: 'account',
    params: idParam,
    responses: { 204: { description: 'revoked' } },
    errors: { ...signedIn, 404: ['NOT_FOUND'] },
  }),
  accounts: defineRoute({
    method: 'get',
    path: '/api/accounts',
    summary: 'Accounts (administrators)',
    tags: auth,
    servedBy,
    auth: 'admin',
    responses: { 200: { description: 'accounts by name', json: z.object({ items: z.array(Account) }).meta({ id: 'AccountList' }) } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] },
  }),
  createAccount: defineRoute({
    method: 'post',
    path: '/api/accounts',
    summary: 'Create an account (administrators): a holder acts for ≥ 1 holder organisation, a regulator for one authority',
    tags: auth,
    servedBy,
    auth: 'admin',
    body: { types: ['application/json'], schema: NewAccount },
    badInput: 'INVALID_ACCOUNT',
    responses: { 201: { description: 'created; Location header', json: Account } },
    errors: { ...signedIn, 409: ['USERNAME_TAKEN'], 422: ['INVALID_ACCOUNT', 'UNKNOWN_AUTHORITY'] },
  }),
  updateAccount: defineRoute({
    method: 'patch',
    path: '/api/accounts/:id',
    summary:
      'Change an account (administrators): name, role and scope, disabled, password (ends its sessions); the last active administrator account cannot be disabled or demoted (409 LAST_ADMIN)',
    tags: auth,
    servedBy,
    auth: 'admin',
    params: idParam,
    body: { types: ['application/json'], schema: AccountPatch },
    badInput: 'INVALID_ACCOUNT',
    responses: { 200: { description: 'the account', json: Account } },
    errors: { ...signedIn, 404: ['NOT_FOUND'], 409: ['USERNAME_TAKEN', 'LAST_ADMIN'], 422: ['INVALID_ACCOUNT', 'UNKNOWN_AUTHORITY'] },
  }),
};
