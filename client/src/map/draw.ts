/**
 * Click-to-add-vertex polygon drawing: click adds a corner, double-click, Enter or a click on the first corner
 * finishes (at least 3 corners), Esc cancels, Backspace removes the last corner. No drawing library.
 * A double-click is two clicks then 'dblclick': the second click (detail 2) and any click within SNAP_PX of the
 * last corner add nothing, so finishing never adds a stray corner a few pixels off (issue 16 item 4).
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { capturePointer } from './pointer-capture';

type Pos = [number, number];

/** Screen distance (px) under which a click lands on an existing corner. */
export const SNAP_PX = 8;

/**
 * What a click while drawing does: 'add' a corner, 'ignore' it (the second click of a double-click, or on the last
 * corner again), or 'close' the ring (on the first corner with at least 3 corners).
 */
export function clickAction(
  corners: readonly { x: number; y: number }[],
  at: { x: number; y: number },
  clickCount: number,
): 'add' | 'ignore' | 'close' {
  if (clickCount > 1) return 'ignore';
  const near = (p: { x: number; y: number }) => Math.hypot(p.x - at.x, p.y - at.y) < SNAP_PX;
  if (corners.length && near(corners[corners.length - 1])) return 'ignore';
  if (corners.length >= 3 && near(corners[0])) return 'close';
  return 'add';
}

/** The closed polygon of the corners, or null with fewer than 3 distinct corners. */
export function ringToPolygon(vertices: Pos[]): GeoJSON.Polygon | null {
  const v = vertices.filter((p, i) => i === 0 || p[0] !== vertices[i - 1][0] || p[1] !== vertices[i - 1][1]);
  if (v.length > 1 && v[0][0] === v[v.length - 1][0] && v[0][1] === v[v.length - 1][1]) v.pop();
  if (v.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...v, v[0]]] };
}

/** What the draw overlay shows: the corners, the edges so far (to the cursor), and the polygon once it has 3 corners. */
export function drawFeatures(vertices: Pos[], cursor?: Pos | null): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = vertices.map((p) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: p },
  }));
  const path = cursor ? [...vertices, cursor] : vertices;
  const poly = ringToPolygon(path);
  if (poly) features.push({ type: 'Feature', properties: {}, geometry: poly });
  else if (path.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path } });
  return { type: 'FeatureCollection', features };
}

export class PolygonDraw {
  private vertices: Pos[] = [];
  private cursor: Pos | null = null;
  private active = false;
  private release: (() => void) | null = null;

  constructor(
    private readonly map: MlMap,
    private readonly onFinish: (poly: GeoJSON.Polygon) => void,
    private readonly onEnd: () => void,
  ) {}

  get isActive() {
    return this.active;
  }

  start() {
    if (this.active) return;
    this.active = true;
    this.vertices = [];
    this.cursor = null;
    this.release = capturePointer(this.map, { click: this.click, dblclick: this.dblclick, move: this.move, key: this.key });
    this.render();
  }

  /** Finish with the corners so far (needs 3). */
  finish() {
    const poly = ringToPolygon(this.vertices);
    if (!poly) return;
    this.stop();
    this.onFinish(poly);
  }

  stop() {
    if (!this.active) return;
    this.active = false;
    this.release?.();
    this.release = null;
    this.vertices = [];
    this.cursor = null;
    this.render();
    this.onEnd();
  }

  private render() {
    (this.map.getSource('draw') as GeoJSONSource | undefined)?.setData(drawFeatures(this.vertices, this.cursor));
  }

  private click = (e: MapMouseEvent) => {
    const action = clickAction(
      this.vertices.map((v) => this.map.project(v)),
      e.point,
      e.originalEvent.detail,
    );
    if (action === 'close') return this.finish();
    if (action === 'add') this.vertices.push([e.lngLat.lng, e.lngLat.lat]);
    this.render();
  };

  private dblclick = (e: MapMouseEvent) => {
    e.preventDefault();
    this.finish();
  };

  private move = (e: MapMouseEvent) => {
    this.cursor = [e.lngLat.lng, e.lngLat.lat];
    this.render();
  };

  private key = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.stop();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      this.finish();
    } else if (e.key === 'Backspace' && (e.target as HTMLElement | null)?.tagName !== 'INPUT') {
      e.preventDefault();
      this.vertices.pop();
      this.render();
    }
  };
}
