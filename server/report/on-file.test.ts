import { describe, expect, it } from 'vitest';
import { conflictsHtml } from './check-html';
import { onFileLines } from './on-file';
import { exportRows } from './exports';
import type { CheckModel } from './check-model';

type Entry = CheckModel['conflicts'][number];
const lines = (c: Entry, lang: 'zh' | 'en') => onFileLines(c, lang).join('\n');

const base: Entry = {
  collection: 'blocks',
  id: 'blk-1',
  name: '柿庄南',
  category: 'mining',
  zone: null,
  status: 'valid',
  holder: '甲公司',
  mineral: 'coal',
  overlap_area_km2: 3.5,
  share_of_input: 0.05,
  share_of_feature: 0.2,
  geometry: null,
  outcome: 'requires_agreement',
  deductible: false,
  basis: [{ rule: 'OVL-4', citation: '273号令 第四十一条', text: '…' }],
  severity: 'condition',
} as Entry;

const agreement = {
  id: 'agr-1',
  kind: 'agreement' as const,
  document_no: '晋煤气协〔2025〕7号',
  signed_on: '2025-03-01',
  valid_from: '2025-03-01',
  valid_to: null,
  terms: ['gas_before_coal'],
  area_km2: 2.25,
};

describe('the check report names what is on file about an overlap', () => {
  it('the part an agreement covers, with its document and terms; the part it leaves; zh and en', () => {
    const covered = {
      ...base,
      agreement: { part: 'covered' as const, overlap_km2: 3.5, covered_km2: 2.25, remaining_km2: 1.25, documents: [agreement] },
    };
    const zh = lines(covered, 'zh');
    expect(zh).toContain('在案协议覆盖部分 2.2500 km²（共重叠 3.5000 km²）');
    expect(zh).toContain('双方协议 文号 晋煤气协〔2025〕7号，2025-03-01 签订，有效期 2025-03-01 至 长期（先采气、后采煤）');
    // no English prose in the Chinese lines
    expect(zh).not.toMatch(/[A-Za-z]{3,}/);
    const en = lines(covered, 'en');
    expect(en).toContain('part covered by agreements on file: 2.2500 of 3.5000 km²');
    expect(en).toContain(
      'bilateral agreement No. 晋煤气协〔2025〕7号, signed 2025-03-01, valid 2025-03-01 to open-ended (gas first, then coal)',
    );
    const remaining = {
      ...base,
      agreement: { part: 'remaining' as const, overlap_km2: 3.5, covered_km2: 2.25, remaining_km2: 1.25, documents: [agreement] },
    };
    expect(lines(remaining, 'zh')).toContain(
      '在案协议未覆盖部分 1.2500 km²（共重叠 3.5000 km²）；在案文件：双方协议 文号 晋煤气协〔2025〕7号',
    );
    expect(lines(remaining, 'en')).toContain('part not covered by agreements on file: 1.2500 of 3.5000 km²; on file: bilateral agreement');
  });

  it('written commitments over a proposed red line, and register flags (查封, 抵押) on the right', () => {
    const rl = {
      ...base,
      collection: 'redlines',
      commitment: {
        part: 'covered' as const,
        overlap_km2: 1,
        covered_km2: 1,
        remaining_km2: 0,
        documents: [
          {
            id: 'c-1',
            document_no: '承诺〔2026〕1号',
            signed_on: '2026-01-05',
            valid_from: '2026-01-05',
            valid_to: '2028-01-04',
            terms: ['no_works_in_proposed_redline'],
            area_km2: 1,
          },
        ],
      },
    } as Entry;
    expect(lines(rl, 'zh')).toContain(
      '在案书面承诺覆盖部分 1.0000 km²（共重叠 1.0000 km²）：文号 承诺〔2026〕1号，2026-01-05 签订，有效期 2026-01-05 至 2028-01-04（不在拟划生态保护红线范围内开展作业）',
    );
    const flagged = {
      ...base,
      flags: [
        {
          id: 'f-1',
          kind: 'seizure' as const,
          document_no: '（2026）晋01执12号',
          authority: '太原市中级人民法院',
          start_on: '2026-02-01',
          end_on: null,
        },
      ],
    };
    expect(lines(flagged, 'zh')).toContain('查封：（2026）晋01执12号（太原市中级人民法院，2026-02-01 起）');
    expect(lines(flagged, 'en')).toContain('seizure: （2026）晋01执12号 (太原市中级人民法院, from 2026-02-01)');
    expect(lines(base, 'zh')).toBe('');
    expect(onFileLines(flagged, 'zh')).toHaveLength(1);
  });

  it('goes into the report’s conflicts table under the overlap’s name, and into the exported tables’ own column', () => {
    const covered = {
      ...base,
      agreement: { part: 'covered' as const, overlap_km2: 3.5, covered_km2: 2.25, remaining_km2: 1.25, documents: [agreement] },
    };
    const html = conflictsHtml({ conflicts: [covered] } as Pick<CheckModel, 'conflicts'> as never, 'zh');
    expect(html).toContain('<div class="small">在案协议覆盖部分 2.2500 km²（共重叠 3.5000 km²）：双方协议 文号 晋煤气协〔2025〕7号');
    const [row, plain] = exportRows({ results: { conflicts: [covered, base] } } as never, 'zh');
    expect(row.on_file).toBe(onFileLines(covered, 'zh').join('；'));
    expect(row.on_file).toContain('晋煤气协〔2025〕7号');
    expect(plain.on_file).toBe('');
  });
});
