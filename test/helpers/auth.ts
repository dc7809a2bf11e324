/** Signing in and sending credentials in API tests (issue 13). */
export interface Who {
  name: string;
  headers: Record<string, string>;
}

export const ANON: Who = { name: 'anonymous', headers: {} };

/** Sign in; returns the cookie and CSRF token a browser would hold. */
export async function login(base: string, username: string, password: string): Promise<Who & { cookie: string; csrf: string; id: number }> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { user: { id: number }; csrf_token: string };
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { name: username, cookie, csrf: body.csrf_token, id: body.user.id, headers: { cookie, 'x-csrf-token': body.csrf_token } };
}

export const bearer = (name: string, token: string): Who => ({ name, headers: { authorization: `Bearer ${token}` } });

export async function call(
  base: string,
  who: Who,
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...who.headers, ...extra };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] ??= 'application/json';
  return fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
}
