import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

/**
 * One HTTP request sent exactly as given: the path is not normalised or re-encoded (bad percent-encoding stays
 * bad), any Host header goes through, the body is raw bytes. For hostile-input tests.
 */
export function rawRequest(
  baseUrl: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number },
): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const req = send(baseUrl, opts, (res) => answer(res).then(ok, fail), fail);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * A request that declares a body of `declaredBytes` (Content-Length) but sends only `first`, then waits for the
 * answer: a server that reads the body before answering never answers, and the promise fails after `timeoutMs`.
 * Nothing more is written, so an early answer followed by a close cannot reset a write in flight (which would lose
 * the answer); the connection is dropped once the answer has been read.
 */
export function rawAnswerBeforeBody(
  baseUrl: string,
  opts: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    declaredBytes: number;
    first: Buffer | string;
    timeoutMs?: number;
  },
): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const headers = { ...opts.headers, 'content-length': String(opts.declaredBytes) };
    const req = send(
      baseUrl,
      { ...opts, headers },
      (res) =>
        answer(res).then((r) => {
          ok(r);
          req.destroy();
        }, fail),
      fail,
    );
    req.write(opts.first);
  });
}

function send(
  baseUrl: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; timeoutMs?: number },
  onResponse: (res: IncomingMessage) => void,
  fail: (e: Error) => void,
): ClientRequest {
  const u = new URL(baseUrl);
  const method = opts.method ?? 'GET';
  const req = request(
    { host: u.hostname, port: u.port, method, path: opts.path, headers: opts.headers, timeout: opts.timeoutMs ?? 30_000 },
    onResponse,
  );
  req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${opts.path}`)));
  // an error after the answer was read (the connection dropped on purpose) settles nothing: the promise is settled
  req.on('error', fail);
  return req;
}

function answer(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      ok({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
    });
    res.on('error', fail);
  });
}

/** A GET answered as raw bytes, exactly as sent (no decompression): for content-encoding tests. */
export function rawBytes(
  baseUrl: string,
  opts: { path: string; headers: Record<string, string> },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const u = new URL(baseUrl);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, method: 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}
