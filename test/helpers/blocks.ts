import type { Geometry } from 'geojson';

/**
 * A CBM exploration right registered with the province (山西省自然资源厅) as a feature to POST to
 * `/api/collections/blocks/items`; `properties` adds or overrides the rest (name, holder, dates, …).
 */
export const provinceCbmExploration = (id: string, geometry: Geometry, properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  id,
  geometry,
  properties: { kind: 'exploration', mineral: 'cbm', authority: '山西省自然资源厅', province_registered: true, ...properties },
});
