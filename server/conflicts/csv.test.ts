import { describe, expect, it } from 'vitest';
import { registerCsv } from './csv';
import type { RegisterRow } from './register';

const row = (o: Partial<RegisterRow> = {}): RegisterRow => ({
  subject: { id: 'b1', name: '区块,一', holder: '=HYPERLINK("x")', kind: 'exploration', mineral: 'cbm', status: 'valid', area_km2: 10 },
  collection: 'redlines',
  id: 'r1',
  name: '红线"甲"',
  category: 'redline',
  zone: null,
  status: 'proposed',
  holder: null,
  mineral: null,
  overlap_area_km2: 1.234567,
  share_of_input: 0.1234567,
  share_of_feature: null,
  outcome: 'keep_with_commitment',
  deductible: false,
  basis: [{ rule: 'PA-5', citation: '函', text: '…' }],
  ...o,
});

describe('registerCsv', () => {
  it('writes UTF-8 with BOM, Chinese headers, CRLF, 4-decimal km² and percent shares', () => {
    const csv = registerCsv([row()]);
    expect(csv.startsWith('\uFEFF区块编号,区块名称,矿业权人,图层')).toBe(true);
    const line = csv.split('\r\n')[1];
    expect(line).toContain('"区块,一"');
    expect(line).toContain('"红线""甲"""');
    expect(line).toContain(',生态保护红线,r1,');
    expect(line).toContain(',生态保护红线,,拟划,1.2346,12.35,,承诺保留,keep_with_commitment,PA-5 函,');
  });
  it('names the outcome as the page does (one vocabulary) and writes notes in Chinese', () => {
    const line = registerCsv([
      row({
        outcome: 'forbidden',
        basis: [{ rule: 'OVL-2', citation: 'c', text: 't', note: { code: 'X', params: {}, message: 'en', message_zh: '中文说明' } }],
      }),
    ]).split('\r\n')[1];
    expect(line).toContain(',禁止,forbidden,OVL-2 c,OVL-2：中文说明');
    expect(line).not.toContain('不得重叠');
  });
  it('keeps names from becoming spreadsheet formulas', () => {
    expect(registerCsv([row()]).split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
