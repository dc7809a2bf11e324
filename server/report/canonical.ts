/**
 * Canonical JSON for signing: object keys sorted (by UTF-16 code units), no whitespace, numbers as
 * JavaScript prints them (shortest round-trip form), `undefined` members dropped, non-finite numbers
 * refused. The same value always gives the same bytes, so a signature over them can be checked again.
 * (A small subset of RFC 8785 JCS: enough for records built from JSON data.)
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonical JSON: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON: cannot encode ${typeof value}`);
  }
}

export interface Difference {
  /** JSON path, e.g. `results.summary.net_area_km2` or `results.conflicts[3].name` */
  path: string;
  expected: unknown;
  found: unknown;
}

/** Where two JSON values differ (leaf paths; at most `max`). */
export function jsonDiff(expected: unknown, found: unknown, path = '', out: Difference[] = [], max = 50): Difference[] {
  if (out.length >= max) return out;
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (isObj(expected) && isObj(found) && Array.isArray(expected) === Array.isArray(found)) {
    if (Array.isArray(expected)) {
      const f = found as unknown[];
      const n = Math.max(expected.length, f.length);
      for (let i = 0; i < n && out.length < max; i++) jsonDiff(expected[i], f[i], `${path}[${i}]`, out, max);
    } else {
      const e = expected as Record<string, unknown>;
      const f = found as Record<string, unknown>;
      for (const k of [...new Set([...Object.keys(e), ...Object.keys(f)])].sort()) {
        if (out.length >= max) break;
        jsonDiff(e[k], f[k], path ? `${path}.${k}` : k, out, max);
      }
    }
    return out;
  }
  if (canonicalJson(expected ?? null) !== canonicalJson(found ?? null)) out.push({ path: path || '$', expected, found });
  return out;
}
