import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One file configures the client build (Vite) and the test projects (Vitest).

/**
 * The projects that run their files one at a time (servers, databases, a browser, timing bounds). Their files share
 * one module graph (the server's contract, rules and SQL files imported once per worker, not once per file; each file
 * still starts its own server and database); they run after `unit`, whose two workers need a group of their own.
 */
const ONE_FILE_AT_A_TIME = { fileParallelism: false, isolate: false, sequence: { groupOrder: 1 } } as const;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // MapLibre (the bulk of the bundle) in its own chunk: it changes only on upgrade, so browsers keep it across releases
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/tiles': 'http://127.0.0.1:3000', '/collections': 'http://127.0.0.1:3000' } },
  test: {
    root: '.',
    // Two test files at a time on the 2-core machine (Vitest's default there is one: cores − 1). Only `unit` uses
    // both: every other project runs its files one at a time (timing bounds, one browser). Inside one Vitest process
    // such projects share one queue (an API file waits for a browser file). Projects whose files share one module graph
    // (`isolate: false`, imported once per worker instead of once per file) must differ in `sequence.groupOrder` when
    // their worker counts differ: unit (two workers) first, then the one-at-a-time projects.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['server/**/*.test.ts', 'client/src/**/*.test.ts', 'data/**/*.test.ts'],
          environment: 'node',
          // pure modules without mocks or global state: one module graph per worker instead of one per file
          // (the per-file re-import was 85 of the project's 142 s)
          isolate: false,
          // reading the demo files or a property test takes seconds when the other test lane is busy
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          root: '.',
          include: ['test/api/**/*.test.ts'],
          globalSetup: ['test/setup/postgis-global.ts'],
          // every response the suite fetches is validated against the API contract (server/contract)
          setupFiles: ['test/setup/contract-fetch.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          ...ONE_FILE_AT_A_TIME,
        },
      },
      {
        extends: true,
        test: {
          name: 'smoke-pglite',
          root: '.',
          include: ['test/smoke/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          ...ONE_FILE_AT_A_TIME,
        },
      },
      {
        extends: true,
        test: {
          // the same inputs through PostGIS and the embedded engine (issue 9)
          name: 'differential',
          root: '.',
          include: ['test/differential/**/*.test.ts'],
          globalSetup: ['test/setup/postgis-global.ts'],
          // building the embedded engine with the demo data takes ~1 min alone, several under load
          testTimeout: 300_000,
          hookTimeout: 900_000,
          ...ONE_FILE_AT_A_TIME,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/postgis-global.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
