/**
 * docs/planner.md's figures are what the service computes (issue 11, "must show"): the generated section between the
 * planner-figures markers must equal a fresh run of data/planner-figures.ts. On failure run `npm run planner:figures`
 * and read the diff — a changed figure is a changed rule or changed demo data, to be explained in the commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, plannerFiguresSection, START, withFigures } from './planner-figures';

const doc = readFileSync(new URL('../docs/planner.md', import.meta.url), 'utf8');

describe('docs/planner.md figures', () => {
  it('agree with what the rules and the planner inputs compute (npm run planner:figures)', { timeout: 30_000 }, () => {
    const section = plannerFiguresSection();
    expect(doc.slice(doc.indexOf(START), doc.indexOf(END) + END.length)).toBe(section);
    expect(withFigures(doc, section)).toBe(doc);
    // the worked figures the issue names (273号令 第十五条/第十七条; 11号 四, 000:L4254)
    expect(section).toContain('**52.4605 km²**');
    expect(section).toContain('**74.44525 km²**');
    // 沁源 on the seed facts is refused (u > 50 %, 273号令 第十七条, 000:L3388), so 744.40225 km² is no requirement
    expect(section).toMatch(/decision \| \*\*refuse\*\*/);
    expect(section).toContain('744.40225 km²');
  });
  it('refuses a document without its markers', () => {
    expect(() => withFigures('# no markers', '')).toThrow(/markers/);
  });
});
