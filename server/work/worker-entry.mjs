// Worker bootstrap: the service's modules are TypeScript, run through tsx in every worker thread whether the
// parent is `tsx server/main.ts` (npm start) or Vitest, so the worker registers tsx itself and loads ./worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
