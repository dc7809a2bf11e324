import { describe, expect, it } from 'vitest';
import { projectionError, projectionFields } from './ProjectionChoice';

describe('zone choice → request hints', () => {
  it('sends a zone as zone, a central meridian as its CGCS2000 3° CM code, an EPSG code as crs', () => {
    expect(projectionFields({ kind: 'zone', value: 38 })).toEqual({ zone: '38' });
    expect(projectionFields({ kind: 'cm', value: 114 })).toEqual({ crs: '4547' });
    expect(projectionFields({ kind: 'cm', value: 75 })).toEqual({ crs: '4534' });
    expect(projectionFields({ kind: 'cm', value: 135 })).toEqual({ crs: '4554' });
    expect(projectionFields({ kind: 'crs', value: 4545 })).toEqual({ crs: '4545' });
    expect(projectionFields(null)).toEqual({});
  });

  it('refuses values that name no CGCS2000 zone', () => {
    expect(projectionError({ kind: 'zone', value: 24 })).toBe('projectionBadZone');
    expect(projectionError({ kind: 'zone', value: 19 })).toBeNull();
    expect(projectionError({ kind: 'cm', value: 113 })).toBe('projectionBadCm');
    expect(projectionError({ kind: 'crs', value: 4326 })).toBe('projectionBadCrs');
  });
});
