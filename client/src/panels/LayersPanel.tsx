import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import {
  PA_CATEGORIES,
  PA_ZONES,
  PIPELINE_TYPES,
  REDLINE_STATUSES,
  RIGHT_FLAG_KINDS,
  WELL_STATUSES,
  label,
  type Vocab,
} from '../../../server/vocab';
import type { Messages } from '../i18n/zh';
import {
  BLOCK_COLOURS,
  CLUSTER_COLOUR,
  PA_CATEGORY_COLOURS,
  PA_COLOURS,
  PIPE_COLOURS,
  REDLINE_COLOUR,
  RESERVE_COLOUR,
  WELL_COLOURS,
} from '../map/colours';
import type { MapController } from '../map/controller';
import { FLAG_COLOURS, GROUPS, type Group } from '../map/style';

const GROUP_LABEL: Record<Group, keyof Messages> = {
  boundaries: 'layerBoundaries',
  protected: 'layerProtected',
  redlines: 'layerRedlines',
  blocks: 'layerBlocks',
  reserves: 'layerReserves',
  pipelines: 'layerPipelines',
  wells: 'layerWells',
};

type Swatch = {
  key: keyof Messages | string;
  vocab?: Vocab;
  kind: 'fill' | 'hatch' | 'line' | 'dash' | 'dot' | 'thick' | 'thin';
  colour: string;
};
const LEGEND: Partial<Record<Group, Swatch[]>> = {
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

function SwatchIcon({ s }: { s: Swatch }) {
  return <span className={`swatch swatch-${s.kind}`} style={{ ['--c' as string]: s.colour }} aria-hidden="true" />;
}

/** Layer toggles, opacity sliders and the legend, one row per group. */
export function LayersPanel({ ctl }: { ctl: MapController }) {
  const { t, lang } = useI18n();
  const visibleNow = () => Object.fromEntries(GROUPS.map((g) => [g, ctl.isGroupVisible(g)])) as Record<Group, boolean>;
  const [on, setOn] = useState<Record<Group, boolean>>(visibleNow);
  // follow changes made elsewhere (a permalink restoring its layers)
  useEffect(() => ctl.onStateChange(() => setOn(visibleNow())), [ctl]); // eslint-disable-line react-hooks/exhaustive-deps
  const [op, setOp] = useState<Record<Group, number>>(() => Object.fromEntries(GROUPS.map((g) => [g, 100])) as Record<Group, number>);
  const order: Group[] = ['blocks', 'reserves', 'protected', 'redlines', 'wells', 'pipelines', 'boundaries'];
  return (
    <div className="panel-body">
      <h2>{t('legend')}</h2>
      <ul className="layer-list">
        {order.map((g) => (
          <li key={g} className={on[g] ? '' : 'off'}>
            <label className="layer-toggle">
              <input
                type="checkbox"
                checked={on[g]}
                data-testid={`toggle-${g}`}
                onChange={(e) => {
                  const v = e.target.checked;
                  setOn((s) => ({ ...s, [g]: v }));
                  ctl.setGroupVisible(g, v);
                }}
              />
              <span>{t(GROUP_LABEL[g])}</span>
            </label>
            <label className="opacity">
              <span className="sr-only">
                {t(GROUP_LABEL[g])} {t('opacity')}
              </span>
              <input
                type="range"
                min={0}
                max={100}
                step={5}
                value={op[g]}
                disabled={!on[g]}
                aria-label={`${t(GROUP_LABEL[g])} ${t('opacity')}`}
                data-testid={`opacity-${g}`}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  setOp((s) => ({ ...s, [g]: v }));
                  ctl.setGroupOpacity(g, v / 100);
                }}
              />
              <output>{op[g]}%</output>
            </label>
            {LEGEND[g] && (
              <ul className="legend">
                {LEGEND[g]!.map((s) => (
                  <li key={s.key}>
                    <SwatchIcon s={s} /> {s.vocab ? label(s.vocab, s.key, lang) : t(s.key as keyof Messages)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
