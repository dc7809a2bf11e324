/**
 * `npm run planner:figures`: regenerate the figures of docs/planner.md (between its planner-figures markers) from the
 * seeds' worked figures and the synthetic demo data, with the service's own functions (data/planner-figures.ts).
 * `--check` only compares and exits 1 when the document disagrees (data/planner-figures.test.ts does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { plannerFiguresSection, withFigures } from '../data/planner-figures';

const path = new URL('../docs/planner.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const next = withFigures(doc, plannerFiguresSection());
if (process.argv.includes('--check')) {
  if (next !== doc) {
    console.error('docs/planner.md disagrees with the computed figures: run npm run planner:figures');
    process.exit(1);
  }
  console.log('docs/planner.md: figures up to date');
} else if (next === doc) {
  console.log('docs/planner.md: figures up to date');
} else {
  writeFileSync(path, next);
  console.log('docs/planner.md: figures regenerated');
}
