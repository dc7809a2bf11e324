import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATIONS as ENGINE_APPLICATIONS, OIL_GAS_MINERALS, OUTCOMES as ENGINE_OUTCOMES } from '../conflicts/outcomes';
import { CONFLICT_COLLECTIONS } from '../conflicts/types';
import { COLLECTIONS as FEATURE_COLLECTIONS } from '../features/collections';
import { acquisitionMethodSchema } from '../rules/schemas';
import { REGIME_IDS } from '../rules/regimes';
import { FORMATS } from '../parse/types';
import {
  ACQUISITION_METHODS,
  APPLICATIONS,
  FILE_FORMATS,
  CONTRACT_ACQUISITION_METHODS,
  COLLECTIONS,
  DECISIONS,
  OUTCOMES,
  REGIMES,
  REGISTER_TO_CONTRACT_ACQUISITION,
  SQL_CHECKED,
  STRATEGIES,
  codesOf,
  label,
  labelAny,
  labelField,
  outcomeLabel,
  outcomeSeverity,
  type Vocab,
} from './index';

const MIGRATIONS = join(import.meta.dirname, '../../sql/migrations');

/** Every `col … CHECK (col IN ('a', 'b', …))` of every CREATE TABLE in the migrations, as `table.col` → codes. */
function sqlCheckLists(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of readdirSync(MIGRATIONS)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(join(MIGRATIONS, f), 'utf8').replace(/--[^\n]*/g, '');
    for (const chunk of sql.split(/CREATE TABLE (?:IF NOT EXISTS )?/).slice(1)) {
      const t = /^(\w+)\s*\(([\s\S]*?)\n\);/.exec(chunk);
      if (!t) continue; // CREATE TABLE … (LIKE …): no columns of its own
      for (const c of t[2].matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/g)) {
        const codes = [...c[2].matchAll(/'([^']*)'/g)].map((m) => m[1]);
        out.set(`${t[1]}.${c[1]}`, codes);
      }
    }
  }
  return out;
}

const keys = (v: Vocab) => Object.keys(v);

describe('vocabularies and the SQL CHECK lists', () => {
  const sql = sqlCheckLists();

  it('finds the CHECK lists in the migrations (the parser works)', () => {
    expect(sql.get('blocks.mineral')).toEqual(['cbm', 'coal', 'oil_gas', 'tight_gas', 'shale_gas', 'other']);
    expect(sql.size).toBeGreaterThanOrEqual(13);
  });

  it('every CHECK list has a vocabulary, and each vocabulary equals its list (same codes, same order)', () => {
    for (const [col, codes] of sql) {
      expect(SQL_CHECKED[col], `no vocabulary for SQL column ${col}`).toBeDefined();
      expect(keys(SQL_CHECKED[col]), col).toEqual(codes);
    }
    for (const col of Object.keys(SQL_CHECKED)) expect(sql.has(col), `${col} has no CHECK list in sql/migrations`).toBe(true);
  });

  it('the write schemas of /collections accept exactly the vocabulary codes', () => {
    const blocks = FEATURE_COLLECTIONS.find((c) => c.id === 'blocks')!.properties.shape;
    expect(blocks.mineral.options).toEqual(keys(SQL_CHECKED['blocks.mineral']));
    expect(blocks.status.unwrap().options).toEqual(keys(SQL_CHECKED['blocks.status']));
    const pa = FEATURE_COLLECTIONS.find((c) => c.id === 'protected-areas')!.properties.shape;
    expect(pa.category.options).toEqual(keys(SQL_CHECKED['protected_areas.category']));
  });
});

describe('vocabularies and the code that decides', () => {
  it('outcomes, applications and collections match the conflict engine', () => {
    expect(keys(OUTCOMES).sort()).toEqual([...ENGINE_OUTCOMES].sort());
    expect([...ENGINE_APPLICATIONS]).toEqual(codesOf(APPLICATIONS));
    for (const c of CONFLICT_COLLECTIONS) expect(Object.hasOwn(COLLECTIONS, c), c).toBe(true);
    expect([...OIL_GAS_MINERALS].sort()).toEqual(['cbm', 'oil_gas', 'shale_gas', 'tight_gas']);
  });

  it('regimes match the rules, and every register acquisition method maps to a contract method the rules accept', () => {
    expect(keys(REGIMES).sort()).toEqual([...REGIME_IDS].sort());
    for (const code of keys(ACQUISITION_METHODS)) {
      const to = REGISTER_TO_CONTRACT_ACQUISITION[code as keyof typeof REGISTER_TO_CONTRACT_ACQUISITION];
      expect(to, code).toBeDefined();
      expect(acquisitionMethodSchema.options).toContain(to);
    }
    expect([...acquisitionMethodSchema.options].sort()).toEqual(keys(CONTRACT_ACQUISITION_METHODS).sort());
  });

  it('names every file format the parser reads', () => {
    for (const f of FORMATS) expect(Object.hasOwn(FILE_FORMATS, f), f).toBe(true);
  });

  it('decisions and strategies name every value the rules and the planner produce', () => {
    expect(keys(DECISIONS)).toEqual(expect.arrayContaining(['extend', 'refuse']));
    expect(keys(STRATEGIES)).toEqual(expect.arrayContaining(['protected-first', 'west-strip', 'corner-se']));
  });
});

describe('labels', () => {
  it('use one wording for outcomes everywhere (禁止, 扣除)', () => {
    expect(outcomeLabel('forbidden', 'zh')).toBe('禁止');
    expect(outcomeLabel('deduct', 'zh')).toBe('扣除');
    expect(outcomeLabel('forbidden', 'en')).toBe('forbidden');
  });
  it('fall back to the code for unknown values and a dash for none', () => {
    expect(label(DECISIONS, 'something_new', 'zh')).toBe('something_new');
    expect(label(DECISIONS, null, 'en')).toBe('—');
    expect(labelAny('core', 'zh')).toBe('核心保护区');
    expect(labelAny('redline', 'zh')).toBe('生态保护红线');
    expect(labelAny('hasOwnProperty', 'zh')).toBe('hasOwnProperty');
    expect(labelField('wells', 'status', 'inactive', 'zh')).toBe('停产');
    expect(labelField('pipelines', 'status', 'abandoned', 'en')).toBe('abandoned');
    expect(labelField('protected-areas', 'level', 'municipal', 'zh')).toBe('市级');
  });
  it('grade every outcome by severity; unknown ones are info', () => {
    expect(outcomeSeverity('forbidden')).toBe('block');
    expect(outcomeSeverity('keep_with_commitment')).toBe('condition');
    expect(outcomeSeverity('whatever')).toBe('info');
  });
  it('every term has both languages, the Chinese one in Chinese', () => {
    for (const v of [...Object.values(SQL_CHECKED), OUTCOMES, REGIMES, DECISIONS, STRATEGIES, COLLECTIONS]) {
      for (const [code, t] of Object.entries(v)) {
        expect(t.en, code).toMatch(/\S/);
        expect(t.zh, code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
