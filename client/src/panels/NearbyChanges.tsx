import { useState } from 'react';
import { changesIn } from '../api/changes';
import type { RegisterChange } from '../api/contract';
import { ChangeLines } from '../edit/ChangeLines';
import { FIELD_LABELS } from '../edit/labels';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { Messages } from '../i18n/zh';
import type { MapController } from '../map/controller';
import { COLLECTIONS, label } from '../../../server/vocab';
import { todayInChina } from '../../../server/conflicts/subject';
import { addDays } from '../../../server/rules/dates';
import { ErrorBox, Unavailable, useLoad } from './common';

/** Around a right: its box widened by this much each side (≈ 5.5 km north–south, ≈ 4.5 km east–west in Shanxi). */
const AROUND_DEG = 0.05;
const PERIODS = [90, 365, 1825] as const;
const SHOWN = 50;
const OPERATION: Record<RegisterChange['properties']['operation'], keyof Messages> = {
  create: 'opCreate',
  update: 'opUpdate',
  delete: 'opDelete',
};

/** The day `days` before today in China, as an ISO day (the API reads a day as its first instant). */
const daysAgo = (days: number) => addDays(todayInChina(), -days);

/**
 * What changed on the register around a right (GET /api/changes over its box widened by AROUND_DEG): rights, reserves,
 * protected areas, red lines, wells and pipelines created, changed or deleted in the chosen period, newest first, each
 * with what changed; a line focuses the map on it. The register as the public reads it: anyone sees it.
 */
export function NearbyChanges({ id, bbox, ctl }: { id: string; bbox: [number, number, number, number]; ctl?: MapController | null }) {
  const { t } = useI18n();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(365);
  const box = [bbox[0] - AROUND_DEG, bbox[1] - AROUND_DEG, bbox[2] + AROUND_DEG, bbox[3] + AROUND_DEG];
  const load = useLoad((signal) => changesIn(box, daysAgo(days), SHOWN, signal), [id, days, ...box]);
  return (
    <section className="detail-section" data-testid="details-changes">
      <h3>{t('changesTitle')}</h3>
      <p className="muted small">{t('changesHelp', { km: 5 })}</p>
      <label>
        {t('changesPeriod')}{' '}
        <select value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])} data-testid="changes-period">
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t(d === 90 ? 'changes90' : d === 365 ? 'changes365' : 'changes1825')}
            </option>
          ))}
        </select>
      </label>
      {load?.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {load?.state === 'unavailable' && <Unavailable />}
      {load?.state === 'error' && <ErrorBox error={load.error} />}
      {load?.state === 'ok' &&
        (load.value.features.length ? (
          <>
            <ol className="history" data-testid="changes">
              {load.value.features.map((c) => (
                <ChangeLine key={c.id} c={c} own={c.properties.collection === 'blocks' && c.properties.feature_id === id} ctl={ctl} />
              ))}
            </ol>
            {(load.value.numberMatched ?? 0) > load.value.features.length && (
              <p className="muted small" data-testid="changes-more">
                {t('changesMore', { n: load.value.numberMatched! - load.value.features.length })}
              </p>
            )}
          </>
        ) : (
          <p className="muted" data-testid="changes-none">
            {t('changesNone')}
          </p>
        ))}
    </section>
  );
}

function ChangeLine({ c, own, ctl }: { c: RegisterChange; own: boolean; ctl?: MapController | null }) {
  const { t, lang } = useI18n();
  const p = c.properties;
  const name = String(p.after?.name ?? p.before?.name ?? p.feature_id);
  // an update: each property with a name on the page (the areas follow the geometry)
  const fields = p.operation === 'update' ? p.changed.filter((f) => f in FIELD_LABELS) : [];
  return (
    <li data-testid="change" data-operation={p.operation} data-collection={p.collection}>
      <div>
        <b>{formatDateTime(p.at)}</b> · {label(COLLECTIONS, p.collection, lang)} ·{' '}
        {c.geometry ? (
          <button type="button" className="link" onClick={() => ctl?.fitGeometry(c.geometry!, c.geometry!.type === 'Point' ? 14 : 12)}>
            {name}
          </button>
        ) : (
          name
        )}{' '}
        · {t(OPERATION[p.operation])}
        {own && <span className="muted small"> {t('changesOwn')}</span>}
      </div>
      {(fields.length > 0 || p.geometry_changed) && (
        <div className="small">
          <ChangeLines
            collection={p.collection}
            changes={fields.map((f) => ({ field: f, from: p.before?.[f], to: p.after?.[f] }))}
            moved={p.geometry_changed}
            testid="change-field"
          />
        </div>
      )}
    </li>
  );
}
