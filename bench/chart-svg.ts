/**
 * A small line chart as SVG text for docs/ (no browser, no dependency): panels side by side, x and y on log scales
 * with decade grid lines, one polyline per series with its points marked and labelled in a legend.
 */
export interface ChartPanel {
  title: string;
  xLabel: string;
  x: number[];
  series: { name: string; values: number[]; dashed?: boolean }[];
}

const W = 460;
const H = 320;
const M = { l: 62, r: 28, t: 40, b: 48 };
const COLOURS = ['#b03a2e', '#1f618d', '#555555', '#7d6608'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number) => (v >= 1000 ? `${v / 1000 >= 10 ? Math.round(v / 1000) : +(v / 1000).toFixed(1)}k` : `${+v.toPrecision(3)}`);

/** Decades spanning [lo, hi] on a log scale, widened to whole powers of ten. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function panel(p: ChartPanel, dx: number): string {
  const ys = p.series.flatMap((s) => s.values).filter((v) => v > 0);
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  // x spans the measured points (labelled at each); y whole decades (grid lines at each)
  const [x0, x1] = [Math.log10(Math.min(...p.x)), Math.log10(Math.max(...p.x))];
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks.at(-1)!)];
  const px = (v: number) => dx + M.l + ((Math.log10(v) - x0) / (x1 - x0 || 1)) * (W - M.l - M.r);
  const py = (v: number) => H - M.b - ((Math.log10(Math.max(v, 10 ** y0)) - y0) / (y1 - y0 || 1)) * (H - M.t - M.b);
  const parts: string[] = [
    `<text x="${dx + W / 2}" y="20" text-anchor="middle" font-size="12" font-weight="600">${esc(p.title)}</text>`,
    `<rect x="${dx + M.l}" y="${M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}" fill="none" stroke="#999"/>`,
  ];
  for (const t of yTicks)
    parts.push(
      `<line x1="${dx + M.l}" x2="${dx + W - M.r}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`,
      `<text x="${dx + M.l - 6}" y="${py(t) + 4}" text-anchor="end" font-size="11">${fmt(t)} ms</text>`,
    );
  for (const t of p.x)
    parts.push(
      `<line x1="${px(t)}" x2="${px(t)}" y1="${M.t}" y2="${H - M.b}" stroke="#eee"/>`,
      `<text x="${px(t)}" y="${H - M.b + 16}" text-anchor="middle" font-size="11">${fmt(t)}</text>`,
    );
  parts.push(`<text x="${dx + (M.l + W - M.r) / 2}" y="${H - 10}" text-anchor="middle" font-size="11">${esc(p.xLabel)}</text>`);
  p.series.forEach((s, i) => {
    const c = COLOURS[i % COLOURS.length];
    const pts = p.x.map((x, j) => `${px(x).toFixed(1)},${py(s.values[j]).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${c}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''} points="${pts.join(' ')}"/>`,
    );
    p.x.forEach((x, j) => parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(s.values[j]).toFixed(1)}" r="3" fill="${c}"/>`));
    const ly = M.t + 14 + i * 15;
    parts.push(
      `<line x1="${dx + M.l + 8}" x2="${dx + M.l + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${c}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`,
      `<text x="${dx + M.l + 32}" y="${ly}" font-size="11">${esc(s.name)}</text>`,
    );
  });
  return parts.join('\n');
}

export function lineChartSvg(panels: ChartPanel[]): string {
  const width = W * panels.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}" font-family="'Noto Sans CJK SC', 'Noto Sans', sans-serif">`,
    `<rect width="${width}" height="${H}" fill="#fff"/>`,
    ...panels.map((p, i) => panel(p, i * W)),
    '</svg>',
    '',
  ].join('\n');
}
