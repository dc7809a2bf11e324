/**
 * API suite setup: every response the tests fetch from the service is checked against the contract
 * (test/helpers/contract.ts). A response that breaks it fails the test that fetched it.
 */
import { checkResponse } from '../helpers/contract';

const realFetch = globalThis.fetch;

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const res = await realFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  if (/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) await checkResponse(method, url, res);
  return res;
};
