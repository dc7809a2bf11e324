import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_DIR } from './sql-files';

// Issue 9 (server/db/README.md): a floating-point GEOS overlay may throw internally and recover by
// catching the exception; the embedded engine cannot catch it and silently returns nothing. Every
// overlay in sql/ goes through the fixed-grid kq_intersection / kq_difference / kq_union.
const BARE_OVERLAY = /\bST_(Intersection|Difference|SymDifference|Union|UnaryUnion|MemUnion)\s*\(/gi;

function sqlFiles(): { file: string; text: string }[] {
  return ['queries', 'functions', 'migrations'].flatMap((dir) =>
    readdirSync(join(SQL_DIR, dir))
      .filter((f) => f.endsWith('.sql') && f !== 'overlay_grid.sql')
      .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(SQL_DIR, dir, f), 'utf8') })),
  );
}

const withoutComments = (sql: string) => sql.replace(/--.*$/gm, '');

describe('SQL overlays', () => {
  it('never call a floating-point GEOS overlay directly', () => {
    const bare = sqlFiles().flatMap(({ file, text }) => [...withoutComments(text).matchAll(BARE_OVERLAY)].map((m) => `${file}: ${m[0]}`));
    expect(bare).toEqual([]);
  });

  it('the grid helpers use one fixed 1e-12° precision', () => {
    const grid = readFileSync(join(SQL_DIR, 'functions', 'overlay_grid.sql'), 'utf8');
    const calls = [...withoutComments(grid).matchAll(/ST_\w+\([^)]*\)/g)].map((m) => m[0]);
    expect(calls).toEqual(['ST_Intersection(a, b, 1e-12)', 'ST_Difference(a, b, 1e-12)', 'ST_UnaryUnion(g, 1e-12)']);
  });
});
