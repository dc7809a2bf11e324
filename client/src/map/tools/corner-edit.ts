/**
 * Editing the corners of a drawn or typed polygon on the map: drag a corner to move it, click it to select it,
 * Delete/Backspace (or the corner table's button) removes the selected corner (at least 3 stay). The numbered corners
 * (J1, J2 …) match the corner table in the check panel, which is the keyboard way to do the same.
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';

export type Pos = [number, number];

/** Screen distance (px) within which a pointer grabs a corner. */
export const GRAB_PX = 10;

/** Index of the corner nearest to `at` within `maxPx` (screen pixels), or -1. */
export function nearestCorner(screen: readonly { x: number; y: number }[], at: { x: number; y: number }, maxPx = GRAB_PX): number {
  let best = -1;
  let bestD = maxPx;
  screen.forEach((p, i) => {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/** The ring without its corner `i` (never fewer than 3 corners: then unchanged). */
export function removeCorner(ring: readonly Pos[], i: number): Pos[] {
  if (ring.length <= 3 || i < 0 || i >= ring.length) return [...ring];
  return ring.filter((_, k) => k !== i);
}

/** The ring with a corner inserted half-way between corner `i` and the next one (wrapping round). */
export function insertCornerAfter(ring: readonly Pos[], i: number): Pos[] {
  if (!ring.length) return [];
  const a = ring[i];
  const b = ring[(i + 1) % ring.length];
  const mid: Pos = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  return [...ring.slice(0, i + 1), mid, ...ring.slice(i + 1)];
}

/** The editor overlay: polygon, outline and numbered corners, the selected one highlighted. */
export function editFeatures(ring: readonly Pos[], selected: number | null): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = ring.map((p, i) => ({
    type: 'Feature',
    properties: { i, label: `J${i + 1}`, selected: i === selected },
    geometry: { type: 'Point', coordinates: p },
  }));
  if (ring.length >= 3)
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
  else if (ring.length === 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...ring] } });
  return { type: 'FeatureCollection', features };
}

const isTyping = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
};

export class CornerEditor {
  private ring: Pos[];
  private selected: number | null = null;
  private dragging = -1;
  private active = false;

  constructor(
    private readonly map: MlMap,
    ring: readonly Pos[],
    private readonly onChange: (ring: Pos[], selected: number | null) => void,
  ) {
    this.ring = ring.map((p) => [p[0], p[1]]);
  }

  get isActive() {
    return this.active;
  }

  start() {
    if (this.active) return;
    this.active = true;
    this.ensureLayers();
    this.map.on('mousedown', this.down);
    this.map.on('touchstart', this.down);
    this.map.on('mousemove', this.hover);
    window.addEventListener('keydown', this.key);
    this.render();
  }

  stop() {
    if (!this.active) return;
    this.active = false;
    this.map.off('mousedown', this.down);
    this.map.off('touchstart', this.down);
    this.map.off('mousemove', this.hover);
    this.map.off('mousemove', this.drag);
    this.map.off('touchmove', this.drag);
    window.removeEventListener('keydown', this.key);
    this.map.getCanvas().style.cursor = '';
    (this.map.getSource('draw') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
  }

  /** Replace the corners (typed in the table), keeping the selection when it still exists. */
  setRing(ring: readonly Pos[]) {
    this.ring = ring.map((p) => [p[0], p[1]]);
    if (this.selected !== null && this.selected >= this.ring.length) this.selected = null;
    this.render();
  }

  select(i: number | null) {
    this.selected = i !== null && i >= 0 && i < this.ring.length ? i : null;
    this.render();
    this.onChange(this.ring, this.selected);
  }

  removeSelected() {
    if (this.selected === null || this.ring.length <= 3) return;
    this.ring = removeCorner(this.ring, this.selected);
    this.selected = null;
    this.render();
    this.onChange(this.ring, this.selected);
  }

  /** True when a click at this screen point is the editor's (on a corner): identify stays quiet. */
  owns(point: { x: number; y: number }) {
    return this.active && nearestCorner(this.screen(), point) >= 0;
  }

  private screen() {
    return this.ring.map((p) => this.map.project(p));
  }

  private ensureLayers() {
    const m = this.map;
    if (!m.getLayer('draw-vertex')) return;
    m.setPaintProperty('draw-vertex', 'circle-radius', ['case', ['boolean', ['get', 'selected'], false], 7, 5]);
    m.setPaintProperty('draw-vertex', 'circle-color', ['case', ['boolean', ['get', 'selected'], false], '#b8860b', '#ffffff']);
    if (!m.getLayer('draw-vertex-label'))
      m.addLayer({
        id: 'draw-vertex-label',
        type: 'symbol',
        source: 'draw',
        filter: ['==', ['geometry-type'], 'Point'],
        layout: {
          'text-field': ['coalesce', ['get', 'label'], ''],
          'text-font': ['sans-serif'],
          'text-size': 12,
          'text-offset': [0, -1.2],
        },
        paint: { 'text-color': '#5c4400', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      });
  }

  private render() {
    if (!this.active) return;
    (this.map.getSource('draw') as GeoJSONSource | undefined)?.setData(editFeatures(this.ring, this.selected));
  }

  private down = (e: MapMouseEvent | MapTouchEvent) => {
    if ('originalEvent' in e && e.originalEvent instanceof MouseEvent && e.originalEvent.button !== 0) return;
    const i = nearestCorner(this.screen(), e.point);
    if (i < 0) return;
    e.preventDefault(); // no drag-pan: this gesture moves the corner
    this.dragging = i;
    this.selected = i;
    this.render();
    const move = e.type === 'touchstart' ? 'touchmove' : 'mousemove';
    const up = e.type === 'touchstart' ? 'touchend' : 'mouseup';
    this.map.on(move, this.drag);
    this.map.once(up, () => {
      this.map.off(move, this.drag);
      this.dragging = -1;
      this.onChange(this.ring, this.selected);
    });
  };

  private drag = (e: MapMouseEvent | MapTouchEvent) => {
    if (this.dragging < 0) return;
    this.ring[this.dragging] = [e.lngLat.lng, e.lngLat.lat];
    this.render();
  };

  private hover = (e: MapMouseEvent) => {
    if (this.dragging >= 0) return;
    const on = nearestCorner(this.screen(), e.point) >= 0;
    this.map.getCanvas().style.cursor = on ? 'move' : '';
  };

  private key = (e: KeyboardEvent) => {
    if (this.selected === null || isTyping(e.target)) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.removeSelected();
    }
  };
}
