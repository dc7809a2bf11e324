import type { Express, Request } from 'express';

const KEY = 'kq public url';

/** Remember `PUBLIC_URL` on the app (set once in createApp). */
export function setPublicUrl(app: Express, url: string | undefined): void {
  app.set(KEY, url);
}

/** host[:port] as RFC 3986 allows it in a URL authority: letters, digits, dots, dashes, an IPv6 literal; nothing else. */
const HOST_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin (and base path) for absolute links in TileJSON, OGC `links` and `next` pages.
 * `PUBLIC_URL` when configured. Without it: the request's own scheme (http/https only; X-Forwarded-Proto counts only
 * when TRUST_PROXY trusts the sender) and its Host header when that is a plain host[:port] — a header such as
 * `javascript://evil` or `evil.example/x?` is never copied into a link (issue 12, F11); the listening address is used instead.
 */
export function publicOrigin(req: Request): string {
  const configured = req.app.get(KEY) as string | undefined;
  if (configured) return configured;
  // the answer depends on the Host header: shared caches must key on it
  req.res?.vary('Host');
  const proto = req.protocol === 'https' ? 'https' : 'http';
  const host = req.get('host') ?? '';
  if (HOST_RE.test(host)) return `${proto}://${host.toLowerCase()}`;
  const a = req.socket.localAddress ?? '127.0.0.1';
  const addr = a.includes(':') && !a.startsWith('::ffff:') ? `[${a}]` : a.replace(/^::ffff:/, '');
  return `${proto}://${addr}:${req.socket.localPort ?? 80}`;
}
