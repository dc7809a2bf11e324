/**
 * Real-world coordinate-file shapes (issue 10), each built here to mimic what public announcements and 勘测定界
 * files publish: read right (every corner; area equal to GeographicLib's on the corners as written, 1e-6 relative)
 * or refused with a precise bilingual message.
 */
import * as GL from 'geographiclib-geodesic';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { gkConverter, gkCrsForZone } from '../geodesy/crs';
import { formatDms } from '../geodesy/dms';
import { planarPolygonAreaM2 } from '../geodesy/planar';
import { parseUpload, type ParseResult } from './index';
import { isNumericCell } from './table';

const lib = ((GL as unknown as { default?: typeof GL }).default ?? GL) as typeof GL;
const geod = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);

/** GeographicLib area (km²) of lon/lat rings (outer minus holes), straight from the numbers. */
function refKm2(rings: [number, number][][]): number {
  return (
    rings.reduce((s, r, i) => {
      const p = geod.Polygon(false);
      for (const [lon, lat] of r) p.AddPoint(lat, lon);
      const a = Math.abs(p.Compute(false, true).area!);
      return s + (i === 0 ? a : -a);
    }, 0) / 1e6
  );
}

/** An 11-corner block (GK zone 38, X north / Y east with prefix), clockwise as 界址点 are listed. */
const GK11: [number, number][] = Array.from({ length: 11 }, (_, i) => {
  const t = (-2 * Math.PI * i) / 11;
  const r = 2000 + 300 * Math.sin(3 * t);
  return [Math.round((3966000 + r * Math.cos(t)) * 1000) / 1000, Math.round((38378000 + r * Math.sin(t)) * 1000) / 1000];
});
const conv = gkConverter(gkCrsForZone(38)!);
const LL11 = GK11.map(([x, y]) => conv(x, y));
/** DMS text with 4 decimals of seconds, and the value it stands for (parsed independently here). */
const dms = (v: number) => formatDms(v, 4);
const dmsValue = (s: string) => {
  const m = /^(\d+)°(\d+)′([\d.]+)″$/.exec(s)!;
  return Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
};
/** Packed ddd.mmssssss of a value (via its DMS text). */
const packed = (v: number) => {
  const m = /^(\d+)°(\d+)′(\d+)\.(\d+)″$/.exec(dms(v))!;
  return `${m[1]}.${m[2]}${m[3]}${m[4]}`;
};
const LL11_AS_WRITTEN = LL11.map(([lon, lat]) => [dmsValue(dms(lon)), dmsValue(dms(lat))] as [number, number]);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const a = e as AppError;
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect(a.message).toBeTruthy();
    expect(a.messageZh).toMatch(/[\u4e00-\u9fff]/);
    return a;
  }
  throw new Error('expected a refusal');
}

/** Every corner of `want` is in the result's ring, in order (either direction), and the area matches. */
function expectBlock(r: ParseResult, want: [number, number][], tol = 1e-9) {
  expect(r.parcels).toHaveLength(1);
  const ring = r.parcels[0].rings[0].slice(0, -1);
  expect(ring).toHaveLength(want.length);
  const start = ring.findIndex(([a, b]) => Math.abs(a - want[0][0]) < tol && Math.abs(b - want[0][1]) < tol);
  expect(start).toBeGreaterThanOrEqual(0);
  const fwd = want.every(
    (w, i) => Math.abs(ring[(start + i) % ring.length][0] - w[0]) < tol && Math.abs(ring[(start + i) % ring.length][1] - w[1]) < tol,
  );
  const back = want.every((w, i) => {
    const p = ring[(start - i + ring.length) % ring.length];
    return Math.abs(p[0] - w[0]) < tol && Math.abs(p[1] - w[1]) < tol;
  });
  expect(fwd || back).toBe(true);
  expect(Math.abs(r.area_km2 / refKm2([want]) - 1)).toBeLessThan(1e-6);
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const codes = (r: ParseResult) => r.warnings.map((w) => w.code);

describe('two coordinate groups per row', () => {
  const rows = (label = true) =>
    Array.from({ length: 6 }, (_, i) => {
      const left = LL11[i];
      const right = LL11[i + 6];
      const l = [label ? String(i + 1) : '', dms(left[1]), dms(left[0])];
      const r = right ? [label ? String(i + 7) : '', dms(right[1]), dms(right[0])] : ['', '', ''];
      return (label ? [...l, ...r] : [l[1], l[2], r[1], r[2]]).join(',');
    });

  it('reads both halves in point order (序号,北纬,东经,序号,北纬,东经), all 11 corners', async () => {
    const r = await parseUpload(csv(['序号,北纬,东经,序号,北纬,东经', ...rows()]), '公示.csv');
    expectBlock(r, LL11_AS_WRITTEN);
    expect(codes(r)).toContain('PARSE_GROUPS_READ');
    expect(r.warnings.find((w) => w.code === 'PARSE_GROUPS_READ')!.params).toMatchObject({ groups: 2, corners: 11, order: 'groups' });
  });

  it('reads row by row when the point numbers run across (1 2 / 3 4 …)', async () => {
    const lines = ['点号,纬度,经度,点号,纬度,经度'];
    for (let i = 0; i < 11; i += 2) {
      const a = LL11[i];
      const b = LL11[i + 1];
      lines.push([`J${i + 1}`, dms(a[1]), dms(a[0]), ...(b ? [`J${i + 2}`, dms(b[1]), dms(b[0])] : ['', '', ''])].join(','));
    }
    const r = await parseUpload(csv(lines), 'a.csv');
    expectBlock(r, LL11_AS_WRITTEN);
    expect(r.warnings.find((w) => w.code === 'PARSE_GROUPS_READ')!.params).toMatchObject({ order: 'rows' });
  });

  it('without point numbers: left block first, and says it assumed so', async () => {
    const r = await parseUpload(csv(['北纬,东经,北纬,东经', ...rows(false)]), 'a.csv');
    expectBlock(r, LL11_AS_WRITTEN);
    expect(codes(r)).toContain('PARSE_GROUPS_ORDER_ASSUMED');
  });

  it('refuses a labelled point with no coordinates (half a table)', async () => {
    const body = rows();
    body[5] = body[5].replace(/,,,$/, ',12,,');
    const e = await refusal(parseUpload(csv(['序号,北纬,东经,序号,北纬,东经', ...body]), 'a.csv'));
    expect(e.details![0]).toMatchObject({ line: 7, point: '12' });
  });
});

describe('packed ddd.mmss degrees', () => {
  const table = (h1: string, h2: string) =>
    csv([`点号,${h1},${h2}`, ...LL11.map(([lon, lat], i) => `J${i + 1},${packed(lat)},${packed(lon)}`)]);

  it('reads them as DMS when the header says 度分秒, with a warning', async () => {
    const r = await parseUpload(table('北纬(度分秒)', '东经(度分秒)'), 'a.csv');
    expectBlock(r, LL11_AS_WRITTEN);
    const w = r.warnings.find((x) => x.code === 'PARSE_PACKED_DMS')!;
    expect(w.message_zh).toContain('度分秒');
    expect(w.line).toBe(2);
  });

  it('asks when the header is silent and every value could be packed (never guesses)', async () => {
    const e = await refusal(parseUpload(table('北纬', '东经'), 'a.csv'));
    expect(e.code).toBe('PARSE_ANGLE_AMBIGUOUS');
    expect(e.message).toMatch(/decimal degrees or packed ddd\.mmss/);
    expect(e.messageZh).toContain('十进制度');
    expect(e.details![0]).toMatchObject({ line: 2 });
  });

  it('reads decimals when the header says 十进制度, and refuses a 度分秒 header over values that cannot be', async () => {
    const r = await parseUpload(table('北纬(十进制度)', '东经(十进制度)'), 'a.csv');
    expect(r.parcels[0].rings[0][0][0]).toBeCloseTo(Number(packed(LL11[0][0])), 12);
    const bad = csv(['点号,北纬(度分秒),东经(度分秒)', 'J1,35.7512,112.6000', 'J2,35.7600,112.6100', 'J3,35.7700,112.6000']);
    expect((await refusal(parseUpload(bad, 'a.csv'))).code).toBe('PARSE_PACKED_DMS_INVALID');
  });

  it('plain decimals with minutes digits ≥ 60 are read as decimals, silently', async () => {
    const r = await parseUpload(csv(['lon,lat', ...LL11.map(([lon, lat]) => `${lon.toFixed(8)},${lat.toFixed(8)}`)]), 'a.csv');
    expect(r.warnings).toEqual([]);
  });
});

describe('point-label columns and headers', () => {
  it('a name/点名 column holding J1, J2 … labels points; it is not the parcel name', async () => {
    for (const h of ['name', '点名', '名称']) {
      const r = await parseUpload(csv([`${h},经度,纬度`, ...LL11.map(([lon, lat], i) => `J${i + 1},${dms(lon)},${dms(lat)}`)]), '红线.csv');
      expectBlock(r, LL11_AS_WRITTEN);
      expect(r.parcels[0].name).toBe('红线');
    }
  });

  it.each([
    ['纬度BN', '经度LE'],
    ['B', 'L'],
    ['北纬(°)', '东经(°)'],
    ['北纬（度）', '东经（度）'],
    ['纬度 N', '经度 E'],
  ])('reads headers %s / %s', async (hLat, hLon) => {
    const r = await parseUpload(
      csv([`序号,${hLat},${hLon}`, ...LL11.map(([lon, lat], i) => `${i + 1},${lat.toFixed(10)},${lon.toFixed(10)}`)]),
      'a.csv',
    );
    expectBlock(
      r,
      LL11.map(([lon, lat]) => [Number(lon.toFixed(10)), Number(lat.toFixed(10))]),
    );
  });

  it('reads X坐标(m) / Y坐标(m)', async () => {
    const r = await parseUpload(
      csv(['点号,X坐标(m),Y坐标(m)', ...GK11.map(([x, y], i) => `J${i + 1},${x.toFixed(3)},${y.toFixed(3)}`)]),
      'a.csv',
    );
    expectBlock(r, LL11);
    expect(r.crs).toBe(4526);
  });
});

describe('point lists separated by blanks or tabs, circled labels', () => {
  const circled = (i: number) => String.fromCodePoint(0x2460 + i);
  const lines = (sep: string) => {
    const out: string[] = [];
    for (let i = 0; i < 11; i += 2) {
      const a = GK11[i];
      const b = GK11[i + 1];
      out.push(
        [
          `${circled(i)}${a[0].toFixed(3)}${sep}${a[1].toFixed(3)}`,
          ...(b ? [`${circled(i + 1)}${b[0].toFixed(3)}${sep}${b[1].toFixed(3)}`] : []),
        ].join(sep),
      );
    }
    return out;
  };

  it('reads ①X Y ②X Y two per line (spaces), never gluing ①4 into 14', async () => {
    const r = await parseUpload(Buffer.from(lines(' ').join('\n')), '界址点.txt');
    expect(r.format).toBe('csv');
    expectBlock(r, LL11);
    expect(r.parcels[0].rings[0].slice(0, -1).every(([lon, lat]) => lon > 112 && lon < 113 && lat > 35 && lat < 36)).toBe(true);
  });

  it('reads the same list tab-separated, with a title line', async () => {
    const r = await parseUpload(Buffer.from(['某某项目用地界址点坐标', ...lines('\t')].join('\r\n')), 'a.txt');
    expectBlock(r, LL11);
  });

  it('refuses a lone number (half a point) with its line', async () => {
    const l = lines(' ');
    l[2] = l[2].replace(/ [\d.]+$/, '');
    const e = await refusal(parseUpload(Buffer.from(l.join('\n')), 'a.txt'));
    expect(e.details![0]).toMatchObject({ line: 3 });
  });
});

describe('国土 TXT variants', () => {
  const HEAD = ['［属性描述］', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格', '计量单位=米(m)', '带号=38'];
  const sq = (x0: number, y0: number, d: number, ring: number, first: number) => {
    const c = [
      [x0, y0],
      [x0 + d, y0],
      [x0 + d, y0 + d],
      [x0, y0 + d],
      [x0, y0],
    ];
    return c.map(([x, y], i) => `J${first + (i % 4)}\t${ring}\t${x.toFixed(3)}\t${y.toFixed(3)}`);
  };
  const txt = (body: string[], head = HEAD) => Buffer.from([...head, '【地块坐标】', ...body].join('\r\n'), 'utf8');

  it('full-width section marks, 计量单位=米(m), tab-separated points; clockwise listing gives no orientation warning', async () => {
    const r = await parseUpload(txt(['5,400.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1)]), 'a.txt');
    expect(r.format).toBe('guotu-txt');
    expect(r.parcels[0].vertex_count).toBe(4);
    expect(codes(r)).not.toContain('PARSE_ORIENTATION_FIXED');
    expect(codes(r)).not.toContain('PARSE_AREA_MISMATCH');
    const d = r.parcels[0].declared_area!;
    expect(d).toMatchObject({ value: 400, unit: 'ha', agrees: true });
    expect(d.note.message_zh).toContain('高斯-克吕格平面面积 400.0000 公顷');
    expect(r.parcels[0].planar_gk!.area_km2).toBeCloseTo(4, 9);
    expect(r.parcels[0].area_km2).not.toBeCloseTo(4, 4); // ellipsoidal differs: reported, not an error
  });

  it('a 地块 with parts numbered 圈号 1 and 101 (and a hole 2): parts listed, the message names 圈号 101', async () => {
    const body = [
      '15,800.0000,1,两块地,面,,,,@',
      ...sq(3960000, 38375000, 2000, 1, 1),
      ...sq(3960500, 38375500, 500, 2, 5),
      ...sq(3970000, 38375000, 2000, 101, 9),
    ];
    body[0] = `${body.length - 1},775.0000,1,两块地,面,,,,@`;
    const r = await parseUpload(txt(body), 'a.txt');
    expect(r.parcels.map((p) => p.name)).toEqual(['两块地（圈号 1）', '两块地（圈号 101）']);
    expect(r.parcels[0].rings).toHaveLength(2);
    expect(r.geometry.type).toBe('MultiPolygon');
    expect(codes(r)).toContain('PARSE_PARTS_SPLIT');
    expect(r.parcels[0].declared_area).toMatchObject({ value: 775, agrees: true, parts: ['两块地（圈号 1）', '两块地（圈号 101）'] });
    const bad = [...body.slice(0, 11), 'J9\t101\t3970000\t38375000', 'J10\t101\t3972000\t38375000', 'J9\t101\t3970000\t38375000'];
    bad[0] = `${bad.length - 1},775.0000,1,两块地,面,,,,@`;
    const e = await refusal(parseUpload(txt(bad), 'a.txt'));
    expect(e.message).toContain('圈号 101');
    expect(e.messageZh).toContain('圈号 101');
    expect(e.details![0]).toMatchObject({ ring: 101 });
  });

  it('界址点数 larger than listed: a warning when the listed rings close and reproduce the declared area; a refusal otherwise', async () => {
    const ok = await parseUpload(txt(['9,400.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1)]), 'a.txt');
    expect(ok.warnings.find((w) => w.code === 'PARSE_POINT_COUNT_SHORT')!.params).toMatchObject({ declared: 9, found: 5 });
    const wrongArea = await refusal(parseUpload(txt(['9,410.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1)]), 'a.txt'));
    expect(wrongArea.messageZh).toContain('与申报面积不符');
    const open = await refusal(parseUpload(txt(['9,400.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1).slice(0, 4)]), 'a.txt'));
    expect(open.messageZh).toContain('未闭合');
  });

  it('an area/total line under the points is skipped with a warning that names it', async () => {
    const r = await parseUpload(txt(['5,400.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1), '面积合计,400.0000']), 'a.txt');
    expect(r.warnings.find((w) => w.code === 'PARSE_ROW_SKIPPED')).toMatchObject({ line: 14 });
  });

  it('a declared area that disagrees beyond its rounding is warned, compared like with like (planar GK)', async () => {
    const r = await parseUpload(txt(['5,410.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1)]), 'a.txt');
    const w = r.warnings.find((x) => x.code === 'PARSE_AREA_MISMATCH')!;
    expect(w.message_zh).toContain('高斯-克吕格平面面积为 400.0000 公顷');
    expect(w.params).toMatchObject({ declared: '410.0000', planar: '400.0000' });
  });

  it('GBK with CRLF, as 国土 systems write it', async () => {
    const r = await parseUpload(
      iconv.encode(txt(['5,400.0000,1,方块,面,,,,@', ...sq(3960000, 38375000, 2000, 1, 1)]).toString(), 'gbk'),
      'a.txt',
    );
    expect(r.parcels[0].name).toBe('方块');
  });
});

describe('refusals that say what was seen', () => {
  it('DMS whose ′″ marks were lost (23°5733.084)', async () => {
    const e = await refusal(
      parseUpload(
        csv(['点号,北纬,东经', 'J1,23°5733.084,113°15′12.000″', 'J2,23°57′40.000″,113°15′30.000″', 'J3,23°57′20.000″,113°15′40.000″']),
        'a.csv',
      ),
    );
    expect(e.code).toBe('PARSE_DMS_MARKS_LOST');
    expect(e.message).toContain("'23°5733.084'");
    expect(e.message).toContain('23°57′33.084″');
    expect(e.messageZh).toContain('分秒符号');
    expect(e.details![0]).toMatchObject({ line: 2 });
  });

  it('old datums are named, with the reason (no public transformation parameters)', async () => {
    const head = [
      '[属性描述]',
      '坐标系=1980西安坐标系',
      '几度分带=3',
      '带号=38',
      '[地块坐标]',
      '5,400,1,x,面,,,,@',
      'J1,1,3960000,38375000',
      'J2,1,3962000,38375000',
      'J3,1,3962000,38377000',
      'J1,1,3960000,38375000',
    ];
    const e1 = await refusal(parseUpload(Buffer.from(head.join('\n')), 'a.txt'));
    expect(e1.code).toBe('PARSE_CRS_UNSUPPORTED');
    expect(e1.messageZh).toContain('1980西安坐标系');
    expect(e1.messageZh).toContain('没有公开的转换参数');
    expect(e1.message).toContain("Xi'an 1980");
    const e2 = await refusal(
      parseUpload(
        csv(['某矿区范围拐点坐标（1954北京坐标系）', '点号,X,Y', 'J1,3960000,38375000', 'J2,3962000,38375000', 'J3,3962000,38377000']),
        'a.csv',
      ),
    );
    expect(e2.messageZh).toContain('1954北京坐标系');
    expect(e2.details![0]).toMatchObject({ line: 1 });
    const e3 = await refusal(parseUpload(Buffer.from('坐标系：北京54\n'), 'a.txt'));
    expect(e3.code).toBe('PARSE_CRS_UNSUPPORTED');
    // converted to CGCS2000 and saying so: read
    const ok = await parseUpload(
      csv([
        '坐标由1980西安坐标系转换为2000国家大地坐标系',
        '点号,X,Y',
        'J1,3960000,38375000',
        'J2,3962000,38375000',
        'J3,3962000,38377000',
      ]),
      'a.csv',
    );
    expect(ok.crs).toBe(4526);
  });
});

describe('nothing dropped', () => {
  it('every numeric cell ends in a corner, a label, the declared area or a warning that names it', async () => {
    const lines = [
      '某区块界址点成果表,,,,,,,,',
      '编制日期,2026,,,,,,,',
      '序号,北纬,东经,高程,序号,北纬,东经,高程,备注',
      ...Array.from({ length: 6 }, (_, i) => {
        const l = LL11[i];
        const r = LL11[i + 6];
        return [
          i + 1,
          dms(l[1]),
          dms(l[0]),
          800 + i,
          ...(r ? [i + 7, dms(r[1]), dms(r[0]), 900 + i] : ['', '', '', '']),
          i === 2 ? '3.5' : '',
        ].join(',');
      }),
      `面积,${(refKm2([LL11_AS_WRITTEN]) * 100).toFixed(2)},公顷,,,,,,`,
      '注：坐标系为2000国家大地坐标系,,,,,,,,',
      '合计,11,,,,,,,',
    ];
    const r = await parseUpload(csv(lines), 'a.csv');
    expectBlock(r, LL11_AS_WRITTEN);
    const cells = lines.map((l) => l.split(','));
    const numeric = cells.flat().filter(isNumericCell).length;
    const corners = r.parcels[0].vertex_count;
    const labels = 11;
    const named = r.warnings
      .filter((w) => w.code === 'PARSE_CELLS_NOT_USED')
      .reduce((s, w) => s + String(w.params!.cells).split(', ').length, 0);
    const skippedLines = new Set(r.warnings.filter((w) => w.code === 'PARSE_ROW_SKIPPED').map((w) => w.line));
    const inSkipped = cells.reduce((s, row, i) => s + (skippedLines.has(i + 1) ? row.filter(isNumericCell).length : 0), 0);
    expect(2 * corners + labels + named + inSkipped).toBe(numeric);
    expect(named).toBe(1 + 11 + 1); // 2026 in the title block, the 高程 column, the 备注 3.5
    expect(skippedLines).toEqual(new Set([10, 11, 12]));
    expect(r.parcels[0].declared_area).toMatchObject({ unit: 'ha', line: 10 });
  });
});

describe('planar area helper agrees with the GK table', () => {
  it('is the shoelace of the written X/Y', () => {
    expect(planarPolygonAreaM2([GK11.map(([x, y]) => ({ x, y }))])).toBeGreaterThan(1e7);
  });
});

describe('parcel names are kept', () => {
  it('a parcel name written once per parcel (merged cells) is still the parcel name, not a point label', async () => {
    const lines = ['地块名称,点号,经度,纬度'];
    ['甲区', '乙区', '丙区'].forEach((name, k) =>
      LL11.slice(0, 4).forEach(([lon, lat], i) =>
        lines.push(`${i === 0 ? name : ''},J${i + 1},${(lon + k * 0.1).toFixed(8)},${lat.toFixed(8)}`),
      ),
    );
    const r = await parseUpload(csv(lines), 'a.csv');
    expect(r.parcels.map((p) => p.name)).toEqual(['甲区', '乙区', '丙区']);
  });

  it('a parcel called "Area A" is not a note row', async () => {
    const r = await parseUpload(csv(['name,lon,lat', ...LL11.map(([lon, lat]) => `Area A,${lon.toFixed(8)},${lat.toFixed(8)}`)]), 'a.csv');
    expect(r.parcels[0].name).toBe('Area A');
    expect(r.parcels[0].vertex_count).toBe(11);
  });
});
