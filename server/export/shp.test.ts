import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { parseDbf } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { DBF_TEXT_MAX, dbfText, writeShapefileZip } from './shp';

const square: [number, number][] = [
  [112.5, 35.5],
  [112.6, 35.5],
  [112.6, 35.6],
  [112.5, 35.6],
];

const readDbf = (zip: Uint8Array, layer: string, cpg: string) =>
  parseDbf(new DataView(unzipSync(zip)[`${layer}.dbf`].buffer), cpg) as Record<string, string>[];

describe('DBF text fields', () => {
  it('cuts a long value between characters, never inside one, and marks it with …', () => {
    const basis = '《矿产资源法》第十九条：'.repeat(20); // 240 characters, 720 bytes in UTF-8
    for (const enc of ['utf-8', 'gbk'] as const) {
      const bytes = dbfText(basis, enc, DBF_TEXT_MAX);
      expect(bytes.length).toBeLessThanOrEqual(DBF_TEXT_MAX);
      const text = enc === 'gbk' ? iconv.decode(Buffer.from(bytes), 'gbk') : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      expect(text.endsWith('…')).toBe(true);
      expect(basis.startsWith(text.slice(0, -1))).toBe(true);
      expect(text).not.toContain('\ufffd');
    }
    expect(new TextDecoder().decode(dbfText('沁水盆地', 'utf-8', DBF_TEXT_MAX))).toBe('沁水盆地');
  });

  it('keeps a text attribute longer than 80 bytes whole (the field is as wide as its longest value)', () => {
    const basis = '《煤层气勘查开采管理办法》第十二条：探矿权延续时应当缩减勘查面积百分之二十五'; // > 80 bytes in UTF-8
    expect(new TextEncoder().encode(basis).length).toBeGreaterThan(80);
    for (const [enc, cpg] of [
      ['utf-8', 'UTF-8'],
      ['gbk', 'GBK'],
    ] as const) {
      const zip = writeShapefileZip(
        [
          { name: '沁水区块', rings: [square] },
          { name: '寿阳区块', rings: [square] },
        ],
        'rows',
        {
          encoding: enc,
          fields: [{ name: 'BASIS', values: [basis, '短'] }],
        },
      );
      const rows = readDbf(zip, 'rows', cpg);
      expect(rows.map((r) => String(r.BASIS).trim())).toEqual([basis, '短']);
      expect(String(rows[0].NAME).trim()).toBe('沁水区块');
    }
  });

  it('a value past 254 bytes reads back shortened with …, not with a broken last character', () => {
    const long = '山西省沁水盆地南部煤层气勘查区块'.repeat(10);
    const zip = writeShapefileZip([{ name: long, rings: [square] }], 'rows', { fields: [{ name: 'HOLDER', values: [long] }] });
    const [row] = readDbf(zip, 'rows', 'UTF-8');
    for (const v of [row.NAME, row.HOLDER].map((x) => String(x).trim())) {
      expect(v.endsWith('…')).toBe(true);
      expect(v).not.toContain('\ufffd');
      expect(long.startsWith(v.slice(0, -1))).toBe(true);
    }
  });
});
