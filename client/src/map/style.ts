/**
 * The map style: an offline base map (background + `boundaries` tiles + city labels drawn with the
 * browser's own fonts: no `glyphs`, no external tiles) and the register layers from our vector tiles.
 * Every layer belongs to a legend group (toggle + opacity) listed in LAYER_GROUPS.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import {
  BACKGROUND,
  CLUSTER_COLOUR,
  FOCUS_CASING,
  FOCUS_COLOUR,
  PIPE_COLOURS,
  REDLINE_COLOUR,
  RESERVE_COLOUR,
  WELL_COLOURS,
  blockColourExpr,
  clusterRadiusExpr,
  matchColour,
  paColourExpr,
  INACTIVE_STATUSES,
  FLAG_COLOURS,
} from './colours';

export const TILE_LAYERS = ['boundaries', 'protected-areas', 'redlines', 'blocks', 'reserves', 'pipelines', 'wells'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

export const GROUPS = ['boundaries', 'protected', 'redlines', 'blocks', 'reserves', 'pipelines', 'wells'] as const;
export type Group = (typeof GROUPS)[number];

/** Font stack for local text rendering (no glyph server). */
export const TEXT_FONT = ['sans-serif'];
export const CJK_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";

export const SHANXI_VIEW = { center: [112.3, 37.5] as [number, number], zoom: 6.3 };
/** 沁水 basin (approximate extent of the demo's qinshui blocks). */
export const QINSHUI_BOUNDS: [number, number, number, number] = [111.9, 35.45, 113.45, 38.1];

const INACTIVE = ['in', ['get', 'status'], ['literal', INACTIVE_STATUSES]] as ExpressionSpecification & FilterSpecification;
const selected = (on: unknown, off: unknown) =>
  ['case', ['boolean', ['feature-state', 'selected'], false], on, off] as unknown as ExpressionSpecification;

/** How each layer's opacity is scaled by its group's slider: paint property → base value. */
export interface LayerMeta {
  group: Group;
  opacity: Record<string, number | ExpressionSpecification>;
  /** filter the layer always has (user filters are AND-ed to it) */
  baseFilter?: FilterSpecification;
  /** true for the layers the block filters (status, mineral, holder) apply to */
  blockFilterable?: boolean;
}
export const LAYER_META: Record<string, LayerMeta> = {};

function vector(layer: TileLayer, origin: string): SourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: 14,
    promoteId: 'id',
    bounds: [110.0, 34.4, 114.8, 40.9],
  };
}

const emptyFc = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function add(layers: LayerSpecification[], spec: LayerSpecification, meta?: LayerMeta) {
  if (meta) {
    LAYER_META[spec.id] = meta;
    if (meta.baseFilter) (spec as { filter?: FilterSpecification }).filter = meta.baseFilter;
  }
  layers.push(spec);
}

/**
 * Block fill/line/label layers over a source: the vector tiles, or the as-at GeoJSON overlay. In the tiles the
 * labels come from their own layer, one point per block (`labelLayer`: block-labels), so a block split over
 * several tiles is still labelled once.
 */
function blockLayers(layers: LayerSpecification[], prefix: string, source: string, sourceLayer?: string, labelLayer?: string) {
  const sl = sourceLayer ? { 'source-layer': sourceLayer } : {};
  const ll = labelLayer ? { 'source-layer': labelLayer } : sl;
  const fillOpacity = selected(0.65, ['case', INACTIVE, 0.12, 0.32]);
  add(
    layers,
    {
      id: `${prefix}-fill`,
      type: 'fill',
      source,
      ...sl,
      paint: { 'fill-color': blockColourExpr, 'fill-opacity': fillOpacity },
    } as LayerSpecification,
    { group: 'blocks', opacity: { 'fill-opacity': fillOpacity }, blockFilterable: true },
  );
  add(
    layers,
    {
      id: `${prefix}-line`,
      type: 'line',
      source,
      ...sl,
      paint: { 'line-color': blockColourExpr, 'line-width': selected(3, 1.1), 'line-opacity': ['case', INACTIVE, 0.55, 0.95] },
    } as LayerSpecification,
    { group: 'blocks', opacity: { 'line-opacity': ['case', INACTIVE, 0.55, 0.95] }, blockFilterable: true },
  );
  add(
    layers,
    {
      id: `${prefix}-label`,
      type: 'symbol',
      source,
      ...ll,
      minzoom: 8.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 11, 'text-max-width': 8, 'symbol-placement': 'point' },
      paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.2 },
    } as LayerSpecification,
    { group: 'blocks', opacity: { 'text-opacity': 1 }, blockFilterable: true },
  );
}

function flagLayer(layers: LayerSpecification[], source: string, sourceLayer: string) {
  add(
    layers,
    {
      id: 'blk-flag',
      type: 'line',
      source,
      'source-layer': sourceLayer,
      filter: ['any', ['has', 'seized'], ['has', 'mortgaged']],
      paint: {
        'line-color': ['case', ['has', 'seized'], FLAG_COLOURS.seizure, FLAG_COLOURS.mortgage],
        'line-width': 2.5,
        'line-dasharray': [2, 1.5],
      },
    } as LayerSpecification,
    { group: 'blocks', opacity: { 'line-opacity': 1 }, blockFilterable: true },
  );
}

/** The hatch layer of expired/cancelled blocks needs the pattern image, added at load (map/controller.ts). */
export function hatchLayer(prefix: string, source: string, sourceLayer?: string): LayerSpecification {
  const spec = {
    id: `${prefix}-hatch`,
    type: 'fill',
    source,
    ...(sourceLayer ? { 'source-layer': sourceLayer } : {}),
    filter: INACTIVE,
    paint: { 'fill-pattern': 'kq-hatch', 'fill-opacity': 0.8 },
  } as LayerSpecification;
  LAYER_META[spec.id] = { group: 'blocks', opacity: { 'fill-opacity': 0.8 }, baseFilter: INACTIVE, blockFilterable: true };
  return spec;
}

export function buildStyle(origin: string): StyleSpecification {
  const layers: LayerSpecification[] = [];
  add(layers, { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } });

  // --- offline base map
  add(
    layers,
    {
      id: 'bnd-province-fill',
      type: 'fill',
      source: 'boundaries',
      'source-layer': 'boundaries',
      paint: { 'fill-color': '#fbfbf6', 'fill-opacity': 1 },
    },
    { group: 'boundaries', opacity: { 'fill-opacity': 1 }, baseFilter: ['==', ['get', 'level'], 'province'] },
  );
  add(
    layers,
    {
      id: 'bnd-city-line',
      type: 'line',
      source: 'boundaries',
      'source-layer': 'boundaries',
      paint: { 'line-color': '#a3a396', 'line-width': 0.8, 'line-dasharray': [3, 2], 'line-opacity': 0.9 },
    },
    { group: 'boundaries', opacity: { 'line-opacity': 0.9 }, baseFilter: ['==', ['get', 'level'], 'city'] },
  );
  add(
    layers,
    {
      id: 'bnd-province-line',
      type: 'line',
      source: 'boundaries',
      'source-layer': 'boundaries',
      paint: { 'line-color': '#5f5f52', 'line-width': 1.8, 'line-opacity': 1 },
    },
    { group: 'boundaries', opacity: { 'line-opacity': 1 }, baseFilter: ['==', ['get', 'level'], 'province'] },
  );

  // --- protected areas and red lines
  const paOpacity: ExpressionSpecification = selected(0.6, ['match', ['get', 'zone'], 'core', 0.45, 'general', 0.22, 0.28]);
  add(
    layers,
    {
      id: 'pa-fill',
      type: 'fill',
      source: 'protected-areas',
      'source-layer': 'protected-areas',
      paint: { 'fill-color': paColourExpr, 'fill-opacity': paOpacity },
    },
    { group: 'protected', opacity: { 'fill-opacity': paOpacity } },
  );
  add(
    layers,
    {
      id: 'pa-line',
      type: 'line',
      source: 'protected-areas',
      'source-layer': 'protected-areas',
      paint: { 'line-color': paColourExpr, 'line-width': selected(2.5, 1), 'line-opacity': 0.9 },
    },
    { group: 'protected', opacity: { 'line-opacity': 0.9 } },
  );
  const redFill: ExpressionSpecification = selected(0.35, 0.1);
  add(
    layers,
    {
      id: 'red-fill',
      type: 'fill',
      source: 'redlines',
      'source-layer': 'redlines',
      paint: { 'fill-color': REDLINE_COLOUR, 'fill-opacity': redFill },
    },
    { group: 'redlines', opacity: { 'fill-opacity': redFill } },
  );
  add(
    layers,
    {
      id: 'red-official-line',
      type: 'line',
      source: 'redlines',
      'source-layer': 'redlines',
      paint: { 'line-color': REDLINE_COLOUR, 'line-width': 1.6, 'line-opacity': 1 },
    },
    { group: 'redlines', opacity: { 'line-opacity': 1 }, baseFilter: ['==', ['get', 'status'], 'official'] },
  );
  add(
    layers,
    {
      id: 'red-proposed-line',
      type: 'line',
      source: 'redlines',
      'source-layer': 'redlines',
      paint: { 'line-color': REDLINE_COLOUR, 'line-width': 1.6, 'line-dasharray': [3, 2], 'line-opacity': 1 },
    },
    { group: 'redlines', opacity: { 'line-opacity': 1 }, baseFilter: ['==', ['get', 'status'], 'proposed'] },
  );

  // --- blocks (tiles) and the as-at overlay (GeoJSON, hidden until used)
  blockLayers(layers, 'blk', 'blocks', 'blocks', 'block-labels');
  flagLayer(layers, 'blocks', 'blocks');
  blockLayers(layers, 'asat', 'asat');
  for (const id of ['asat-fill', 'asat-line', 'asat-label']) (layers.find((l) => l.id === id)!.layout ??= {}).visibility = 'none';

  // --- reserves
  add(
    layers,
    {
      id: 'res-fill',
      type: 'fill',
      source: 'reserves',
      'source-layer': 'reserves',
      paint: { 'fill-color': RESERVE_COLOUR, 'fill-opacity': 0.45 },
    },
    { group: 'reserves', opacity: { 'fill-opacity': 0.45 } },
  );
  add(
    layers,
    {
      id: 'res-line',
      type: 'line',
      source: 'reserves',
      'source-layer': 'reserves',
      paint: { 'line-color': '#d66a00', 'line-width': selected(2.5, 1), 'line-opacity': 1 },
    },
    { group: 'reserves', opacity: { 'line-opacity': 1 } },
  );

  // --- pipelines: trunk thick, gathering thin; planned/under construction dashed
  const pipeWidth: ExpressionSpecification = [
    'interpolate',
    ['linear'],
    ['zoom'],
    6,
    ['match', ['get', 'type'], 'trunk', 2.2, 0.6],
    12,
    ['match', ['get', 'type'], 'trunk', 4.5, 1.6],
  ];
  const pipeColour = matchColour(['get', 'type'], { trunk: PIPE_COLOURS.trunk }, PIPE_COLOURS.gathering);
  add(
    layers,
    {
      id: 'pipe-line',
      type: 'line',
      source: 'pipelines',
      'source-layer': 'pipelines',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': pipeColour, 'line-width': pipeWidth, 'line-opacity': ['match', ['get', 'status'], 'abandoned', 0.4, 0.95] },
    },
    {
      group: 'pipelines',
      opacity: { 'line-opacity': ['match', ['get', 'status'], 'abandoned', 0.4, 0.95] },
      baseFilter: ['!', ['in', ['get', 'status'], ['literal', ['planned', 'construction']]]],
    },
  );
  add(
    layers,
    {
      id: 'pipe-planned',
      type: 'line',
      source: 'pipelines',
      'source-layer': 'pipelines',
      paint: { 'line-color': pipeColour, 'line-width': pipeWidth, 'line-dasharray': [2, 2], 'line-opacity': 0.85 },
    },
    {
      group: 'pipelines',
      opacity: { 'line-opacity': 0.85 },
      baseFilter: ['in', ['get', 'status'], ['literal', ['planned', 'construction']]],
    },
  );

  // --- wells: server clusters below z10 (point_count), single wells above
  add(
    layers,
    {
      id: 'well-cluster',
      type: 'circle',
      source: 'wells',
      'source-layer': 'wells',
      paint: {
        'circle-color': CLUSTER_COLOUR,
        'circle-radius': clusterRadiusExpr,
        'circle-opacity': 0.45,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.9,
      },
    },
    { group: 'wells', opacity: { 'circle-opacity': 0.45, 'circle-stroke-opacity': 0.9 }, baseFilter: ['has', 'point_count'] },
  );
  add(
    layers,
    {
      id: 'well-cluster-count',
      type: 'symbol',
      source: 'wells',
      'source-layer': 'wells',
      minzoom: 7.5,
      layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': TEXT_FONT, 'text-size': 10, 'text-allow-overlap': false },
      paint: { 'text-color': '#fff', 'text-halo-color': CLUSTER_COLOUR, 'text-halo-width': 1 },
    },
    { group: 'wells', opacity: { 'text-opacity': 1 }, baseFilter: ['all', ['has', 'point_count'], ['>=', ['get', 'point_count'], 10]] },
  );
  const wellColour = matchColour(['get', 'status'], WELL_COLOURS, '#969696');
  add(
    layers,
    {
      id: 'well-point',
      type: 'circle',
      source: 'wells',
      'source-layer': 'wells',
      paint: {
        'circle-color': wellColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, selected(6, 2.5), 14, selected(9, 5)],
        'circle-opacity': 0.9,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 0.6,
      },
    },
    { group: 'wells', opacity: { 'circle-opacity': 0.9 }, baseFilter: ['!', ['has', 'point_count']] },
  );

  // --- base-map labels (cities) on top of everything but the work overlays
  add(
    layers,
    {
      id: 'city-label',
      type: 'symbol',
      source: 'labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': TEXT_FONT,
        'text-size': ['match', ['get', 'level'], 'province', 15, 12.5],
        'text-allow-overlap': false,
      },
      paint: { 'text-color': '#3d3d33', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    { group: 'boundaries', opacity: { 'text-opacity': 1 } },
  );

  // --- work overlays: check input, conflict overlaps, candidate plans, the drawing
  layers.push(
    { id: 'chk-input-fill', type: 'fill', source: 'check-input', paint: { 'fill-color': '#ffd400', 'fill-opacity': 0.22 } },
    {
      id: 'chk-conflict-fill',
      type: 'fill',
      source: 'check-conflicts',
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': selected(0.75, 0.5) },
    },
    {
      id: 'chk-conflict-line',
      type: 'line',
      source: 'check-conflicts',
      filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]],
      paint: { 'line-color': ['get', 'colour'], 'line-width': selected(3, 1.5) },
    },
    {
      id: 'chk-conflict-point',
      type: 'circle',
      source: 'check-conflicts',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': ['get', 'colour'],
        'circle-radius': selected(7, 4),
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'chk-input-line',
      type: 'line',
      source: 'check-input',
      paint: { 'line-color': '#111', 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    // the focused conflict (check panel): a dark casing and a bright line over everything else of the check
    {
      id: 'chk-focus-fill',
      type: 'fill',
      source: 'check-focus',
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': FOCUS_COLOUR, 'fill-opacity': 0.35 },
    },
    {
      id: 'chk-focus-casing',
      type: 'line',
      source: 'check-focus',
      filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]],
      paint: { 'line-color': FOCUS_CASING, 'line-width': 7 },
    },
    {
      id: 'chk-focus-line',
      type: 'line',
      source: 'check-focus',
      filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]],
      paint: { 'line-color': FOCUS_COLOUR, 'line-width': 3.5 },
    },
    {
      id: 'chk-focus-point',
      type: 'circle',
      source: 'check-focus',
      filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': FOCUS_COLOUR, 'circle-stroke-width': 4 },
    },
    {
      id: 'cand-fill',
      type: 'fill',
      source: 'candidates',
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': selected(0.35, 0.08) },
    },
    { id: 'cand-line', type: 'line', source: 'candidates', paint: { 'line-color': ['get', 'colour'], 'line-width': selected(3.5, 2) } },
    {
      id: 'cand-label',
      type: 'symbol',
      source: 'candidates',
      layout: { 'text-field': ['get', 'letter'], 'text-font': TEXT_FONT, 'text-size': 18 },
      paint: { 'text-color': ['get', 'colour'], 'text-halo-color': '#fff', 'text-halo-width': 2 },
    },
    {
      id: 'draw-fill',
      type: 'fill',
      source: 'draw',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#ffd400', 'fill-opacity': 0.25 },
    },
    {
      id: 'draw-line',
      type: 'line',
      source: 'draw',
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': '#b8860b', 'line-width': 2 },
    },
    {
      id: 'draw-vertex',
      type: 'circle',
      source: 'draw',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 4, 'circle-color': '#fff', 'circle-stroke-color': '#b8860b', 'circle-stroke-width': 2 },
    },
  );

  const sources: Record<string, SourceSpecification> = {};
  for (const l of TILE_LAYERS) sources[l] = vector(l, origin);
  for (const g of ['labels', 'asat', 'check-input', 'check-conflicts', 'check-focus', 'candidates', 'draw']) {
    sources[g] = {
      type: 'geojson',
      data: emptyFc(),
      ...(g === 'asat' || g === 'candidates' || g === 'check-conflicts' ? { promoteId: 'id' } : {}),
    };
  }
  // No `glyphs` and no `sprite`: every label is drawn with local fonts (engineering.md Addenda).
  return { version: 8, name: 'kq-offline', sources, layers };
}

/** Interactive layers and the collection each identifies into. */
export const IDENTIFY_LAYERS: Record<string, string> = {
  'well-point': 'wells',
  'well-cluster': 'wells',
  'pipe-line': 'pipelines',
  'pipe-planned': 'pipelines',
  'res-fill': 'reserves',
  'blk-fill': 'blocks',
  'asat-fill': 'blocks',
  'red-fill': 'redlines',
  'pa-fill': 'protected-areas',
};
