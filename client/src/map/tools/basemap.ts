/**
 * The offline context under the register layers: provinces (outline, light fill, names), main rivers, lakes and the
 * coastline of China from data/basemap/china-base.json (Natural Earth, public domain; see data/basemap/README.md).
 * Shipped as one hashed asset of the page and fetched once; no external tiles.
 */
import type { Map as MlMap } from 'maplibre-gl';
import baseUrl from '../../../../data/basemap/china-base.json?url';

export const BASE_SOURCE = 'kq-base';
/** The base layers go under this layer of the style (Shanxi's own opaque province fill), lines over it. */
const UNDER = 'bnd-province-fill';
const OVER = 'bnd-city-line';

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
  map.addLayer(
    {
      id: 'base-province-fill',
      type: 'fill',
      source: BASE_SOURCE,
      filter: ['==', ['get', 'kind'], 'province'],
      paint: { 'fill-color': '#f4f3ec', 'fill-opacity': 1 },
    },
    under,
  );
  map.addLayer(
    {
      id: 'base-lake',
      type: 'fill',
      source: BASE_SOURCE,
      filter: ['==', ['get', 'kind'], 'lake'],
      paint: { 'fill-color': '#b7d3e9', 'fill-opacity': 0.9 },
    },
    over,
  );
  map.addLayer(
    {
      id: 'base-river',
      type: 'line',
      source: BASE_SOURCE,
      filter: ['==', ['get', 'kind'], 'river'],
      paint: { 'line-color': '#7fb0d8', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2] },
    },
    over,
  );
  map.addLayer(
    {
      id: 'base-coast',
      type: 'line',
      source: BASE_SOURCE,
      filter: ['==', ['get', 'kind'], 'coast'],
      paint: { 'line-color': '#7fb0d8', 'line-width': 1 },
    },
    over,
  );
  map.addLayer(
    {
      id: 'base-province-line',
      type: 'line',
      source: BASE_SOURCE,
      filter: ['==', ['get', 'kind'], 'province'],
      paint: { 'line-color': '#8a8a7a', 'line-width': 1.2 },
    },
    over,
  );
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
