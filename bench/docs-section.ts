import { readFileSync, writeFileSync } from 'node:fs';

const DOC = 'docs/benchmarks.md';

/**
 * Replace the text between `<!-- bench NAME -->` and `<!-- /bench NAME -->` in docs/benchmarks.md (the figures a bench
 * run writes itself); warns and leaves the file alone when the markers are missing.
 */
export function writeDocSection(name: string, lines: string[]): void {
  const open = `<!-- bench ${name} -->`;
  const close = `<!-- /bench ${name} -->`;
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) console.warn(`${DOC}: no ${open} markers; figures in bench/last-run.json only`);
  else writeFileSync(DOC, doc.slice(0, a + open.length) + '\n' + lines.join('\n') + '\n' + doc.slice(b));
}
