import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertPlausible, databaseError, guarded, implausibilities } from './guard';
import type { ConflictEntry, ConflictSummary } from './types';

const entry = (over: Partial<ConflictEntry> = {}): ConflictEntry => ({
  collection: 'blocks',
  id: 'blk-1',
  name: 'x',
  category: 'mining',
  zone: null,
  status: 'valid',
  holder: 'h',
  mineral: 'cbm',
  overlap_area_km2: 10,
  share_of_input: 0.1,
  share_of_feature: 0.5,
  geometry: null,
  outcome: 'forbidden',
  deductible: false,
  basis: [],
  ...over,
});
const summary = (over: Record<string, unknown> = {}): ConflictSummary =>
  ({
    blocks: { count: 1, area_km2: 10 },
    reserves: { count: 0, area_km2: 0 },
    'protected-areas': { count: 0, area_km2: 0 },
    redlines: { count: 0, area_km2: 0 },
    wells: { count: 0, area_km2: 0 },
    pipelines: { count: 0, area_km2: 0 },
    containment: { count: 0, area_km2: 0 },
    deductible_area_km2: 0,
    net_area_km2: 100,
    ...over,
  }) as ConflictSummary;

describe('implausibilities (one place for the sanity checks of a check)', () => {
  it('accepts a possible answer, including geodesic-vs-chord slack of the overlap over the input', () => {
    expect(implausibilities([entry()], summary(), 100)).toEqual([]);
    expect(
      implausibilities(
        [entry({ overlap_area_km2: 100.02, share_of_input: 1.0002 })],
        summary({ blocks: { count: 1, area_km2: 100.02 } }),
        100,
      ),
    ).toEqual([]);
  });

  it('refuses an overlap larger than the input', () => {
    const f = implausibilities([entry({ overlap_area_km2: 150, share_of_input: 1.5 })], null, 100);
    expect(f.map((i) => i.field)).toEqual(['overlap_area_km2', 'share_of_input']);
    expect(f[0]).toMatchObject({ collection: 'blocks', id: 'blk-1', value: 150, limit: 100 });
  });

  it('refuses a share of the feature above 1, negative and non-finite areas', () => {
    expect(implausibilities([entry({ share_of_feature: 1.2 })], null, 100)[0].field).toBe('share_of_feature');
    expect(implausibilities([entry({ overlap_area_km2: -1 })], null, 100)[0].field).toBe('overlap_area_km2');
    expect(implausibilities([entry({ overlap_area_km2: NaN })], null, 100)[0].field).toBe('overlap_area_km2');
    expect(
      implausibilities([entry({ collection: 'pipelines', overlap_area_km2: 0, length_km: Number.POSITIVE_INFINITY })], null, 100)[0].field,
    ).toBe('length_km');
    // a crossing is part of the pipeline inside the input: never longer than it
    const pipe = (length_km: number, length_in_input_km: number) =>
      implausibilities([entry({ collection: 'pipelines', overlap_area_km2: 0, length_km, length_in_input_km })], null, 100);
    expect(pipe(2, 3.5)).toEqual([]);
    expect(pipe(2, 2)).toEqual([]);
    expect(pipe(2, 1.5)[0].field).toBe('length_in_input_km');
    expect(implausibilities([], null, Number.NaN)[0]).toMatchObject({ collection: 'input', field: 'area_km2' });
  });

  it('refuses a union larger than the sum of its parts or smaller than its largest part', () => {
    const two = [entry({ id: 'a', overlap_area_km2: 10 }), entry({ id: 'b', overlap_area_km2: 5 })];
    expect(implausibilities(two, summary({ blocks: { count: 2, area_km2: 12 } }), 100)).toEqual([]);
    expect(implausibilities(two, summary({ blocks: { count: 2, area_km2: 20 } }), 100)[0]).toMatchObject({
      collection: 'summary',
      id: 'blocks',
      limit: 15,
    });
    expect(implausibilities(two, summary({ blocks: { count: 2, area_km2: 0 } }), 100)[0]).toMatchObject({
      id: 'blocks',
      field: 'area_km2 (below its largest overlap)',
    });
  });

  it('refuses a deductible area larger than the input and NaN totals', () => {
    expect(implausibilities([], summary({ deductible_area_km2: 300 }), 100)[0]).toMatchObject({ field: 'deductible_area_km2', limit: 100 });
    expect(implausibilities([], summary({ net_area_km2: NaN }), 100)[0]).toMatchObject({ field: 'net_area_km2' });
  });

  it('wells and pipelines are not area overlaps (their overlap area is 0, their share is per feature)', () => {
    expect(implausibilities([entry({ collection: 'wells', overlap_area_km2: 0, share_of_feature: 1 })], null, 0.5)).toEqual([]);
  });
});

describe('errors', () => {
  it('an impossible answer is a 500 ENGINE_INCONSISTENT in both languages, naming the values', () => {
    let err: unknown;
    try {
      assertPlausible([entry({ overlap_area_km2: 150, share_of_input: 1.5 })], null, 100);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const body = (err as AppError).toJSON().error;
    expect((err as AppError).status).toBe(500);
    expect(body.code).toBe('ENGINE_INCONSISTENT');
    expect(body.message).toContain('blocks blk-1 overlap_area_km2 = 150');
    expect(body.message_zh).toContain('不可能');
    expect(body.details?.[0]).toMatchObject({ collection: 'blocks', id: 'blk-1', field: 'overlap_area_km2' });
  });

  it('a failed query is a 503 DATABASE_ERROR naming the query; a timeout a 503 QUERY_TIMEOUT; the cause is kept', async () => {
    const boom = new Error('GEOS exploded');
    const e = databaseError('conflicts_blocks', boom);
    expect([e.status, e.code]).toEqual([503, 'DATABASE_ERROR']);
    expect(e.toJSON().error.details).toEqual([{ query: 'conflicts_blocks' }]);
    expect(e.messageZh).toContain('数据库');
    expect((e as Error & { cause?: unknown }).cause).toBe(boom);
    expect(databaseError('conflicts_wells', Object.assign(new Error('canceling statement'), { code: '57014' })).code).toBe('QUERY_TIMEOUT');
    await expect(guarded('conflicts_redlines', Promise.reject(boom))).rejects.toMatchObject({ status: 503, code: 'DATABASE_ERROR' });
    await expect(guarded('conflicts_redlines', Promise.resolve({ rows: [] }))).resolves.toEqual({ rows: [] });
  });
});
