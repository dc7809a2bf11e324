import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { label } from '../../../server/vocab';
import type { Messages } from '../i18n/zh';
import { LEGEND, type Swatch } from '../map/legend';
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
