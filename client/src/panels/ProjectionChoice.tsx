import { useState } from 'react';
import { useI18n } from '../i18n';

/**
 * The Gauss-Krüger zone of a file whose eastings carry no zone prefix: a 3°/6° zone number, a central meridian or an
 * EPSG code. Remembered in localStorage; sent as the API's `zone` or `crs` hint (a central meridian becomes the
 * CGCS2000 3° "CM" code 4534–4554, the same projection).
 */
export interface Projection {
  kind: 'zone' | 'cm' | 'crs';
  value: number;
}

const KEY = 'kq.check.projection';

export function loadProjection(): Projection | null {
  try {
    const p = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Projection | null;
    return p && ['zone', 'cm', 'crs'].includes(p.kind) && Number.isInteger(p.value) && !projectionError(p) ? p : null;
  } catch {
    return null;
  }
}

export function saveProjection(p: Projection) {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    /* private mode: not remembered */
  }
}

/** The request fields for a choice. */
export function projectionFields(p: Projection | null): Record<string, string> {
  if (!p) return {};
  if (p.kind === 'zone') return { zone: String(p.value) };
  if (p.kind === 'cm') return { crs: String(4534 + (p.value - 75) / 3) };
  return { crs: String(p.value) };
}

/** Why a choice cannot be right, as an i18n key, or null. */
export function projectionError(p: Projection): 'projectionBadZone' | 'projectionBadCm' | 'projectionBadCrs' | null {
  const v = p.value;
  if (!Number.isInteger(v)) return p.kind === 'zone' ? 'projectionBadZone' : p.kind === 'cm' ? 'projectionBadCm' : 'projectionBadCrs';
  if (p.kind === 'zone') return (v >= 25 && v <= 45) || (v >= 13 && v <= 23) ? null : 'projectionBadZone';
  if (p.kind === 'cm') return v >= 75 && v <= 135 && v % 3 === 0 ? null : 'projectionBadCm';
  return v >= 4491 && v <= 4554 ? null : 'projectionBadCrs';
}

/** A short label of a choice: 第38带 / 中央经线 114° / EPSG:4545. */
export function projectionLabel(p: Projection, t: (k: 'projectionZone' | 'projectionCm' | 'projectionCrs') => string): string {
  return p.kind === 'crs'
    ? `EPSG:${p.value}`
    : `${t(p.kind === 'zone' ? 'projectionZone' : 'projectionCm')} ${p.value}${p.kind === 'cm' ? '°' : ''}`;
}

/** The form the check panel shows when a file needs a zone: pick, apply, and the file is read again. */
export function ProjectionChoice({ initial, onApply }: { initial: Projection | null; onApply: (p: Projection) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Projection['kind']>(initial?.kind ?? 'zone');
  const [value, setValue] = useState(initial ? String(initial.value) : '');
  const p: Projection = { kind, value: Number(value) };
  const err = value.trim() ? projectionError(p) : null;
  return (
    <form
      className="notice projection"
      data-testid="projection-choice"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() && !err) onApply(p);
      }}
    >
      <p className="small">{t('projectionNeeded')}</p>
      <div className="row">
        <select
          aria-label={t('projectionKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Projection['kind'])}
          data-testid="projection-kind"
        >
          <option value="zone">{t('projectionZone')}</option>
          <option value="cm">{t('projectionCm')}</option>
          <option value="crs">{t('projectionCrs')}</option>
        </select>
        <input
          type="number"
          inputMode="numeric"
          aria-label={t('projectionValue')}
          placeholder={kind === 'zone' ? '38' : kind === 'cm' ? '114' : '4545'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          data-testid="projection-value"
        />
        <button type="submit" disabled={!value.trim() || !!err} data-testid="projection-apply">
          {t('projectionApply')}
        </button>
      </div>
      {err && (
        <p className="small error-text" role="alert">
          {t(err)}
        </p>
      )}
    </form>
  );
}
