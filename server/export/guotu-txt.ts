/** 国土 TXT writer: 3° Gauss-Krüger with the zone prefix, 3 decimals (mm), closing point repeated, area in hectares (planar GK, as 国土 files state it). */
import { planarPolygonAreaM2, type PlanarXY } from '../geodesy/planar';
import { gkCrsForZone, lonLatToGkConverter } from '../geodesy/crs';
import { type NamedPolygon, zonesFor } from './geometry';

export interface GuotuTxtOptions {
  /** 数据产生日期, default today (UTC). */
  date?: string;
  /** 3° zone; default: the zone of the geometry's centre. */
  zone?: number;
}

export function writeGuotuTxt(polys: NamedPolygon[], opts: GuotuTxtOptions = {}): string {
  const zone = opts.zone ?? zonesFor(polys).zone3;
  const crs = gkCrsForZone(zone)!;
  const toGk = lonLatToGkConverter(crs);
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const lines = [
    '[属性描述]',
    '格式版本号=1.01版本',
    '数据产生单位=矿权一张图',
    `数据产生日期=${date}`,
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${zone}`,
    '精度=0.001',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ];
  polys.forEach((p, i) => {
    const body: string[] = [];
    const written: PlanarXY[][] = [];
    let n = 0;
    p.rings.forEach((ring, r) => {
      const labels = ring.map(() => `J${++n}`);
      written.push([]);
      [...ring, ring[0]].forEach(([lon, lat], k) => {
        const { x, y } = toGk(lon, lat);
        body.push(`${labels[k % ring.length]},${r + 1},${x.toFixed(3)},${y.toFixed(3)}`);
        if (k < ring.length) written[r].push({ x: Number(x.toFixed(3)), y: Number(y.toFixed(3)) });
      });
    });
    // 地块面积: the planar Gauss-Krüger area of the corners as written, in hectares (the 国土 convention)
    const ha = planarPolygonAreaM2(written) / 1e4;
    lines.push(`${body.length},${ha.toFixed(4)},${i + 1},${p.name.replace(/[,@\r\n]/g, ' ')},面,,,,@`, ...body);
  });
  return lines.join('\r\n') + '\r\n';
}
