import { useState } from 'react';
import { useI18n } from '../i18n';
import { CATEGORIES, label } from '../i18n/labels';
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
import { GROUPS, type Group } from '../map/style';

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
  vocab?: boolean;
  kind: 'fill' | 'hatch' | 'line' | 'dash' | 'dot' | 'thick' | 'thin';
  colour: string;
};
const LEGEND: Partial<Record<Group, Swatch[]>> = {
  blocks: [
    { key: 'blkCbmExploration', kind: 'fill', colour: BLOCK_COLOURS.cbm_exploration },
    { key: 'blkCbmMining', kind: 'fill', colour: BLOCK_COLOURS.cbm_mining },
    { key: 'blkCoal', kind: 'fill', colour: BLOCK_COLOURS.coal },
    { key: 'blkOther', kind: 'fill', colour: BLOCK_COLOURS.other },
    { key: 'blkInactive', kind: 'hatch', colour: BLOCK_COLOURS.inactive },
  ],
  reserves: [{ key: 'reserveProven', kind: 'fill', colour: RESERVE_COLOUR }],
  protected: [
    { key: 'paCore', kind: 'fill', colour: PA_COLOURS.core },
    { key: 'paGeneral', kind: 'fill', colour: PA_COLOURS.general },
    ...Object.entries(PA_CATEGORY_COLOURS)
      .filter(([k]) => k !== 'other')
      .map(([k, colour]) => ({ key: k, kind: 'fill' as const, colour, vocab: true })),
    { key: 'paOther', kind: 'fill', colour: PA_COLOURS.other },
  ],
  redlines: [
    { key: 'redOfficial', kind: 'line', colour: REDLINE_COLOUR },
    { key: 'redProposed', kind: 'dash', colour: REDLINE_COLOUR },
  ],
  wells: [
    { key: 'wellCluster', kind: 'dot', colour: CLUSTER_COLOUR },
    { key: 'wellProducing', kind: 'dot', colour: WELL_COLOURS.producing },
    { key: 'wellDrilling', kind: 'dot', colour: WELL_COLOURS.drilling },
    { key: 'wellInactive', kind: 'dot', colour: WELL_COLOURS.inactive },
  ],
  pipelines: [
    { key: 'pipeTrunk', kind: 'thick', colour: PIPE_COLOURS.trunk },
    { key: 'pipeGathering', kind: 'thin', colour: PIPE_COLOURS.gathering },
    { key: 'pipePlanned', kind: 'dash', colour: PIPE_COLOURS.planned },
  ],
};

function SwatchIcon({ s }: { s: Swatch }) {
  return <span className={`swatch swatch-${s.kind}`} style={{ ['--c' as string]: s.colour }} aria-hidden="true" />;
}

/** Layer toggles, opacity sliders and the legend, one row per group. */
export function LayersPanel({ ctl }: { ctl: MapController }) {
  const { t, lang } = useI18n();
  const [on, setOn] = useState<Record<Group, boolean>>(() => Object.fromEntries(GROUPS.map((g) => [g, true])) as Record<Group, boolean>);
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
                    <SwatchIcon s={s} /> {s.vocab ? label(CATEGORIES, s.key, lang) : t(s.key as keyof Messages)}
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
