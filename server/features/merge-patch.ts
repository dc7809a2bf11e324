/**
 * JSON Merge Patch (RFC 7396): what a PATCH of a feature applies to its current representation.
 * Objects merge member by member; `null` removes a member; anything else (arrays, numbers, strings, and an
 * object over a non-object) replaces the target.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '__proto__') continue;
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
