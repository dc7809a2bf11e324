/**
 * docker-compose.yml (issue 17): no Docker engine runs on the development machines, so its shape is checked here —
 * the default pair unchanged, the `scale` profile's two app instances behind the proxy, a primary and a streaming
 * replica, Martin on the tile functions, a health check on everything that has a way to run one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TILE_LAYERS } from './tiles/service';

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service> };
const s = compose.services;
const scale = Object.entries(s).filter(([, v]) => v.profiles?.includes('scale'));

describe('docker-compose.yml', () => {
  it('keeps the default pair (db + app, no profile) and builds the one Dockerfile in every profile', () => {
    expect(s.db.profiles).toBeUndefined();
    expect(s.app.profiles).toBeUndefined();
    expect(s.app.environment?.DATABASE_URL).toContain('@db:5432/');
    expect(s.app.environment?.DATABASE_READ_URL).toBeUndefined();
    for (const name of ['app', 'app1', 'app2']) expect(s[name].build, name).toBe('.');
  });

  it('the scale profile: two app instances behind the proxy, primary + replica, Martin; every service but Martin checks its health', () => {
    expect(scale.map(([k]) => k).sort()).toEqual(['app1', 'app2', 'db-primary', 'db-replica', 'martin', 'proxy']);
    for (const [name, v] of scale) if (name !== 'martin') expect(v.healthcheck?.test.length, name).toBeGreaterThan(0);
    for (const name of ['app1', 'app2']) {
      const env = s[name].environment!;
      expect(env.DATABASE_URL).toContain('@db-primary:5432/');
      expect(env.DATABASE_READ_URL).toContain('@db-replica:5432/');
      expect(env.RATE_LIMIT_STORE).toBe('database');
      expect(env.TRUST_PROXY).toBe('1');
      expect(s[name].ports).toBeUndefined();
    }
    expect(Object.keys(s.proxy.depends_on!).sort()).toEqual(['app1', 'app2', 'martin']);
    expect(s.proxy.ports).toEqual(['8080:80']);
    // one instance migrates and seeds first
    expect(s.app2.depends_on?.app1?.condition).toBe('service_healthy');
  });

  it('the replica starts from a base backup of the primary (pg_basebackup -R) and streams from its slot', () => {
    expect(s['db-primary'].command).toEqual(expect.arrayContaining(['wal_level=replica']));
    const entry = readFileSync('deploy/postgres/replica-entrypoint.sh', 'utf8');
    expect(entry).toMatch(/pg_basebackup -h db-primary .* -R -X stream -S replica1/);
    expect(readFileSync('deploy/postgres/primary-init.sh', 'utf8')).toMatch(/pg_create_physical_replication_slot\('replica1'\)/);
    expect(s['db-replica'].volumes).toEqual(expect.arrayContaining(['./deploy/postgres/replica-entrypoint.sh:/replica-entrypoint.sh:ro']));
  });

  it('nginx balances the two instances and Martin serves every tile layer through its tile_<layer>(z, x, y, json) function', () => {
    const nginx = readFileSync('deploy/nginx/scale.conf', 'utf8');
    expect(nginx).toMatch(/server app1:3000/);
    expect(nginx).toMatch(/server app2:3000/);
    const martin = parse(readFileSync('deploy/martin/config.yaml', 'utf8')) as {
      postgres: { auto_publish: boolean; functions: Record<string, { function: string }> };
    };
    expect(martin.postgres.auto_publish).toBe(false);
    const sql = readFileSync('sql/functions/tile_mvt.sql', 'utf8');
    for (const layer of TILE_LAYERS) {
      const fn = martin.postgres.functions[layer]?.function;
      expect(fn, layer).toBe(`tile_${layer.replace(/-/g, '_')}`);
      // Martin's function-source convention: z, x, y integers named so, an optional json fourth argument, bytea out
      expect(sql).toContain(`FUNCTION ${fn}(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea`);
    }
  });
});
