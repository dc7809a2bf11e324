import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../server/features/collections';
import { FIELD_VOCABS } from '../../../server/vocab';
import { changedProperties, EDIT_FIELDS, toFormValues, toProperties } from './fields';

describe('edit forms', () => {
  it('cover exactly the writable properties of every editable collection (server write schemas), synthetic aside', () => {
    for (const [id, fields] of Object.entries(EDIT_FIELDS)) {
      const c = COLLECTIONS.find((x) => x.id === id)!;
      const server = Object.keys(c.properties.shape)
        .filter((k) => k !== 'synthetic')
        .sort();
      expect(fields.map((f) => f.name).sort(), id).toEqual(server);
    }
  });
  it('use the vocabulary of each coded field', () => {
    for (const [id, fields] of Object.entries(EDIT_FIELDS))
      for (const [field, vocab] of Object.entries(FIELD_VOCABS[id] ?? {}))
        expect(fields.find((f) => f.name === field)?.vocab, `${id}.${field}`).toBe(vocab);
  });
  it('round-trips values, keeps what the form does not show, types numbers, refuses bad input', () => {
    const fields = EDIT_FIELDS.blocks;
    const props = {
      name: '甲',
      kind: 'exploration',
      mineral: 'cbm',
      status: 'valid',
      extensions_used: 1,
      synthetic: true,
      province_registered: false,
    };
    const v = toFormValues(fields, props);
    expect(v.extensions_used).toBe('1');
    expect(v.province_registered).toBe('false');
    expect(toProperties(fields, v, props)).toEqual({ properties: props, errors: [] });
    const bad = toProperties(fields, { ...v, name: ' ', extensions_used: '1.5', valid_to: '2030/1/1' }, props);
    expect(bad.errors).toEqual([
      { field: 'name', problem: 'required' },
      { field: 'valid_to', problem: 'date' },
      { field: 'extensions_used', problem: 'number' },
    ]);
    const pa = toProperties(EDIT_FIELDS['protected-areas'], { name: 'x', category: 'geopark', zone: '' }, { zone: 'core' });
    expect(pa.properties.zone).toBeNull();
  });
  it('lists what changed between two versions, ignoring derived and bookkeeping properties', () => {
    expect(
      changedProperties(
        EDIT_FIELDS.redlines,
        { name: 'a', status: 'proposed', area_km2: 1, recorded_from: '2026-01-01T00:00:00Z', recorded_to: null },
        { name: 'a', status: 'official', area_km2: 2, source: 's', recorded_from: '2026-02-01T00:00:00Z', recorded_to: null },
      ),
    ).toEqual([
      { field: 'status', from: 'proposed', to: 'official' },
      { field: 'source', from: undefined, to: 's' },
    ]);
  });
});
