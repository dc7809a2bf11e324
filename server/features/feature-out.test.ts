import { describe, expect, it } from 'vitest';
import { instant, rangeBounds, toFeature } from './feature-out';

describe('published features', () => {
  it('drop the crs member RFC 7946 removed and keep the geometry', () => {
    const f = toFeature({
      type: 'Feature',
      geometry: { type: 'Point', crs: { type: 'name', properties: { name: 'EPSG:4490' } }, coordinates: [112.5, 35.6] },
      properties: { id: 'w-1', name: '井' },
    });
    expect(f).toEqual({ type: 'Feature', id: 'w-1', geometry: { type: 'Point', coordinates: [112.5, 35.6] }, properties: { name: '井' } });
  });
  it('turn the register period (tstzrange text) into two ISO instants', () => {
    const f = toFeature({ type: 'Feature', geometry: null, properties: { id: 'b', sys_period: '["2001-03-08 16:00:00+00",)' } });
    expect(f.properties).toEqual({ recorded_from: '2001-03-08T16:00:00.000Z', recorded_to: null });
    expect(rangeBounds('["2021-06-01 08:00:00.123456+08","2022-01-01 00:00:00+00")')).toEqual({
      from: '2021-06-01T00:00:00.123Z',
      to: '2022-01-01T00:00:00.000Z',
    });
    expect(rangeBounds('[2020-01-01 00:00:00+05:30,infinity)')).toEqual({ from: '2019-12-31T18:30:00.000Z', to: null });
  });
  it('refuse text that is not a range or a timestamp', () => {
    expect(() => rangeBounds('2001-03-08')).toThrow(RangeError);
    expect(() => instant('yesterday')).toThrow(RangeError);
  });
});
