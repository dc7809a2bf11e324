/**
 * JSON text made elsewhere (a worker), placed into a response without parsing it back into objects and
 * stringifying it again on the main thread. A 200,000-corner input echoed in a check's answer costs ~0.3 s of main
 * thread to clone from the worker and ~0.35 s to stringify on a quiet 2-core machine: every other request (health
 * included) waits that long. As text it is one memory copy.
 *
 * `rawJson(text)` stands for the value in a response body; `stringifyWithRaw(body)` writes the body with each such
 * value's text in place. Serialised any other way (plain `JSON.stringify`), it parses its text: slower, never wrong.
 */
import { randomBytes } from 'node:crypto';

const TEXT = Symbol('raw JSON text');

interface Raw {
  readonly [TEXT]: string;
  toJSON(): unknown;
}

/** The values met by the stringify in progress (JSON.stringify is synchronous: one at a time). */
let collecting: { nonce: string; found: string[] } | null = null;

/** A value whose JSON is `text` (already valid JSON, written by JSON.stringify). Typed as what it stands for. */
export function rawJson<T>(text: string): T {
  const raw: Raw = {
    [TEXT]: text,
    toJSON() {
      if (!collecting) return JSON.parse(text) as unknown;
      collecting.found.push(text);
      return `\u0000${collecting.nonce}:${collecting.found.length - 1}\u0000`;
    },
  };
  return raw as unknown as T;
}

/** JSON.stringify(body), with every rawJson value's text in place. */
export function stringifyWithRaw(body: unknown): string {
  const nonce = randomBytes(6).toString('hex');
  collecting = { nonce, found: [] };
  let skeleton: string;
  let found: string[];
  try {
    skeleton = JSON.stringify(body);
  } finally {
    found = collecting.found;
    collecting = null;
  }
  if (found.length === 0) return skeleton;
  // a marker is a whole JSON string: "\u0000<nonce>:<i>\u0000" (NUL written as its escape)
  const marker = new RegExp(`"\\\\u0000${nonce}:(\\d+)\\\\u0000"`, 'g');
  return skeleton.replace(marker, (_m, i: string) => found[Number(i)]);
}
