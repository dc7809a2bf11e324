import { afterAll, beforeAll } from 'vitest';

/**
 * Something a whole test file (or the describe block it is called in) shares, a server or a browser: started in
 * `beforeAll`, stopped in `afterAll` (after hooks unwind in reverse, so what was started later stops first). The
 * returned object stands for the started thing; reading it before `beforeAll` has run throws instead of answering
 * `undefined`.
 */
export function perFile<T extends object>(what: string, start: () => Promise<T>, stop: (t: T) => Promise<unknown>): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    if (running) await stop(running);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!running) throw new Error(`${what} not started (read .${String(key)} inside a test or hook)`);
      const v: unknown = Reflect.get(running, key);
      return typeof v === 'function' ? v.bind(running) : v;
    },
  });
}
