/**
 * The attributes each tile layer carries and their TileJSON type, as written by kq_tile_features
 * (sql/functions/layer_features.sql). test/api/features.test.ts decodes tiles of every layer and checks
 * that each attribute is declared here with the type it really has.
 */
export type TileFieldType = 'String' | 'Number' | 'Boolean';

export const TILE_FIELDS: Record<string, Record<string, TileFieldType>> = {
  blocks: {
    id: 'String',
    name: 'String',
    licence_no: 'String',
    holder: 'String',
    kind: 'String',
    mineral: 'String',
    status: 'String',
    valid_to: 'String',
    area_km2: 'Number',
  },
  /** inside the blocks tile: one label point per block */
  'block-labels': { id: 'String', name: 'String', holder: 'String', kind: 'String', mineral: 'String', status: 'String' },
  reserves: { id: 'String', name: 'String', block_id: 'String', kind: 'String' },
  'protected-areas': { id: 'String', name: 'String', category: 'String', zone: 'String', level: 'String' },
  redlines: { id: 'String', name: 'String', status: 'String' },
  pipelines: { id: 'String', name: 'String', type: 'String', status: 'String', diameter_mm: 'Number', pressure_mpa: 'Number' },
  boundaries: { id: 'String', name: 'String', level: 'String' },
  /** z ≥ 10: wells; below: clusters with point_count and producing */
  wells: { id: 'String', name: 'String', type: 'String', status: 'String', block_id: 'String', point_count: 'Number', producing: 'Number' },
};
