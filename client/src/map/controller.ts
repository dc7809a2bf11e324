/**
 * The one object that talks to MapLibre: React panels call its methods; it calls back on clicks.
 */
import {
  Map as MlMap,
  NavigationControl,
  Popup,
  ScaleControl,
  type FilterSpecification,
  type GeoJSONSource,
  type LngLatLike,
  type MapGeoJSONFeature,
  type VectorTileSource,
} from 'maplibre-gl';
import type { CheckResult, PlanCandidate } from '../api/contract';
import { bboxOf, candidateLetter } from '../format';
import { outcomeSeverity } from '../../../server/vocab';
import { SEVERITY_COLOURS, candidateColour } from './colours';
import { PolygonDraw } from './draw';
import { addBaseMap, setBaseLanguage } from './tools/basemap';
import { CornerEditor, type Pos } from './tools/corner-edit';
import { MeasureTool, type MeasureMode, type MeasureResult } from './tools/measure-tool';
import { blockFilterExpr, scaled, type BlockFilter } from './filters';
export type { BlockFilter } from './filters';
import {
  CJK_FONT_FAMILY,
  GROUPS,
  IDENTIFY_LAYERS,
  LAYER_META,
  QINSHUI_BOUNDS,
  SHANXI_VIEW,
  buildStyle,
  hatchLayer,
  type Group,
} from './style';

export interface Hit {
  collection: string;
  id: string;
  properties: Record<string, unknown>;
  lngLat: [number, number];
  cluster: boolean;
}

/** A diagonal-hatch pattern drawn on a canvas (no sprite, no network). */
function hatchImage(): ImageData {
  const s = 8;
  const c = document.createElement('canvas');
  c.width = c.height = s;
  const g = c.getContext('2d')!;
  g.strokeStyle = 'rgba(90,90,90,0.85)';
  g.lineWidth = 1.2;
  g.beginPath();
  g.moveTo(0, s);
  g.lineTo(s, 0);
  g.moveTo(-1, 1);
  g.lineTo(1, -1);
  g.moveTo(s - 1, s + 1);
  g.lineTo(s + 1, s - 1);
  g.stroke();
  return g.getImageData(0, 0, s, s);
}

declare global {
  interface Window {
    __map?: MlMap;
    __kq?: { firstBlocksIdleMs?: number; ready?: boolean };
  }
}

const SELECT_SOURCE: Record<string, { source: string; sourceLayer?: string }> = {
  blocks: { source: 'blocks', sourceLayer: 'blocks' },
  reserves: { source: 'reserves', sourceLayer: 'reserves' },
  'protected-areas': { source: 'protected-areas', sourceLayer: 'protected-areas' },
  redlines: { source: 'redlines', sourceLayer: 'redlines' },
  wells: { source: 'wells', sourceLayer: 'wells' },
  pipelines: { source: 'pipelines', sourceLayer: 'pipelines' },
};

export class MapController {
  readonly map: MlMap;
  private visible: Record<Group, boolean> = Object.fromEntries(GROUPS.map((g) => [g, true])) as Record<Group, boolean>;
  private opacity: Record<Group, number> = Object.fromEntries(GROUPS.map((g) => [g, 1])) as Record<Group, number>;
  private filter: BlockFilter = {};
  private asAtOn = false;
  private selected: { source: string; sourceLayer?: string; id: string } | null = null;
  private popup: Popup | null = null;
  private draw: PolygonDraw | null = null;
  private editor: CornerEditor | null = null;
  private measure: MeasureTool | null = null;
  private stateListeners = new Set<() => void>();
  private loaded: Promise<void>;

  constructor(
    container: HTMLElement,
    private readonly onHit: (hit: Hit | null) => void,
  ) {
    const map = new MlMap({
      container,
      style: buildStyle(location.origin),
      center: SHANXI_VIEW.center,
      zoom: SHANXI_VIEW.zoom,
      minZoom: 4,
      maxZoom: 17,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      localIdeographFontFamily: CJK_FONT_FAMILY,
      attributionControl: { compact: true, customAttribution: '演示数据为合成数据 · synthetic demo data' },
      dragRotate: false,
      pitchWithRotate: false,
      // labels appear at once for users who ask for less motion (camera moves already honour it in MapLibre)
      fadeDuration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
    });
    this.map = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    window.__map = map;
    window.__kq = { ready: false };

    this.loaded = new Promise((ok) => map.once('load', () => ok()));
    void this.loaded.then(() => {
      map.addImage('kq-hatch', hatchImage(), { pixelRatio: 1 });
      map.addLayer(hatchLayer('blk', 'blocks', 'blocks'), 'blk-line');
      map.addLayer(hatchLayer('asat', 'asat'), 'asat-line');
      map.setLayoutProperty('asat-hatch', 'visibility', 'none');
      window.__kq!.ready = true;
      // the offline context outside Shanxi (provinces, rivers): a page asset, under the register layers
      addBaseMap(map, 'zh').catch(() => undefined);
    });

    // first meaningful render: the first idle with blocks drawn (bench/map-render.ts reads it)
    const onIdle = () => {
      if (window.__kq?.firstBlocksIdleMs !== undefined) return;
      if (map.getLayer('blk-fill') && map.queryRenderedFeatures({ layers: ['blk-fill'] }).length > 0) {
        window.__kq!.firstBlocksIdleMs = performance.now();
        map.off('idle', onIdle);
      }
    };
    map.on('idle', onIdle);

    map.on('click', (e) => {
      if (this.draw?.isActive || this.measure?.isActive || this.editor?.owns(e.point)) return;
      if (this.picker) {
        this.pickAt(e.point, [e.lngLat.lng, e.lngLat.lat]);
        return;
      }
      const layers = Object.keys(IDENTIFY_LAYERS).filter((l) => map.getLayer(l) && map.getLayoutProperty(l, 'visibility') !== 'none');
      const box: [[number, number], [number, number]] = [
        [e.point.x - 4, e.point.y - 4],
        [e.point.x + 4, e.point.y + 4],
      ];
      const hits = map.queryRenderedFeatures(box, { layers });
      const f = hits[0] as MapGeoJSONFeature | undefined;
      if (!f) {
        this.onHit(null);
        return;
      }
      const props = f.properties as Record<string, unknown>;
      const cluster = props.point_count !== undefined;
      if (cluster) {
        map.easeTo({ center: e.lngLat, zoom: Math.max(map.getZoom() + 2, 10.2) });
      }
      this.onHit({
        collection: IDENTIFY_LAYERS[f.layer.id],
        id: String(props.id ?? f.id ?? ''),
        properties: props,
        lngLat: [e.lngLat.lng, e.lngLat.lat],
        cluster,
      });
    });
    for (const l of Object.keys(IDENTIFY_LAYERS)) {
      map.on('mouseenter', l, () => {
        if (!this.draw?.isActive && !this.measure?.isActive && !this.picker) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', l, () => {
        if (!this.draw?.isActive && !this.measure?.isActive && !this.picker) map.getCanvas().style.cursor = '';
      });
    }
  }

  whenLoaded() {
    return this.loaded;
  }

  /** City label points from the boundaries (label_lon/label_lat, else the bbox centre). */
  setLabels(fc: GeoJSON.FeatureCollection) {
    void this.loaded.then(() => (this.map.getSource('labels') as GeoJSONSource).setData(fc));
  }

  private layersOf(g: Group) {
    return this.map
      .getStyle()
      .layers.filter((l) => LAYER_META[l.id]?.group === g)
      .map((l) => l.id);
  }

  private applyVisibility(g: Group) {
    for (const id of this.layersOf(g)) {
      const isAsAt = id.startsWith('asat-');
      const isBlk = id.startsWith('blk-');
      const on = this.visible[g] && (!isAsAt || this.asAtOn) && (!isBlk || !this.asAtOn);
      this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    }
  }

  setGroupVisible(g: Group, on: boolean) {
    this.visible[g] = on;
    void this.loaded.then(() => this.applyVisibility(g));
    this.changed();
  }

  isGroupVisible(g: Group) {
    return this.visible[g];
  }

  /** Called when layers or filters change (the permalink listens); returns the unsubscribe. */
  onStateChange(fn: () => void): () => void {
    this.stateListeners.add(fn);
    return () => {
      this.stateListeners.delete(fn);
    };
  }

  private changed() {
    for (const fn of this.stateListeners) fn();
  }

  /** Province names of the base map in the page language. */
  setBaseLanguage(lang: 'zh' | 'en') {
    void this.loaded.then(() => setBaseLanguage(this.map, lang)).catch(() => undefined);
  }

  setGroupOpacity(g: Group, o: number) {
    this.opacity[g] = o;
    void this.loaded.then(() => {
      for (const id of this.layersOf(g)) {
        for (const [prop, base] of Object.entries(LAYER_META[id].opacity)) {
          this.map.setPaintProperty(id, prop as 'fill-opacity', scaled(base, o));
        }
      }
    });
  }

  setBlockFilter(f: BlockFilter) {
    this.filter = f;
    this.changed();
    const user = blockFilterExpr(f);
    void this.loaded.then(() => {
      for (const id of Object.keys(LAYER_META)) {
        const m = LAYER_META[id];
        if (!m.blockFilterable || !this.map.getLayer(id)) continue;
        const parts = [m.baseFilter, user].filter(Boolean) as FilterSpecification[];
        this.map.setFilter(id, parts.length === 0 ? null : parts.length === 1 ? parts[0] : (['all', ...parts] as FilterSpecification));
      }
    });
  }

  /** The register as at a date (GeoJSON overlay replacing the blocks tiles), or back to the tiles with null. */
  setAsAt(fc: GeoJSON.FeatureCollection | null) {
    this.asAtOn = fc !== null;
    void this.loaded.then(() => {
      (this.map.getSource('asat') as GeoJSONSource).setData(fc ?? { type: 'FeatureCollection', features: [] });
      this.applyVisibility('blocks');
    });
  }

  get blockFilter() {
    return this.filter;
  }

  bbox(): [number, number, number, number] {
    const b = this.map.getBounds();
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)];
  }

  select(collection: string | null, id: string | null) {
    if (this.selected) {
      this.map.setFeatureState(
        { source: this.selected.source, sourceLayer: this.selected.sourceLayer, id: this.selected.id },
        { selected: false },
      );
      this.selected = null;
    }
    if (!collection || !id) return;
    const src = this.asAtOn && collection === 'blocks' ? { source: 'asat' } : SELECT_SOURCE[collection];
    if (!src) return;
    this.selected = { ...src, id };
    this.map.setFeatureState({ source: src.source, sourceLayer: src.sourceLayer, id }, { selected: true });
  }

  showPopup(lngLat: LngLatLike, content: HTMLElement | null) {
    this.popup?.remove();
    this.popup = null;
    if (!content) return;
    this.popup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '280px', focusAfterOpen: false })
      .setLngLat(lngLat)
      .setDOMContent(content)
      .addTo(this.map);
  }

  fitBounds(b: [number, number, number, number] | null, maxZoom = 12) {
    if (!b) return;
    this.map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 40, maxZoom, duration: 600 },
    );
  }

  fitGeometry(g: GeoJSON.Geometry | null | undefined, maxZoom = 12) {
    this.fitBounds(bboxOf(g), maxZoom);
  }

  fitQinshui() {
    this.fitBounds(QINSHUI_BOUNDS, 9);
  }

  fitShanxi() {
    this.map.easeTo({ center: SHANXI_VIEW.center, zoom: SHANXI_VIEW.zoom, duration: 600 });
  }

  /** Draw a check result: the input outline and each conflict's overlap coloured by its outcome. */
  showCheck(result: { input: { geometry: GeoJSON.Geometry }; conflicts?: CheckResult['conflicts'] } | null) {
    void this.loaded.then(() => {
      const input = this.map.getSource('check-input') as GeoJSONSource;
      const conflicts = this.map.getSource('check-conflicts') as GeoJSONSource;
      if (!result) {
        (this.map.getSource('check-focus') as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] });
        this.selectedConflict = null;
        input.setData({ type: 'FeatureCollection', features: [] });
        conflicts.setData({ type: 'FeatureCollection', features: [] });
        return;
      }
      (this.map.getSource('check-focus') as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] });
      this.selectedConflict = null;
      input.setData({ type: 'Feature', properties: {}, geometry: result.input.geometry });
      conflicts.setData({
        type: 'FeatureCollection',
        features: (result.conflicts ?? [])
          .filter((c) => c.geometry)
          .map((c, i) => ({
            type: 'Feature',
            id: i,
            properties: { id: `${c.collection}:${c.id}`, outcome: c.outcome, colour: SEVERITY_COLOURS[outcomeSeverity(c.outcome)] },
            geometry: c.geometry!,
          })),
      });
      this.fitGeometry(result.input.geometry, 11.5);
    });
  }

  private selectedConflict: string | null = null;
  highlightConflict(key: string | null) {
    if (this.selectedConflict) this.map.setFeatureState({ source: 'check-conflicts', id: this.selectedConflict }, { selected: false });
    this.selectedConflict = key;
    if (key) this.map.setFeatureState({ source: 'check-conflicts', id: key }, { selected: true });
  }

  /** Focus one conflict of the shown check: zoom to it and draw it over the rest (casing + bright line, a ring for a well). */
  focusConflict(key: string | null, geometry: GeoJSON.Geometry | null) {
    void this.loaded.then(() => {
      this.highlightConflict(geometry ? key : null);
      (this.map.getSource('check-focus') as GeoJSONSource).setData(
        geometry ? { type: 'Feature', properties: { id: key }, geometry } : { type: 'FeatureCollection', features: [] },
      );
      if (geometry) this.fitGeometry(geometry, geometry.type === 'Point' ? 14 : 13);
    });
  }

  /** A box in a map corner for a panel's React portal (created once per name; empty boxes are hidden by CSS). */
  overlay(name: string): HTMLElement {
    const found = this.overlays.get(name);
    if (found) return found;
    const el = document.createElement('div');
    el.className = `maplibregl-ctrl map-overlay map-overlay-${name}`;
    this.map.addControl({ onAdd: () => el, onRemove: () => el.remove() }, 'bottom-left');
    this.overlays.set(name, el);
    return el;
  }
  private overlays = new Map<string, HTMLElement>();

  // ---- picking a block on the map (the containment check's exploration block)
  private picker: { onPick: (hit: Hit) => void; onEnd: () => void } | null = null;

  /** The next click on a block (blocks layer or the as-at overlay) is passed to `onPick` instead of opening its details. */
  pickBlock(onPick: (hit: Hit) => void, onEnd: () => void) {
    this.cancelPick();
    this.draw?.stop();
    this.picker = { onPick, onEnd };
    this.map.getCanvas().style.cursor = 'crosshair';
  }

  cancelPick() {
    const p = this.picker;
    this.picker = null;
    this.map.getCanvas().style.cursor = '';
    p?.onEnd();
  }

  private pickAt(point: { x: number; y: number }, lngLat: [number, number]) {
    const layers = ['blk-fill', 'asat-fill'].filter((l) => this.map.getLayer(l) && this.map.getLayoutProperty(l, 'visibility') !== 'none');
    const hits = this.map.queryRenderedFeatures(
      [
        [point.x - 3, point.y - 3],
        [point.x + 3, point.y + 3],
      ],
      { layers },
    );
    // where blocks overlap, the exploration right (what a containment check needs) before the topmost
    const f = hits.find((h) => h.properties.kind === 'exploration') ?? hits[0];
    if (!f || !this.picker) return; // not on a block: keep waiting
    const props = f.properties as Record<string, unknown>;
    const p = this.picker;
    this.picker = null;
    this.map.getCanvas().style.cursor = '';
    p.onPick({ collection: 'blocks', id: String(props.id ?? f.id ?? ''), properties: props, lngLat, cluster: false });
    p.onEnd();
  }

  showCandidates(cands: PlanCandidate[] | null) {
    void this.loaded.then(() => {
      (this.map.getSource('candidates') as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: (cands ?? []).map((c, i) => ({
          type: 'Feature',
          properties: { id: String(c.id ?? i), letter: candidateLetter(i), colour: candidateColour(i) },
          geometry: c.geometry,
        })),
      });
    });
  }

  private selectedCandidate: string | null = null;
  selectCandidate(c: PlanCandidate | null, i = 0) {
    if (this.selectedCandidate) this.map.setFeatureState({ source: 'candidates', id: this.selectedCandidate }, { selected: false });
    this.selectedCandidate = c ? String(c.id ?? i) : null;
    if (c) {
      this.map.setFeatureState({ source: 'candidates', id: this.selectedCandidate! }, { selected: true });
      this.fitGeometry(c.geometry, 10.5);
    }
  }

  /** Fetch a layer's tiles again after a write (a new query string passes the browser's tile cache). */
  refreshTiles(collection: string) {
    const id = SELECT_SOURCE[collection]?.source;
    const src = id ? (this.map.getSource(id) as VectorTileSource | undefined) : undefined;
    if (!src || typeof src.setTiles !== 'function') return;
    src.setTiles([`${location.origin}/tiles/${id}/{z}/{x}/{y}.mvt?v=${Date.now()}`]);
  }

  startDraw(onFinish: (poly: GeoJSON.Polygon) => void, onEnd: () => void) {
    this.draw?.stop();
    this.stopEditCorners();
    this.stopMeasure();
    this.draw = new PolygonDraw(this.map, onFinish, onEnd);
    this.draw.start();
  }

  stopDraw() {
    this.draw?.stop();
  }

  get drawing() {
    return !!this.draw?.isActive || !!this.measure?.isActive;
  }

  /** Edit the corners of a polygon on the map (drag, select, Delete); `onChange` gets the corners and the selection. */
  editCorners(ring: Pos[], onChange: (ring: Pos[], selected: number | null) => void) {
    this.stopEditCorners();
    this.editor = new CornerEditor(this.map, ring, onChange);
    void this.loaded.then(() => this.editor?.start());
  }

  /** New corners from the corner table. */
  setCorners(ring: Pos[]) {
    this.editor?.setRing(ring);
  }

  selectCorner(i: number | null) {
    this.editor?.select(i);
  }

  get editingCorners() {
    return !!this.editor?.isActive;
  }

  stopEditCorners() {
    this.editor?.stop();
    this.editor = null;
  }

  startMeasure(mode: MeasureMode, onUpdate: (r: MeasureResult | null) => void) {
    this.draw?.stop();
    this.stopMeasure();
    this.measure = new MeasureTool(this.map, mode, onUpdate);
    void this.loaded.then(() => this.measure?.start());
  }

  stopMeasure() {
    this.measure?.stop();
    this.measure = null;
  }

  get measuring(): MeasureMode | null {
    return this.measure?.isActive ? this.measure.mode : null;
  }

  destroy() {
    this.draw?.stop();
    this.picker = null;
    this.stopEditCorners();
    this.stopMeasure();
    this.map.remove();
    if (window.__map === this.map) delete window.__map;
  }
}
