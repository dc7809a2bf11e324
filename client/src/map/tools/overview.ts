/** The overview inset's projection (pure): a fixed frame over China, equirectangular scaled by cos(mid-latitude). */
export const OVERVIEW_FRAME = { w: 73, s: 17, e: 136, n: 54 } as const;

export interface Frame {
  width: number;
  height: number;
}

const K = Math.cos((((OVERVIEW_FRAME.s + OVERVIEW_FRAME.n) / 2) * Math.PI) / 180);

/** Pixel size of the inset for a width, keeping the frame's aspect. */
export function frameFor(width: number): Frame {
  const aspect = (OVERVIEW_FRAME.n - OVERVIEW_FRAME.s) / ((OVERVIEW_FRAME.e - OVERVIEW_FRAME.w) * K);
  return { width, height: Math.round(width * aspect) };
}

export function toPixel(f: Frame, lon: number, lat: number): [number, number] {
  return [
    ((lon - OVERVIEW_FRAME.w) / (OVERVIEW_FRAME.e - OVERVIEW_FRAME.w)) * f.width,
    ((OVERVIEW_FRAME.n - lat) / (OVERVIEW_FRAME.n - OVERVIEW_FRAME.s)) * f.height,
  ];
}

export function toLonLat(f: Frame, x: number, y: number): [number, number] {
  return [
    OVERVIEW_FRAME.w + (x / f.width) * (OVERVIEW_FRAME.e - OVERVIEW_FRAME.w),
    OVERVIEW_FRAME.n - (y / f.height) * (OVERVIEW_FRAME.n - OVERVIEW_FRAME.s),
  ];
}

/** The view's rectangle in inset pixels, at least `minPx` wide and high (a small view stays visible). */
export function viewRect(f: Frame, bbox: [number, number, number, number], minPx = 6): [number, number, number, number] {
  const [x0, y1] = toPixel(f, bbox[0], bbox[1]);
  const [x1, y0] = toPixel(f, bbox[2], bbox[3]);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const w = Math.max(minPx, x1 - x0);
  const h = Math.max(minPx, y1 - y0);
  return [cx - w / 2, cy - h / 2, w, h];
}
