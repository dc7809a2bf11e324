/** Accounts: sign-in with a session cookie, the signed-in user, personal API tokens. */
import { getJson, send, setCsrfToken } from './http';

export type Role = 'public' | 'holder' | 'regulator' | 'admin';

/** The signed-in user as the server describes them. */
export interface Me {
  id: number | string;
  username: string;
  display_name: string;
  role: Role;
  /** holder organisations a `holder` acts for */
  holders: string[];
  /** the authority a `regulator` acts for (自然资源部 or a province/city 厅/局) */
  authority: string | null;
}

export interface Session {
  user: Me | null;
  csrf_token: string | null;
}

/** Who is signed in (the session cookie), and the CSRF token every write must carry. */
export async function me(signal?: AbortSignal): Promise<Session> {
  const s = await getJson<Session>('/api/auth/me', signal);
  setCsrfToken(s.csrf_token ?? null);
  return { user: s.user ?? null, csrf_token: s.csrf_token ?? null };
}

export async function login(username: string, password: string): Promise<Session> {
  const { data } = await send<Session>('POST', '/api/auth/login', { body: { username, password } });
  setCsrfToken(data.csrf_token ?? null);
  return { user: data.user ?? null, csrf_token: data.csrf_token ?? null };
}

export async function logout(): Promise<void> {
  try {
    await send<null>('POST', '/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export type TokenScope = 'read' | 'write';

export interface ApiToken {
  id: number | string;
  name: string;
  created_at: string;
  /** the token's first characters, to tell tokens apart */
  prefix?: string;
  /** read: reads only, every write is refused (403 TOKEN_READ_ONLY); write: acts with the owner's role */
  scope?: TokenScope;
  last_used_at?: string | null;
  expires_at?: string | null;
  /** set once revoked (revoked tokens stay listed) */
  revoked_at?: string | null;
  /** only in the answer that created it */
  token?: string;
}

export const listTokens = async (signal?: AbortSignal): Promise<ApiToken[]> => {
  const r = await getJson<ApiToken[] | { items?: ApiToken[]; tokens?: ApiToken[] }>('/api/tokens', signal);
  return Array.isArray(r) ? r : (r.items ?? r.tokens ?? []);
};
export const createToken = async (name: string, scope: TokenScope): Promise<ApiToken> =>
  (await send<ApiToken>('POST', '/api/tokens', { body: { name, scope } })).data;
export const revokeToken = async (id: ApiToken['id']): Promise<void> => {
  await send<null>('DELETE', `/api/tokens/${encodeURIComponent(String(id))}`);
};
