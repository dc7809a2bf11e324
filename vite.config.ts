import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One file configures the client build (Vite) and the test projects (Vitest).
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
    // both: every other project runs its files one at a time (timing bounds, one browser), and the projects run one
    // after another (measured: an API file waits for the browser file before it, whatever the sequencer's order).
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
          fileParallelism: false,
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
          fileParallelism: false,
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
          fileParallelism: false,
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
