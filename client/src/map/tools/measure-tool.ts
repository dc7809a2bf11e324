/**
 * Measuring on the map: click points, double-click or Enter ends, Esc clears, Backspace removes the last point.
 * 'distance' sums geodesic segments; 'area' closes the polygon. Numbers from ./measure (GRS80, GeographicLib).
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { clickAction } from '../draw';
import { capturePointer } from '../pointer-capture';
import { pathLengthM, polygonMeasure } from './measure';

type Pos = [number, number];
export type MeasureMode = 'distance' | 'area';

export interface MeasureResult {
  mode: MeasureMode;
  points: Pos[];
  /** metres (distance: the path; area: the perimeter) */
  lengthM: number;
  /** m², area mode only */
  areaM2: number;
  done: boolean;
}

const SOURCE = 'kq-measure';

export function measureResult(mode: MeasureMode, points: Pos[], done: boolean): MeasureResult {
  if (mode === 'distance') return { mode, points, lengthM: pathLengthM(points), areaM2: 0, done };
  const m = polygonMeasure(points);
  return { mode, points, lengthM: m.perimeterM, areaM2: m.areaM2, done };
}

function features(mode: MeasureMode, pts: Pos[]): GeoJSON.FeatureCollection {
  const f: GeoJSON.Feature[] = pts.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
  if (mode === 'area' && pts.length >= 3)
    f.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]]] } });
  else if (pts.length >= 2) f.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: pts } });
  return { type: 'FeatureCollection', features: f };
}

export class MeasureTool {
  private points: Pos[] = [];
  private cursor: Pos | null = null;
  private done = false;
  private active = false;
  private release: (() => void) | null = null;

  constructor(
    private readonly map: MlMap,
    readonly mode: MeasureMode,
    private readonly onUpdate: (r: MeasureResult | null) => void,
  ) {}

  get isActive() {
    return this.active;
  }

  start() {
    this.active = true;
    this.ensureLayers();
    this.release = capturePointer(this.map, { click: this.click, dblclick: this.dblclick, move: this.move, key: this.key });
    this.render();
  }

  stop() {
    if (!this.active) return;
    this.active = false;
    this.release?.();
    this.release = null;
    this.points = [];
    this.cursor = null;
    this.render();
    this.onUpdate(null);
  }

  /** Add a point by its coordinates (keyboard or tests). */
  addPoint(p: Pos) {
    if (this.done) this.reset();
    this.points.push(p);
    this.emit();
  }

  finish() {
    if (this.points.length < (this.mode === 'area' ? 3 : 2)) return;
    this.done = true;
    this.cursor = null;
    this.emit();
  }

  private reset() {
    this.points = [];
    this.done = false;
  }

  private emit() {
    this.render();
    const live = !this.done && this.cursor ? [...this.points, this.cursor] : this.points;
    this.onUpdate(measureResult(this.mode, live, this.done));
  }

  private ensureLayers() {
    const m = this.map;
    if (!m.getSource(SOURCE)) m.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    if (!m.getLayer('measure-fill'))
      m.addLayer({
        id: 'measure-fill',
        type: 'fill',
        source: SOURCE,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#7b3294', 'fill-opacity': 0.15 },
      });
    if (!m.getLayer('measure-line'))
      m.addLayer({
        id: 'measure-line',
        type: 'line',
        source: SOURCE,
        filter: ['!=', ['geometry-type'], 'Point'],
        paint: { 'line-color': '#7b3294', 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
      });
    if (!m.getLayer('measure-point'))
      m.addLayer({
        id: 'measure-point',
        type: 'circle',
        source: SOURCE,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 4, 'circle-color': '#fff', 'circle-stroke-color': '#7b3294', 'circle-stroke-width': 2 },
      });
  }

  private render() {
    const live = !this.done && this.cursor && this.active ? [...this.points, this.cursor] : this.points;
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(features(this.mode, live));
  }

  private click = (e: MapMouseEvent) => {
    if (this.done) this.reset();
    const action = clickAction(
      this.points.map((p) => this.map.project(p)),
      e.point,
      e.originalEvent.detail,
    );
    if (action === 'close' && this.mode === 'area') return this.finish();
    if (action === 'add' || action === 'close') this.points.push([e.lngLat.lng, e.lngLat.lat]);
    this.emit();
  };

  private dblclick = (e: MapMouseEvent) => {
    e.preventDefault();
    this.finish();
  };

  private move = (e: MapMouseEvent) => {
    if (this.done) return;
    this.cursor = [e.lngLat.lng, e.lngLat.lat];
    if (this.points.length) this.emit();
  };

  private key = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA') return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.stop();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.finish();
    } else if (e.key === 'Backspace' && !this.done) {
      e.preventDefault();
      this.points.pop();
      this.emit();
    }
  };
}
