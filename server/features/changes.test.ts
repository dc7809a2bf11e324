import { describe, expect, it } from 'vitest';
import { changedProperties, toChange, type ChangeRow } from './changes';

const feature = (properties: Record<string, unknown>, lon = 105) => ({
  type: 'Feature',
  geometry: { type: 'Point' as const, coordinates: [lon, 33], crs: { type: 'name', properties: { name: 'EPSG:4490' } } },
  properties: { id: 'w-1', version: 7, sys_period: '["2026-01-01 00:00:00+00",)', ...properties },
});

describe('a change of the register', () => {
  it('names the properties whose value changed, a property on one side only included', () => {
    expect(changedProperties({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', d: 2 })).toEqual(['b', 'd']);
    expect(changedProperties(null, { a: 1, b: null })).toEqual(['a']);
    expect(changedProperties({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  it('is a Feature with the geometry it made, or ended for a deletion, without bookkeeping or a crs member', () => {
    const row: ChangeRow = {
      matched: 2,
      collection: 'wells',
      id: 'w-1',
      operation: 'update',
      at: '2026-12-04T01:02:03.000004Z',
      version: '8',
      after: feature({ status: 'abandoned' }, 106),
      before: feature({ status: 'producing' }),
      geometry_changed: true,
    };
    const c = toChange(row);
    expect(c).toEqual({
      type: 'Feature',
      id: 'wells/w-1@2026-12-04T01:02:03.000004Z',
      geometry: { type: 'Point', coordinates: [106, 33] },
      properties: {
        collection: 'wells',
        feature_id: 'w-1',
        operation: 'update',
        at: '2026-12-04T01:02:03.000004Z',
        version: '8',
        changed: ['status'],
        geometry_changed: true,
        after: { status: 'abandoned' },
        before: { status: 'producing' },
      },
    });
    const gone = toChange({ ...row, operation: 'delete', version: null, after: null, geometry_changed: false });
    expect(gone.geometry).toEqual({ type: 'Point', coordinates: [105, 33] });
    expect(gone.properties).toMatchObject({ after: null, before: { status: 'producing' }, changed: ['status'] });
  });
});
