/**
 * A vector map figure (SVG, millimetre units) for printed reports: features projected to CGCS2000
 * Gauss-Krüger (3° zone of the subject), overlaps hatched by outcome (hatching clipped to each
 * overlap, so it stays vector in the PDF), corner numbers, a scale bar, a true-north arrow
 * (rotated by the grid convergence), and a lon/lat graticule labelled along the frame in DMS.
 * Pure: geometry in, SVG text out.
 */
import type { Geometry, Position } from 'geojson';
import { gkConverter, gkCrsForZone, lonLatToGkConverter, zone3ForLon, type GkCrs } from '../geodesy/crs';
import { esc } from './html';

export interface HatchStyle {
  /** stroke colour */
  color: string;
  /** hatch angle in degrees (0 = horizontal); null for an outline only */
  angle: number | null;
  /** fill opacity under the hatch (0 = none) */
  fillOpacity?: number;
  dash?: string;
  strokeWidth?: number;
}

export interface MapLayer {
  geometries: Geometry[];
  style: HatchStyle;
}

export interface MapCorner {
  lon: number;
  lat: number;
  label: string;
}

export interface MapOptions {
  widthMm: number;
  heightMm: number;
  /** the extent to frame (usually the subject), lon/lat */
  frame: Geometry[];
  layers: MapLayer[];
  corners?: MapCorner[];
  lang: 'zh' | 'en';
  /** force a 3° zone (default: from the frame's centre longitude) */
  zone?: number;
}

export interface MapFigure {
  svg: string;
  zone: number;
  epsg: number;
  /** 1 : scale on paper at the figure's printed size */
  scale: number;
}

type XY = [number, number];

function eachPosition(g: Geometry, f: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      f(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(f);
      break;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((r) => r.forEach(f));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => r.forEach(f)));
      break;
    case 'GeometryCollection':
      g.geometries.forEach((x) => eachPosition(x, f));
      break;
  }
}

const NICE_STEPS_SEC = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
const n2 = (v: number) => v.toFixed(2);

/** DMS label of a graticule line: 112°36′ or 112°36′30″ (whole seconds; the step is whole seconds). */
export function graticuleLabel(deg: number, stepSec: number): string {
  const total = Math.round(Math.abs(deg) * 3600);
  const d = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (stepSec % 3600 === 0) return `${d}°`;
  if (stepSec % 60 === 0) return `${d}°${String(m).padStart(2, '0')}′`;
  return `${d}°${String(m).padStart(2, '0')}′${String(s).padStart(2, '0')}″`;
}

/** A round scale-bar length (m) close to `target` m: 1, 2 or 5 × 10^n. */
export function niceLength(target: number): number {
  const p = 10 ** Math.floor(Math.log10(target));
  for (const k of [5, 2, 1]) if (k * p <= target) return k * p;
  return p;
}

export function mapFigure(o: MapOptions): MapFigure {
  // --- projection: GK of the frame's 3° zone ---
  let minLon = Infinity,
    maxLon = -Infinity;
  for (const g of o.frame) eachPosition(g, ([lon]) => ((minLon = Math.min(minLon, lon)), (maxLon = Math.max(maxLon, lon))));
  if (!Number.isFinite(minLon)) throw new RangeError('map: empty frame');
  const zone = o.zone ?? zone3ForLon((minLon + maxLon) / 2);
  const crs = gkCrsForZone(zone) as GkCrs;
  const fwd = lonLatToGkConverter(crs);
  const inv = gkConverter(crs);
  const en = (p: Position): XY => {
    const { x, y } = fwd(p[0], p[1]);
    return [y, x]; // easting, northing
  };

  // --- frame: bbox of the subject with a margin, fitted to the drawing area keeping 1:1 ---
  const pad = { l: 16, r: 13, t: 3, b: 15 };
  const fw = o.widthMm - pad.l - pad.r;
  const fh = o.heightMm - pad.t - pad.b;
  let e0 = Infinity,
    e1 = -Infinity,
    n0 = Infinity,
    n1 = -Infinity;
  for (const g of o.frame)
    eachPosition(g, (p) => {
      const [e, n] = en(p);
      e0 = Math.min(e0, e);
      e1 = Math.max(e1, e);
      n0 = Math.min(n0, n);
      n1 = Math.max(n1, n);
    });
  const span = Math.max(e1 - e0, n1 - n0, 50);
  const mPerMm = Math.max(((e1 - e0 || span) * 1.12) / fw, ((n1 - n0 || span) * 1.12) / fh);
  const ec = (e0 + e1) / 2,
    nc = (n0 + n1) / 2;
  const E0 = ec - (fw / 2) * mPerMm,
    N1 = nc + (fh / 2) * mPerMm;
  const toSvg = (p: Position): XY => {
    const [e, n] = en(p);
    return [pad.l + (e - E0) / mPerMm, pad.t + (N1 - n) / mPerMm];
  };
  const fromSvg = (sx: number, sy: number): XY => inv(N1 - (sy - pad.t) * mPerMm, E0 + (sx - pad.l) * mPerMm);

  const ringPath = (ring: Position[]) =>
    ring
      .map((p, i) => {
        const [x, y] = toSvg(p);
        return `${i ? 'L' : 'M'}${n2(x)} ${n2(y)}`;
      })
      .join('') + 'Z';
  const linePath = (line: Position[]) =>
    line
      .map((p, i) => {
        const [x, y] = toSvg(p);
        return `${i ? 'L' : 'M'}${n2(x)} ${n2(y)}`;
      })
      .join('');
  const areaPath = (g: Geometry): string =>
    g.type === 'Polygon'
      ? g.coordinates.map(ringPath).join('')
      : g.type === 'MultiPolygon'
        ? g.coordinates.flat().map(ringPath).join('')
        : g.type === 'GeometryCollection'
          ? g.geometries.map(areaPath).join('')
          : '';
  const lineD = (g: Geometry): string =>
    g.type === 'LineString'
      ? linePath(g.coordinates)
      : g.type === 'MultiLineString'
        ? g.coordinates.map(linePath).join('')
        : g.type === 'GeometryCollection'
          ? g.geometries.map(lineD).join('')
          : '';
  const points = (g: Geometry): Position[] => (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : []);

  const out: string[] = [];
  const defs: string[] = [`<clipPath id="frame"><rect x="${pad.l}" y="${pad.t}" width="${n2(fw)}" height="${n2(fh)}"/></clipPath>`];
  const body: string[] = [];

  // hatch lines covering the frame at an angle, spaced 1.1 mm
  const hatch = (angle: number, color: string) => {
    const cx = pad.l + fw / 2,
      cy = pad.t + fh / 2,
      r = Math.hypot(fw, fh) / 2 + 2;
    const lines: string[] = [];
    for (let d = -r; d <= r; d += 1.1) lines.push(`M${n2(cx - r)} ${n2(cy + d)}H${n2(cx + r)}`);
    return `<path d="${lines.join('')}" stroke="${color}" stroke-width="0.22" transform="rotate(${-angle} ${n2(cx)} ${n2(cy)})"/>`;
  };

  o.layers.forEach((layer, i) => {
    const area = layer.geometries.map(areaPath).join('');
    const lines = layer.geometries.map(lineD).join('');
    const pts = layer.geometries.flatMap(points);
    const s = layer.style;
    if (area) {
      if (s.angle !== null) {
        defs.push(`<clipPath id="h${i}"><path d="${area}" clip-rule="evenodd"/></clipPath>`);
        if (s.fillOpacity)
          body.push(`<path d="${area}" fill="${s.color}" fill-opacity="${s.fillOpacity}" fill-rule="evenodd" stroke="none"/>`);
        body.push(`<g clip-path="url(#h${i})">${hatch(s.angle, s.color)}</g>`);
      }
      body.push(
        `<path d="${area}" fill="none" fill-rule="evenodd" stroke="${s.color}" stroke-width="${s.strokeWidth ?? 0.3}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      );
    }
    if (lines)
      body.push(
        `<path d="${lines}" fill="none" stroke="${s.color}" stroke-width="${s.strokeWidth ?? 0.45}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      );
    for (const p of pts) {
      const [x, y] = toSvg(p);
      body.push(`<circle cx="${n2(x)}" cy="${n2(y)}" r="0.7" fill="#fff" stroke="${s.color}" stroke-width="0.35"/>`);
    }
  });

  // --- graticule ---
  const [lonA, latA] = fromSvg(pad.l, pad.t + fh),
    [lonB, latB] = fromSvg(pad.l + fw, pad.t);
  const [lonC, latC] = fromSvg(pad.l, pad.t),
    [lonD, latD] = fromSvg(pad.l + fw, pad.t + fh);
  const gLon0 = Math.min(lonA, lonC),
    gLon1 = Math.max(lonB, lonD),
    gLat0 = Math.min(latA, latD),
    gLat1 = Math.max(latB, latC);
  const pickStep = (deg: number) => NICE_STEPS_SEC.find((s) => (deg * 3600) / s <= 5) ?? 7200;
  const stepLon = pickStep(gLon1 - gLon0),
    stepLat = pickStep(gLat1 - gLat0);
  const grat: string[] = [];
  const labels: string[] = [];
  const font = 'font-size="2.3" fill="#333"';
  for (let k = Math.ceil((gLon0 * 3600) / stepLon); k * stepLon <= gLon1 * 3600; k++) {
    const lon = (k * stepLon) / 3600;
    const pts: Position[] = [];
    for (let j = 0; j <= 24; j++) pts.push([lon, gLat0 + ((gLat1 - gLat0) * j) / 24]);
    grat.push(linePath(pts));
  }
  for (let k = Math.ceil((gLat0 * 3600) / stepLat); k * stepLat <= gLat1 * 3600; k++) {
    const lat = (k * stepLat) / 3600;
    const pts: Position[] = [];
    for (let j = 0; j <= 24; j++) pts.push([gLon0 + ((gLon1 - gLon0) * j) / 24, lat]);
    grat.push(linePath(pts));
  }
  // labels where the lines meet the bottom (longitude) and left (latitude) edges
  const edgeCrossings = (axis: 0 | 1, step: number, at: (t: number) => XY) => {
    const found: { t: number; v: number }[] = [];
    let prev = fromSvg(...at(0))[axis];
    for (let j = 1; j <= 400; j++) {
      const cur = fromSvg(...at(j / 400))[axis];
      const a = Math.floor((prev * 3600) / step),
        b = Math.floor((cur * 3600) / step);
      if (a !== b) {
        const v = (Math.max(a, b) * step) / 3600;
        found.push({ t: (j - 1 + (v - prev) / (cur - prev)) / 400, v });
      }
      prev = cur;
    }
    return found;
  };
  for (const { t, v } of edgeCrossings(0, stepLon, (t) => [pad.l + t * fw, pad.t + fh]))
    labels.push(
      `<text x="${n2(pad.l + t * fw)}" y="${n2(pad.t + fh + 3.2)}" text-anchor="middle" ${font}>${graticuleLabel(v, stepLon)}</text>`,
    );
  for (const { t, v } of edgeCrossings(1, stepLat, (t) => [pad.l, pad.t + fh - t * fh]))
    labels.push(
      `<text x="${n2(pad.l - 0.8)}" y="${n2(pad.t + fh - t * fh + 0.8)}" text-anchor="end" ${font}>${graticuleLabel(v, stepLat)}</text>`,
    );

  // --- corners ---
  const cornerMarks: string[] = [];
  const corners = o.corners ?? [];
  const every = corners.length > 80 ? Math.ceil(corners.length / 80) : 1;
  corners.forEach((c, i) => {
    const [x, y] = toSvg([c.lon, c.lat]);
    cornerMarks.push(`<circle cx="${n2(x)}" cy="${n2(y)}" r="0.45" fill="#000"/>`);
    if (i % every === 0)
      cornerMarks.push(
        `<text x="${n2(x + 0.9)}" y="${n2(y - 0.9)}" font-size="2.4" fill="#000" stroke="#fff" stroke-width="0.5" paint-order="stroke">${esc(c.label)}</text>`,
      );
  });

  // --- scale bar (bottom left, inside the frame) ---
  const barM = niceLength(fw * 0.28 * mPerMm);
  const barMm = barM / mPerMm;
  const bx = pad.l + fw - barMm - 24,
    by = pad.t + fh + 9.5;
  const unit = barM >= 1000 ? `${barM / 1000} km` : `${barM} m`;
  const scaleDen = Math.round(mPerMm * 1000);
  const scaleBar = [
    `<rect x="${n2(bx)}" y="${n2(by)}" width="${n2(barMm / 2)}" height="1.2" fill="#000"/>`,
    `<rect x="${n2(bx + barMm / 2)}" y="${n2(by)}" width="${n2(barMm / 2)}" height="1.2" fill="#fff" stroke="#000" stroke-width="0.2"/>`,
    `<text x="${n2(bx)}" y="${n2(by - 0.8)}" font-size="2.3" text-anchor="middle">0</text>`,
    `<text x="${n2(bx + barMm)}" y="${n2(by - 0.8)}" font-size="2.3" text-anchor="end">${unit}</text>`,
    `<text x="${n2(bx + barMm + 3)}" y="${n2(by + 1.1)}" font-size="2.3">1:${scaleDen.toLocaleString('en-US')}</text>`,
  ].join('');

  // --- north arrow (true north at the frame centre) ---
  const [lc, pc] = fromSvg(pad.l + fw / 2, pad.t + fh / 2);
  const [ax, ay] = toSvg([lc, pc]);
  const [bx2, by2] = toSvg([lc, pc + 0.01]);
  const rot = (Math.atan2(bx2 - ax, ay - by2) * 180) / Math.PI;
  const nx = pad.l + fw + 6.5,
    ny = pad.t + 8;
  const north = `<g transform="translate(${n2(nx)} ${n2(ny)}) rotate(${rot.toFixed(3)})"><path d="M0 -4.5L2 2.5L0 1.2L-2 2.5Z" fill="#000"/><text y="-5.4" font-size="2.8" text-anchor="middle" font-weight="bold">${o.lang === 'zh' ? '北' : 'N'}</text></g>`;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.widthMm}mm" height="${o.heightMm}mm" viewBox="0 0 ${o.widthMm} ${o.heightMm}" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif">`,
  );
  out.push(`<defs>${defs.join('')}</defs>`);
  out.push(`<g clip-path="url(#frame)"><rect x="${pad.l}" y="${pad.t}" width="${n2(fw)}" height="${n2(fh)}" fill="#fff"/>`);
  out.push(`<path d="${grat.join('')}" fill="none" stroke="#9a9a9a" stroke-width="0.15" stroke-dasharray="0.8 0.6"/>`);
  out.push(body.join(''), cornerMarks.join(''), '</g>', scaleBar, north);
  out.push(`<rect x="${pad.l}" y="${pad.t}" width="${n2(fw)}" height="${n2(fh)}" fill="none" stroke="#000" stroke-width="0.35"/>`);
  out.push(labels.join(''));
  out.push('</svg>');
  return { svg: out.join(''), zone, epsg: crs.epsg, scale: scaleDen };
}
