/**
 * What sits on the map itself: the tool bar (distance, area, copy link), the coordinate readout under the cursor
 * (decimal, DMS, Gauss-Krüger 3° zone; click to copy), the measuring result, and the overview inset.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { MapController } from '../controller';
import { copyText } from './clipboard';
import { readout } from './coords';
import { formatArea, formatLength } from './measure';
import type { MeasureMode, MeasureResult } from './measure-tool';
import { OverviewMap } from './OverviewMap';
import { toolText } from './text';
import './tools.css';

type Where = { lon: number; lat: number; kind: 'cursor' | 'pinned' | 'centre' };

/** The readout's formats: all three, or decimal only (the user's choice, kept; by default only on narrow screens). */
const FORMATS_KEY = 'kq-readout-formats';
function initialAllFormats(): boolean {
  try {
    const kept = localStorage.getItem(FORMATS_KEY);
    if (kept === 'all' || kept === 'decimal') return kept === 'all';
  } catch {
    // storage refused (private mode): the default
  }
  // a phone's map strip is ~400 px high: three formats (GK on two lines) would take a quarter of it
  return !window.matchMedia('(max-width: 600px)').matches;
}

function CoordinateReadout({ ctl }: { ctl: MapController }) {
  const { lang } = useI18n();
  const tt = toolText(lang);
  const [at, setAt] = useState<Where>(() => {
    const c = ctl.map.getCenter();
    return { lon: c.lng, lat: c.lat, kind: 'centre' };
  });
  const [copied, setCopied] = useState<string | null>(null);
  const [allFormats, setAllFormats] = useState(initialAllFormats);
  const pinned = useRef(false);
  const box = useRef<HTMLElement>(null);

  // the boxes in the map's bottom-left corner (the check's outcome legend, …) stand above the readout, never under it:
  // the corner is lifted by the readout's height and offset (--readout-h on .map-wrap, tools.css)
  useEffect(() => {
    const el = box.current;
    const wrap = el?.closest<HTMLElement>('.map-wrap');
    if (!el || !wrap) return;
    const lift = () => {
      const h = el.offsetHeight ? wrap.getBoundingClientRect().bottom - el.getBoundingClientRect().top : 0;
      wrap.style.setProperty('--readout-h', `${Math.max(0, Math.ceil(h))}px`);
    };
    lift();
    const ro = new ResizeObserver(lift);
    ro.observe(el);
    ro.observe(wrap);
    return () => {
      ro.disconnect();
      wrap.style.removeProperty('--readout-h');
    };
  }, []);

  useEffect(() => {
    const map = ctl.map;
    let frame = 0;
    let next: Where | null = null;
    const set = (w: Where) => {
      next = w;
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (next) setAt(next);
        });
    };
    const move = (e: { lngLat: { lng: number; lat: number } }) => {
      if (!pinned.current) set({ lon: e.lngLat.lng, lat: e.lngLat.lat, kind: 'cursor' });
    };
    const out = () => {
      if (pinned.current) return;
      const c = map.getCenter();
      set({ lon: c.lng, lat: c.lat, kind: 'centre' });
    };
    const moved = () => {
      if (pinned.current) return;
      const c = map.getCenter();
      setAt((w) => (w.kind === 'cursor' ? w : { lon: c.lng, lat: c.lat, kind: 'centre' }));
    };
    const click = (e: { lngLat: { lng: number; lat: number } }) => {
      if (ctl.drawing) return;
      pinned.current = true;
      set({ lon: e.lngLat.lng, lat: e.lngLat.lat, kind: 'pinned' });
    };
    map.on('mousemove', move);
    map.on('mouseout', out);
    map.on('moveend', moved);
    map.on('click', click);
    return () => {
      cancelAnimationFrame(frame);
      map.off('mousemove', move);
      map.off('mouseout', out);
      map.off('moveend', moved);
      map.off('click', click);
    };
  }, [ctl]);

  const r = readout(at.lon, at.lat, lang);
  const all: [string, string, string | null][] = [
    ['decimal', tt('decimal'), r.decimal],
    ['dms', tt('dms'), r.dms],
    ['gk', tt('gk'), r.gk],
  ];
  const rows = allFormats ? all : all.slice(0, 1);
  const toggleFormats = () =>
    setAllFormats((v) => {
      try {
        localStorage.setItem(FORMATS_KEY, v ? 'decimal' : 'all');
      } catch {
        // not kept: the choice holds for this page
      }
      return !v;
    });
  const copy = async (key: string, text: string) => {
    if (await copyText(text)) {
      setCopied(key);
      setTimeout(() => setCopied((c) => (c === key ? null : c)), 1500);
    }
  };
  return (
    <section className="kq-readout" aria-label={tt('cursor')} data-testid="coord-readout" ref={box}>
      <div className="kq-readout-head">
        <span data-testid="coord-kind">{at.kind === 'pinned' ? tt('pinned') : at.kind === 'centre' ? tt('centre') : tt('cursor')}</span>
        {at.kind === 'pinned' && (
          <button
            type="button"
            className="kq-link"
            onClick={() => {
              pinned.current = false;
              const c = ctl.map.getCenter();
              setAt({ lon: c.lng, lat: c.lat, kind: 'centre' });
            }}
          >
            {tt('unpin')}
          </button>
        )}
        <button
          type="button"
          className="kq-link kq-readout-toggle"
          data-testid="coord-formats"
          aria-expanded={allFormats}
          onClick={toggleFormats}
        >
          {allFormats ? `▾ ${tt('fewerFormats')}` : `▸ ${tt('moreFormats')}`}
        </button>
      </div>
      {rows.map(([key, name, text]) => (
        <div className="kq-readout-row" key={key}>
          <span className="kq-readout-name">{name}</span>
          {text ? (
            <button
              type="button"
              className="kq-readout-value mono"
              data-testid={`coord-${key}`}
              title={`${tt('copy')}: ${text}`}
              aria-label={`${tt('copy')} ${name}: ${text}`}
              onClick={() => void copy(key, text)}
            >
              {text}
              {copied === key && <span className="kq-copied"> ✓ {tt('copied')}</span>}
            </button>
          ) : (
            <span className="kq-readout-value muted" data-testid={`coord-${key}`}>
              {tt('gkNone')}
            </span>
          )}
        </div>
      ))}
    </section>
  );
}

function MeasureBox({ result, mode }: { result: MeasureResult | null; mode: MeasureMode }) {
  const { lang } = useI18n();
  const tt = toolText(lang);
  return (
    <div className="kq-measure" role="status" aria-live="polite" data-testid="measure-result">
      <p className="small muted">{tt('measureHelp')}</p>
      {result && mode === 'distance' && (
        <p>
          {tt('measureDistanceResult')}: <strong data-testid="measure-length">{formatLength(result.lengthM)}</strong>
        </p>
      )}
      {result && mode === 'area' && (
        <>
          <p>
            {tt('measureAreaResult')}: <strong data-testid="measure-area">{formatArea(result.areaM2, lang)}</strong>
          </p>
          <p>
            {tt('measurePerimeter')}: <span data-testid="measure-perimeter">{formatLength(result.lengthM)}</span>
          </p>
        </>
      )}
      <p className="small muted">{tt('measureBasis')}</p>
    </div>
  );
}

export function MapTools({ ctl }: { ctl: MapController }) {
  const { lang } = useI18n();
  const tt = toolText(lang);
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [result, setResult] = useState<MeasureResult | null>(null);
  const [linkCopied, setLinkCopied] = useState(false);

  useEffect(() => ctl.setBaseLanguage(lang), [ctl, lang]);

  const toggle = (m: MeasureMode) => {
    if (mode === m) {
      ctl.stopMeasure();
      setMode(null);
      return;
    }
    ctl.stopMeasure();
    setResult(null);
    setMode(m);
    ctl.startMeasure(m, (r) => {
      if (r) setResult(r);
      else if (!ctl.measuring) {
        setMode(null);
        setResult(null);
      }
    });
  };

  return (
    <>
      <div className="kq-toolbar" role="toolbar" aria-label={tt('tools')}>
        <button type="button" aria-pressed={mode === 'distance'} data-testid="measure-distance" onClick={() => toggle('distance')}>
          {tt('measureDistance')}
        </button>
        <button type="button" aria-pressed={mode === 'area'} data-testid="measure-area-btn" onClick={() => toggle('area')}>
          {tt('measureArea')}
        </button>
        <button
          type="button"
          data-testid="copy-link"
          onClick={async () => {
            if (await copyText(location.href)) {
              setLinkCopied(true);
              setTimeout(() => setLinkCopied(false), 1500);
            }
          }}
        >
          {linkCopied ? tt('linkCopied') : tt('copyLink')}
        </button>
      </div>
      {mode && <MeasureBox result={result} mode={mode} />}
      <CoordinateReadout ctl={ctl} />
      <OverviewMap ctl={ctl} label={tt('overview')} />
    </>
  );
}
