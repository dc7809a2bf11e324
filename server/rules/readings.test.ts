/**
 * The readings table of server/rules/README.md lists every reading the API accepts, with the default READINGS
 * states (issue 11: every disputed reading is a named parameter, documented with its article).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanBody } from '../contract/lifecycle';
import { assessmentReadingsSchema, conflictReadingsSchema, READINGS, type ReadingName } from './readings';
import { extensionContractSchema, extensionInputSchema } from './schemas';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Where the API accepts each reading'));
/** Rows of the "Where the API accepts each reading" table: API name → values column. */
const rows = new Map(
  [...section.matchAll(/^\| `([^`]+)` \| [^|]+ \| ([^|]+) \|/gm)].map((m) => [m[1], [...m[2].matchAll(/`([^`]+)`/g)].map((v) => v[1])]),
);
const readingOf = (api: string): ReadingName => (api in READINGS ? api : `contract.${api}`) as ReadingName;

describe('README readings table', () => {
  it('lists every reading the API accepts (extension assessment, block assessment, planner)', () => {
    const accepted = new Set<string>([
      ...Object.keys(assessmentReadingsSchema.shape),
      ...Object.keys(conflictReadingsSchema.shape),
      ...Object.keys(PlanBody.shape).filter((k) => k !== 'required_km2' && k !== 'max_candidates'),
      ...Object.keys(extensionContractSchema.shape)
        .map((k) => `contract.${k}`)
        .filter((k) => k in READINGS),
      ...Object.keys(extensionInputSchema.shape).filter((k) => k in READINGS),
    ]);
    expect(accepted).toContain('month_rounding');
    expect(accepted).toContain('void_reading');
    expect([...accepted].filter((k) => !rows.has(k))).toEqual([]);
    expect([...rows.keys()].filter((k) => !accepted.has(k))).toEqual([]);
  });
  it('names every reading of READINGS', () => {
    const named = new Set([...rows.keys()].map(readingOf));
    expect(Object.keys(READINGS).filter((k) => !named.has(k as ReadingName))).toEqual([]);
  });
  it('gives each reading its values, the default first, as READINGS does', () => {
    for (const [api, values] of rows) {
      const r = READINGS[readingOf(api)];
      expect(values[0], api).toBe(r.default);
      expect([...values].sort(), api).toEqual(Object.keys(r.values).sort());
    }
  });
  it('gives every rule row an article with its seed line (000:L… / 001:L…) or says it is outside the seeds', () => {
    const table = readme.slice(readme.indexOf('| rule id |'), readme.indexOf('### Where the API accepts'));
    for (const row of table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| rule id'))) {
      const article = row.split('|')[2];
      expect(article, row).toMatch(/\d{3}:L\d+|outside the seeds/);
    }
  });
});
