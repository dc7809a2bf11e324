/**
 * The offline context under the register layers: provinces (outline, light fill, names), main rivers, lakes and the
 * coastline of China from data/basemap/china-base.json (Natural Earth, public domain; see data/basemap/README.md).
 * Shipped as one hashed asset of the page and fetched once; no external tiles.
 */
import type { FillLayerSpecification, FilterSpecification, LineLayerSpecification, Map as MlMap } from 'maplibre-gl';
import baseUrl from '../../../../data/basemap/china-base.json?url';

export const BASE_SOURCE = 'kq-base';
/** The base layers go under this layer of the style (Shanxi's own opaque province fill), lines over it. */
const UNDER = 'bnd-province-fill';
const OVER = 'bnd-city-line';

/**
 * One layer per kind of base feature, drawn in this order: the provinces' light fill under Shanxi's own opaque fill
 * (`under`), the rest over it. Each is a fill or a line filtered on `kind`.
 */
const KIND_LAYERS: {
  id: string;
  kind: 'province' | 'lake' | 'river' | 'coast';
  under?: true;
  fill?: FillLayerSpecification['paint'];
  line?: LineLayerSpecification['paint'];
}[] = [
  { id: 'base-province-fill', kind: 'province', under: true, fill: { 'fill-color': '#f4f3ec', 'fill-opacity': 1 } },
  { id: 'base-lake', kind: 'lake', fill: { 'fill-color': '#b7d3e9', 'fill-opacity': 0.9 } },
  { id: 'base-river', kind: 'river', line: { 'line-color': '#7fb0d8', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2] } },
  { id: 'base-coast', kind: 'coast', line: { 'line-color': '#7fb0d8', 'line-width': 1 } },
  { id: 'base-province-line', kind: 'province', line: { 'line-color': '#8a8a7a', 'line-width': 1.2 } },
];

let cached: Promise<GeoJSON.FeatureCollection> | null = null;

/** The base data, fetched once per page. */
export function loadBase(): Promise<GeoJSON.FeatureCollection> {
  cached ??= fetch(baseUrl).then((r) => {
    if (!r.ok) throw new Error(`base map: HTTP ${r.status}`);
    return r.json() as Promise<GeoJSON.FeatureCollection>;
  });
  return cached;
}

/** Province label points: the centre of each province's largest ring's bbox (good enough at province scale). */
export function provinceLabels(fc: GeoJSON.FeatureCollection, lang: 'zh' | 'en'): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    if (p.kind !== 'province' || p.name_en === 'Shanxi') continue;
    const polys =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    let best: number[] | null = null;
    let bestSize = -1;
    for (const poly of polys) {
      const xs = poly[0].map((c) => c[0]);
      const ys = poly[0].map((c) => c[1]);
      const b = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      const size = (b[2] - b[0]) * (b[3] - b[1]);
      if (size > bestSize) {
        bestSize = size;
        best = b;
      }
    }
    if (best)
      features.push({
        type: 'Feature',
        properties: { name: lang === 'zh' ? p.name_zh : p.name_en },
        geometry: { type: 'Point', coordinates: [(best[0] + best[2]) / 2, (best[1] + best[3]) / 2] },
      });
  }
  return { type: 'FeatureCollection', features };
}

/** Add the base source and layers (idempotent), once the style has loaded. */
export async function addBaseMap(map: MlMap, lang: 'zh' | 'en'): Promise<void> {
  const fc = await loadBase();
  if (!map.getStyle() || map.getSource(BASE_SOURCE)) return;
  map.addSource(BASE_SOURCE, { type: 'geojson', data: fc });
  map.addSource(`${BASE_SOURCE}-labels`, { type: 'geojson', data: provinceLabels(fc, lang) });
  const under = map.getLayer(UNDER) ? UNDER : undefined;
  const over = map.getLayer(OVER) ? OVER : undefined;
  for (const l of KIND_LAYERS) {
    const common = { id: l.id, source: BASE_SOURCE, filter: ['==', ['get', 'kind'], l.kind] as FilterSpecification };
    map.addLayer(l.fill ? { ...common, type: 'fill', paint: l.fill } : { ...common, type: 'line', paint: l.line }, l.under ? under : over);
  }
  // names of the other provinces, under the register layers' labels (Shanxi's own come from the boundaries layer)
  map.addLayer(
    {
      id: 'base-province-label',
      type: 'symbol',
      source: `${BASE_SOURCE}-labels`,
      maxzoom: 9,
      layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': 13 },
      paint: { 'text-color': '#6b6b5e', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
    over,
  );
}

/** Province names follow the page language. */
export async function setBaseLanguage(map: MlMap, lang: 'zh' | 'en') {
  const fc = await loadBase();
  const src = map.getSource(`${BASE_SOURCE}-labels`) as import('maplibre-gl').GeoJSONSource | undefined;
  src?.setData(provinceLabels(fc, lang));
}
