/**
 * The legend: one swatch per category the map draws, each with its colour from colours.ts and its label key
 * (a message key, or a vocabulary code). LayersPanel renders it; contrast.test.ts checks that it lists every
 * drawn category and that each swatch stands out from the panel.
 */
import {
  PA_CATEGORIES,
  PA_ZONES,
  PIPELINE_TYPES,
  REDLINE_STATUSES,
  RIGHT_FLAG_KINDS,
  WELL_STATUSES,
  type Vocab,
} from '../../../server/vocab';
import type { Messages } from '../i18n/zh';
import {
  BLOCK_COLOURS,
  CLUSTER_COLOUR,
  FLAG_COLOURS,
  PA_CATEGORY_COLOURS,
  PA_COLOURS,
  PIPE_COLOURS,
  REDLINE_COLOUR,
  RESERVE_COLOUR,
  WELL_COLOURS,
} from './colours';
import type { Group } from './style';

export interface Swatch {
  key: keyof Messages | string;
  vocab?: Vocab;
  kind: 'fill' | 'hatch' | 'line' | 'dash' | 'dot' | 'thick' | 'thin';
  colour: string;
}

export const LEGEND: Partial<Record<Group, Swatch[]>> = {
  blocks: [
    { key: 'blkCbmExploration', kind: 'fill', colour: BLOCK_COLOURS.cbm_exploration },
    { key: 'blkCbmMining', kind: 'fill', colour: BLOCK_COLOURS.cbm_mining },
    { key: 'blkCoal', kind: 'fill', colour: BLOCK_COLOURS.coal },
    { key: 'seizure', vocab: RIGHT_FLAG_KINDS, kind: 'dash', colour: FLAG_COLOURS.seizure },
    { key: 'mortgage', vocab: RIGHT_FLAG_KINDS, kind: 'dash', colour: FLAG_COLOURS.mortgage },
    { key: 'blkOther', kind: 'fill', colour: BLOCK_COLOURS.other },
    { key: 'blkInactive', kind: 'hatch', colour: BLOCK_COLOURS.inactive },
  ],
  reserves: [{ key: 'reserveProven', kind: 'fill', colour: RESERVE_COLOUR }],
  protected: [
    { key: 'core', kind: 'fill', colour: PA_COLOURS.core, vocab: PA_ZONES },
    { key: 'general', kind: 'fill', colour: PA_COLOURS.general, vocab: PA_ZONES },
    ...Object.entries(PA_CATEGORY_COLOURS).map(([k, colour]) => ({ key: k, kind: 'fill' as const, colour, vocab: PA_CATEGORIES })),
  ],
  redlines: [
    { key: 'official', kind: 'line', colour: REDLINE_COLOUR, vocab: REDLINE_STATUSES },
    { key: 'proposed', kind: 'dash', colour: REDLINE_COLOUR, vocab: REDLINE_STATUSES },
  ],
  wells: [
    { key: 'wellCluster', kind: 'dot', colour: CLUSTER_COLOUR },
    // every status the map colours, named by the vocabulary (abandoned and plugged included)
    ...Object.entries(WELL_COLOURS).map(([k, colour]) => ({ key: k, kind: 'dot' as const, colour, vocab: WELL_STATUSES })),
  ],
  pipelines: [
    { key: 'trunk', kind: 'thick', colour: PIPE_COLOURS.trunk, vocab: PIPELINE_TYPES },
    { key: 'gathering', kind: 'thin', colour: PIPE_COLOURS.gathering, vocab: PIPELINE_TYPES },
    { key: 'pipePlanned', kind: 'dash', colour: PIPE_COLOURS.planned },
  ],
};
