import { useEffect, useRef, useState, type FormEvent } from 'react';
import { dueWithin, type DueItem } from '../api/deadlines';
import { blocksAsAt, getFeature, searchBlocks } from '../api/features';
import type { BlockProps, Feature } from '../api/contract';
import { formatKm2 } from '../format';
import { useI18n } from '../i18n';
import { BLOCK_STATUSES, DEADLINE_KINDS, MINERALS } from '../../../server/vocab';
import type { MapController } from '../map/controller';
import type { SelectedBlock } from './ExtensionPanel';
import { ErrorBox, Progress, VocabSelect } from './common';
import { Downloads } from './Downloads';

/** Search by licence number / name / holder, filter the block layers, and the "as at date" history view. */
export function FindPanel({ ctl, onPick }: { ctl: MapController; onPick: (b: SelectedBlock, geometry?: GeoJSON.Geometry) => void }) {
  const { t, term } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Feature<BlockProps>[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState(ctl.blockFilter.status ?? '');
  const [mineral, setMineral] = useState(ctl.blockFilter.mineral ?? '');
  const [holder, setHolder] = useState(ctl.blockFilter.holder ?? '');
  // follow filters set elsewhere (a permalink restoring them)
  useEffect(
    () =>
      ctl.onStateChange(() => {
        setStatus(ctl.blockFilter.status ?? '');
        setMineral(ctl.blockFilter.mineral ?? '');
        setHolder(ctl.blockFilter.holder ?? '');
      }),
    [ctl],
  );
  const [asAt, setAsAt] = useState('');
  const [asAtInfo, setAsAtInfo] = useState<{ date: string; n: number } | null>(null);
  const [dueDays, setDueDays] = useState(90);
  const [due, setDue] = useState<DueItem[] | null>(null);
  const [searched, setSearched] = useState('');

  const listDue = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDue((await dueWithin(dueDays)).items);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const pickDue = async (d: DueItem) => {
    try {
      const f = await getFeature<BlockProps>('blocks', d.block_id);
      onPick({ id: d.block_id, properties: { id: d.block_id, ...f.properties } }, f.geometry ?? undefined);
    } catch (err) {
      setError(err);
    }
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResults((await searchBlocks(q.trim())).features);
      setSearched(q.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const applyFilter = (next: { status?: string; mineral?: string; holder?: string }) => {
    const f = { status, mineral, holder, ...next };
    ctl.setBlockFilter({ status: f.status || undefined, mineral: f.mineral || undefined, holder: f.holder || undefined });
  };

  const wanted = useRef<string | null>(null);
  const loadAsAt = async (date: string) => {
    wanted.current = date;
    setBusy(true);
    setError(null);
    try {
      const fc = await blocksAsAt(date, ctl.bbox());
      if (wanted.current !== date) return; // cleared or changed meanwhile
      ctl.setAsAt(fc as unknown as GeoJSON.FeatureCollection);
      setAsAtInfo({ date, n: fc.features.length });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const showAsAt = (e: FormEvent) => {
    e.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(asAt)) void loadAsAt(asAt);
  };

  // while the history view is on, follow the map: reload the view's blocks after each move
  const activeDate = asAtInfo?.date ?? null;
  useEffect(() => {
    if (!activeDate) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMove = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void loadAsAt(activeDate), 300);
    };
    ctl.map.on('moveend', onMove);
    return () => {
      clearTimeout(timer);
      ctl.map.off('moveend', onMove);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctl, activeDate]);

  return (
    <div className="panel-body">
      <form onSubmit={search} role="search">
        <label htmlFor="q">{t('searchLabel')}</label>
        <div className="row">
          <input
            id="q"
            type="search"
            value={q}
            placeholder={t('searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="search-input"
          />
          <button type="submit" data-testid="search-submit">
            {t('search')}
          </button>
        </div>
      </form>
      {busy && <Progress value={null} text={t('loading')} />}
      <p className="sr-only" role="status" aria-live="polite" data-testid="find-announce">
        {results && !busy ? (results.length ? t('announceResults', { n: results.length }) : t('noResults')) : ''}
      </p>
      <ErrorBox error={error} />
      {results && (
        <div>
          <h3>
            {t('results')} ({results.length})
          </h3>
          {results.length > 0 && (
            <Downloads
              href={`/api/exports/search?q=${encodeURIComponent(searched)}`}
              formats={['csv', 'xlsx', 'geojson', 'shp']}
              testid="search-export"
            />
          )}
          {results.length === 0 ? (
            <p className="muted">{t('noResults')}</p>
          ) : (
            <ul className="results" data-testid="search-results">
              {results.map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onPick({ id: String(f.id), properties: { id: f.id, ...f.properties } }, f.geometry ?? undefined)}
                  >
                    <strong>{f.properties.name}</strong>
                    <span className="mono">{f.properties.licence_no}</span>
                    <span className="muted">
                      {f.properties.holder} · {term(BLOCK_STATUSES, f.properties.status)} ·{' '}
                      {formatKm2(f.properties.area_km2 as number | undefined)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset>
        <legend>{t('filters')}</legend>
        <VocabSelect
          caption={t('filterStatus')}
          value={status}
          testid="filter-status"
          vocab={BLOCK_STATUSES}
          onChange={(v) => {
            setStatus(v);
            applyFilter({ status: v });
          }}
        />
        <VocabSelect
          caption={t('filterMineral')}
          value={mineral}
          testid="filter-mineral"
          vocab={MINERALS}
          onChange={(v) => {
            setMineral(v);
            applyFilter({ mineral: v });
          }}
        />
        <label>
          {t('filterHolder')}
          <input
            type="text"
            value={holder}
            placeholder={t('filterHolderPlaceholder')}
            data-testid="filter-holder"
            onChange={(e) => {
              setHolder(e.target.value);
              applyFilter({ holder: e.target.value });
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => {
            setStatus('');
            setMineral('');
            setHolder('');
            ctl.setBlockFilter({});
          }}
        >
          {t('clearFilters')}
        </button>
      </fieldset>

      <form onSubmit={listDue}>
        <fieldset>
          <legend>{t('deadlinesTitle')}</legend>
          <p className="muted small">{t('deadlinesHelp')}</p>
          <div className="row">
            <select
              value={dueDays}
              aria-label={t('deadlinesWithin')}
              data-testid="due-window"
              onChange={(e) => setDueDays(Number(e.target.value))}
            >
              {[30, 90, 365, 1825].map((n) => (
                <option key={n} value={n}>
                  {t('deadlinesDays', { n })}
                </option>
              ))}
            </select>
            <button type="submit" data-testid="due-list">
              {t('deadlinesShow')}
            </button>
          </div>
          {due && due.length > 0 && (
            <Downloads href={`/api/exports/deadlines?within=${dueDays}d`} formats={['csv', 'xlsx']} testid="due-export" />
          )}
          {due &&
            (due.length === 0 ? (
              <p className="muted">{t('deadlinesNone')}</p>
            ) : (
              <ul className="results" data-testid="due-results">
                {due.map((d) => (
                  <li key={`${d.block_id}-${d.deadline}`}>
                    <button type="button" className="link" onClick={() => void pickDue(d)}>
                      <strong>{d.name}</strong>
                      <span>
                        {term(DEADLINE_KINDS, d.deadline)}: {d.due.date} · {t('daysLeft', { n: d.due.days_left })}
                      </span>
                      <span className="muted small">
                        {d.due.rule} {d.due.citation}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </fieldset>
      </form>

      <form onSubmit={showAsAt}>
        <fieldset>
          <legend>{t('asAt')}</legend>
          <p className="muted small">{t('asAtHelp')}</p>
          <div className="row">
            <input
              type="date"
              value={asAt}
              min="1990-01-01"
              max="2100-12-31"
              onChange={(e) => setAsAt(e.target.value)}
              aria-label={t('asAt')}
              data-testid="asat-date"
            />
            <button type="submit" data-testid="asat-apply">
              {t('asAtApply')}
            </button>
            <button
              type="button"
              disabled={!asAtInfo}
              onClick={() => {
                wanted.current = null;
                ctl.setAsAt(null);
                setAsAtInfo(null);
              }}
            >
              {t('asAtClear')}
            </button>
          </div>
          {asAtInfo && (
            <p className="notice" data-testid="asat-info">
              {t('asAtActive', { date: asAtInfo.date, n: asAtInfo.n })}
            </p>
          )}
        </fieldset>
      </form>
    </div>
  );
}
