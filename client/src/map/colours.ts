/**
 * Colour tables and the MapLibre expressions built from them. One table per legend group, so the legend and the
 * map can never disagree; the page's only palette (contrast.test.ts checks it against WCAG 2.2 AA: legend
 * swatches ≥ 3:1 on the panel, chip text ≥ 4.5:1, and legend colours far enough apart to be told apart).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Severity } from '../../../server/vocab';

/** The map's background (outside every province). */
export const BACKGROUND = '#eef0ea';
/** The side, details and legend panels' background (styles.css `.side`, `.details`, `.outcome-legend`). */
export const PANEL_BACKGROUND = '#ffffff';

/** Block classes: CBM exploration, CBM mining, coal, other; expired/cancelled is its own class (faded + hatched). */
export const BLOCK_CLASSES = ['cbm_exploration', 'cbm_mining', 'coal', 'other', 'inactive'] as const;
export type BlockClass = (typeof BLOCK_CLASSES)[number];
export const BLOCK_COLOURS: Record<BlockClass, string> = {
  cbm_exploration: '#2c7fb8',
  cbm_mining: '#e6550d',
  coal: '#525252',
  other: '#8856a7',
  inactive: '#8a8a8a',
};
export const INACTIVE_STATUSES = ['expired', 'cancelled'];

/** The class of a block from its properties (mirrors `blockClassExpr`). */
export function blockClass(p: { mineral?: string; kind?: string; status?: string }): BlockClass {
  if (p.status && INACTIVE_STATUSES.includes(p.status)) return 'inactive';
  if (p.mineral === 'cbm') return p.kind === 'mining' ? 'cbm_mining' : 'cbm_exploration';
  if (p.mineral === 'coal') return 'coal';
  return 'other';
}

export const blockClassExpr: ExpressionSpecification = [
  'case',
  ['in', ['get', 'status'], ['literal', INACTIVE_STATUSES]],
  'inactive',
  ['all', ['==', ['get', 'mineral'], 'cbm'], ['==', ['get', 'kind'], 'mining']],
  'cbm_mining',
  ['==', ['get', 'mineral'], 'cbm'],
  'cbm_exploration',
  ['==', ['get', 'mineral'], 'coal'],
  'coal',
  'other',
];

/** `match` over a class expression with a colour table. */
export function matchColour(input: ExpressionSpecification, table: Record<string, string>, fallback: string): ExpressionSpecification {
  const pairs = Object.entries(table).flat();
  return ['match', input, ...pairs, fallback] as unknown as ExpressionSpecification;
}

export const blockColourExpr = matchColour(blockClassExpr, BLOCK_COLOURS, BLOCK_COLOURS.other);

/** Protected areas: nature-reserve core zones strongest, general zones lighter, other kinds by category. */
export const PA_COLOURS = { core: '#1b7837', general: '#4d9a49', other: '#5e8c87' } as const;
export const PA_CATEGORY_COLOURS: Record<string, string> = {
  scenic_area: '#35978f',
  geopark: '#a6761d',
  forest_park: '#6b8e23',
  wetland_park: '#1f8a9a',
  // a bright azure: never the CBM exploration blue (#2c7fb8) the spring areas overlap
  spring_protection: '#3b82f6',
  water_source: '#0868ac',
  cultural_relic: '#8c6bb1',
  high_grade_forest: '#4d9221',
  no_mining_zone: '#c51b7d',
  other: '#5e8c87',
};
export const paColourExpr: ExpressionSpecification = [
  'case',
  ['==', ['get', 'zone'], 'core'],
  PA_COLOURS.core,
  ['==', ['get', 'zone'], 'general'],
  PA_COLOURS.general,
  matchColour(['get', 'category'], PA_CATEGORY_COLOURS, PA_COLOURS.other),
];

export const REDLINE_COLOUR = '#d7191c';
export const RESERVE_COLOUR = '#b8860b';

export const WELL_COLOURS: Record<string, string> = {
  producing: '#1a9641',
  drilling: '#2b83ba',
  inactive: '#8c8c8c',
  abandoned: '#636363',
  plugged: '#252525',
};
/** Well clusters (below z10): violet, a colour no single well status uses. */
export const CLUSTER_COLOUR = '#6a3d9a';

export const PIPE_COLOURS = { trunk: '#b2182b', gathering: '#e0622f', planned: '#b2182b' } as const;

/** Conflict outcome colours (by severity), used on the map and as list chips (white text: each ≥ 4.5:1). */
export const SEVERITY_COLOURS: Record<Severity, string> = {
  block: '#c0161a',
  condition: '#b35806',
  ok: '#1a7f37',
  info: '#2166ac',
};
/** Text on an outcome chip. */
export const CHIP_TEXT = '#ffffff';

/** The focused conflict of a check, over its outcome colour (a hue no outcome or layer uses), on a dark casing. */
export const FOCUS_COLOUR = '#00e5ff';
export const FOCUS_CASING = '#111111';

/** Candidate relinquishment plans A, B, C … (also the letters' text colour: each ≥ 4.5:1 on white). */
export const CANDIDATE_COLOURS = ['#c0161a', '#2166ac', '#1a7f37', '#7b3294', '#b35806', '#8c510a'];
export const candidateColour = (i: number) => CANDIDATE_COLOURS[i % CANDIDATE_COLOURS.length];

/** Radius of a well-cluster circle (px) from its `point_count`: grows with the square root, capped. */
export function clusterRadius(count: number): number {
  return Math.min(22, 4 + Math.sqrt(Math.max(1, count)) * 0.7);
}
export const clusterRadiusExpr: ExpressionSpecification = ['min', 22, ['+', 4, ['*', 0.7, ['sqrt', ['max', 1, ['get', 'point_count']]]]]];

/** Outline of a right under a register status flag (tile properties seized / mortgaged, issue 14 item 6). */
export const FLAG_COLOURS = { seizure: '#b3001b', mortgage: '#6a3d9a' } as const;
