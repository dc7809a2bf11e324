import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSnapshotFor, demoSnapshotKey, demoSnapshotPath, isFreshDataDir } from './demo-snapshot';

const root = mkdtempSync(join(tmpdir(), 'kq-snap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('demo snapshot', () => {
  it('its key changes with any migration, function, demo file or loader (a stale snapshot is never found)', () => {
    mkdirSync(join(root, 'sql/migrations'), { recursive: true });
    mkdirSync(join(root, 'data/demo'), { recursive: true });
    writeFileSync(join(root, 'sql/migrations/001_a.sql'), 'CREATE TABLE a ();');
    writeFileSync(join(root, 'data/demo/blocks.geojson'), '{}');
    const k1 = demoSnapshotKey(root);
    expect(demoSnapshotKey(root)).toBe(k1);
    writeFileSync(join(root, 'sql/migrations/002_b.sql'), 'CREATE TABLE b ();');
    const k2 = demoSnapshotKey(root);
    expect(k2).not.toBe(k1);
    writeFileSync(join(root, 'data/demo/blocks.geojson'), '{"type":"FeatureCollection"}');
    expect(demoSnapshotKey(root)).not.toBe(k2);
    expect(demoSnapshotPath('abc', root)).toBe(join(root, '.data', 'demo-snapshot-abc.tar.gz'));
  });

  it('is restored only into a folder PostgreSQL never initialised, and only when demo data is wanted', () => {
    const used = join(root, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'PG_VERSION'), '17');
    expect(isFreshDataDir(used)).toBe(false);
    expect(isFreshDataDir(join(root, 'new'))).toBe(true);
    expect(demoSnapshotFor(used, true)).toBeUndefined();
    expect(demoSnapshotFor(join(root, 'new'), false)).toBeUndefined();
    expect(demoSnapshotFor(undefined, true)).toBeUndefined();
  });
});
