/**
 * Issue 17: tiles known empty from the layers' row boxes (server/tiles/extents.ts) are answered without rendering. That
 * must never hide a feature: every tile the boxes call empty, at z8–z14 over the demo data, is rendered here by PostGIS
 * and found empty; and a write into such a tile is on the map at once.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { namedQuery } from '../../server/db/sql-files';
import { COLLECTIONS } from '../../server/features/collections';
import { TileExtents } from '../../server/tiles/extents';
import { knownEmptyTile, tilesOver, writeRedlineInTile } from '../helpers/tiles';

const srv = useTestServer();

const TABLES = COLLECTIONS.filter((c) => c.tiles).map((c) => ({ layer: c.id, table: c.table }));

function extentsOverOwner(): TileExtents {
  return new TileExtents(async (table) => {
    const row = (await srv.ownerQuery(namedQuery('layer_boxes'), [table])).rows[0];
    return { version: row.version, boxes: row.boxes };
  });
}

describe('tiles known empty', () => {
  it('every tile the boxes call empty renders empty in PostGIS (every layer, z8–z14 over the demo data)', async () => {
    const all = (
      await srv.ownerQuery(
        `SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) e FROM
         (SELECT geom FROM blocks UNION ALL SELECT geom FROM protected_areas UNION ALL SELECT geom FROM wells) g) x`,
      )
    ).rows[0];
    const demo = [all.st_xmin, all.st_ymin, all.st_xmax, all.st_ymax] as number[];
    // z13–z14 over 沁水's south (where the bench asks for its tiles): the whole province there is ~100k tiles a layer
    const qinshui = [112.0, 35.4, 113.2, 36.4];
    const ext = extentsOverOwner();
    const versions = new Map(
      (await srv.ownerQuery(namedQuery('data_versions'))).rows.map((r: { layer: string; version: string }) => [r.layer, r.version]),
    );
    let asked = 0;
    let known = 0;
    const share: Record<string, string> = {};
    for (const { layer, table } of TABLES) {
      await ext.readBoxes(table);
      const version = versions.get(table)!;
      expect(ext.versionHeld(table), table).toBe(version);
      const empties: [number, number, number][] = [];
      let layerAsked = 0;
      for (let z = 8; z <= 14; z++)
        for (const [x, y] of tilesOver(z >= 13 ? qinshui : demo, z)) {
          layerAsked++;
          if (ext.empty(table, version, z, x, y)) empties.push([z, x, y]);
        }
      asked += layerAsked;
      share[layer] = `${empties.length} of ${layerAsked}`;
      known += empties.length;
      // every layer but the administrative boundaries (they tile the province) is sparse enough here for the boxes to
      // spare statements
      if (layer !== 'boundaries') expect(empties.length, layer).toBeGreaterThan(layerAsked * 0.05);
      for (let i = 0; i < empties.length; i += 4000) {
        const part = empties.slice(i, i + 4000);
        const rows = (
          await srv.ownerQuery(namedQuery('layer_tiles_mvt'), [
            part.map(() => layer),
            part.map((t) => t[0]),
            part.map((t) => t[1]),
            part.map((t) => t[2]),
          ])
        ).rows as { i: number; mvt: Buffer | null }[];
        expect(rows).toHaveLength(part.length);
        const full = rows.filter((r) => r.mvt && r.mvt.length > 0).map((r) => part[r.i - 1].join('/'));
        expect(full, `${layer}: tiles called empty that have features`).toEqual([]);
      }
    }
    // what the test covered (a few tens of thousands of tiles, most of them known empty)
    expect(asked).toBeGreaterThan(20_000);
    expect(known, JSON.stringify(share)).toBeGreaterThan(asked / 4);
  });

  it('a tile known empty is answered 204 without rendering; a write into it is on the map at once', async () => {
    // a z14 red-line tile in Sichuan, far from the demo data (the boxes call it empty once read)
    const ext = extentsOverOwner();
    await ext.readBoxes('redlines');
    const version = ext.versionHeld('redlines')!;
    const [x0, y] = tilesOver([100.05, 30.05, 100.05, 30.05], 14)[0];
    // every tile of the row from there has nothing near it
    for (let x = x0; x < x0 + 20; x++) expect(ext.empty('redlines', version, 14, x, y), `${x}`).toBe(true);
    const { x, res: first } = await knownEmptyTile(srv.url, 'redlines', 14, x0, y);
    const path = `/tiles/redlines/14/${x}/${y}.mvt`;
    expect(first.status).toBe(204);
    expect(first.headers.get('x-tile-cache')).toBe('empty');
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(`"redlines-${version}-14-${x}-${y}"`);
    expect(first.headers.get('cache-control')).toMatch(/max-age/);
    expect((await fetch(`${srv.url}${path}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const w = await writeRedlineInTile(srv.url, 14, x, y, '空瓦片测试红线(合成)');
    expect(w.status).toBe(201);
    // the write's answer is back: the tile has a new version, and is rendered with the new red line in it
    const after = await fetch(`${srv.url}${path}`);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await after.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // once the new version's boxes are read, the tile is still not called empty
    await ext.readBoxes('redlines');
    const v2 = ext.versionHeld('redlines')!;
    expect(v2).not.toBe(version);
    expect(ext.empty('redlines', v2, 14, x, y)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    const again = await fetch(`${srv.url}${path}`);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-tile-cache')).not.toBe('empty');
  });
});
