/**
 * API suite setup: every response the tests fetch from the service is checked against the contract
 * (test/helpers/contract.ts). A response that breaks it fails the test that fetched it.
 */
import { checkResponse } from '../helpers/contract';

// Setup files run before every test file, also where files share one module graph (`isolate: false`): wrap the real
// fetch once, not a wrapper again per file.
const REAL = Symbol.for('kq.real-fetch');
const g = globalThis as typeof globalThis & { [REAL]?: typeof fetch };
g[REAL] ??= globalThis.fetch;
const realFetch = g[REAL];

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const res = await realFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  if (/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) await checkResponse(method, url, res);
  return res;
};
