import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { boundaries } from './api/features';
import { bboxOf } from './format';
import { useI18n } from './i18n';
import { COLLECTIONS, label, labelField } from '../../server/vocab';
import { MapController, type Hit } from './map/controller';
import type { SelectedBlock } from './panels/ExtensionPanel';
import { LayersPanel } from './panels/LayersPanel';
import { AccountMenu } from './auth/AccountMenu';
import { useAuth } from './auth/AuthContext';
import { MapTools } from './map/tools/MapTools';
import { usePermalink } from './permalink/usePermalink';
import type { ApplicationDraft } from './api/applications';

// panels not on screen at first load are their own chunks, fetched when first opened (the legend is the first tab)
const FindPanel = lazy(() => import('./panels/FindPanel').then((m) => ({ default: m.FindPanel })));
const CheckPanel = lazy(() => import('./panels/CheckPanel').then((m) => ({ default: m.CheckPanel })));
const ExtensionPanel = lazy(() => import('./panels/ExtensionPanel').then((m) => ({ default: m.ExtensionPanel })));
const DetailsPanel = lazy(() => import('./panels/DetailsPanel').then((m) => ({ default: m.DetailsPanel })));
const ApplicationsPanel = lazy(() => import('./panels/ApplicationsPanel').then((m) => ({ default: m.ApplicationsPanel })));

type Tab = 'layers' | 'find' | 'check' | 'extension' | 'applications';
const TABS: Tab[] = ['layers', 'find', 'check', 'extension', 'applications'];
const TAB_KEY = {
  layers: 'tabLayers',
  find: 'tabFind',
  check: 'tabCheck',
  extension: 'tabExtension',
  applications: 'tabApplications',
} as const;

export function App() {
  const { t, lang, setLang } = useI18n();
  const mapEl = useRef<HTMLDivElement>(null);
  const [ctl, setCtl] = useState<MapController | null>(null);
  const [tab, setTab] = useState<Tab>('layers');
  // a tab's panel is mounted when first shown and kept (its inputs and results survive switching tabs)
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));
  const [panelOpen, setPanelOpen] = useState(() => window.innerWidth >= 900);
  const [hit, setHit] = useState<Hit | null>(null);
  const [block, setBlock] = useState<SelectedBlock | null>(null);
  const [dropped, setDropped] = useState<{ file: File; n: number } | null>(null);
  const [dragOver, setDragOver] = useState(false);
  // ≤ 1100 px one panel at a time (details replace the side panel); ≤ 900 px the open panel is a bottom sheet
  const narrow = useMedia('(max-width: 1100px)');
  const sheet = useMedia('(max-width: 900px)');
  const phone = useMedia('(max-width: 560px)');
  const { me } = useAuth();
  // the top bar takes two rows where one would push its last buttons off screen (styles.css .top-2rows)
  const twoRowTop = phone || (narrow && me !== null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // a geometry to fit once the panel that opens with it is laid out (the map is narrower or shorter then)
  const [pendingFit, setPendingFit] = useState<GeoJSON.Geometry | null>(null);
  // an application prepared from a check result or an extension assessment: the applications tab opens with it
  const [draft, setDraft] = useState<{ value: ApplicationDraft; n: number } | null>(null);
  const prepare = useCallback((value: ApplicationDraft) => {
    setDraft((d) => ({ value, n: (d?.n ?? 0) + 1 }));
    setTab('applications');
    setPanelOpen(true);
  }, []);

  // the map, once
  useEffect(() => {
    const c = new MapController(mapEl.current!, (h) => setHit(h));
    setCtl(c);
    const ac = new AbortController();
    boundaries(ac.signal)
      .then((fc) =>
        c.setLabels({
          type: 'FeatureCollection',
          features: fc.features.map((f) => {
            const p = f.properties;
            let at: [number, number] | null = p.label_lon !== undefined && p.label_lat !== undefined ? [p.label_lon, p.label_lat] : null;
            if (!at) {
              const coords =
                JSON.stringify(f.geometry)
                  .match(/-?\d+\.?\d*/g)
                  ?.map(Number) ?? [];
              const xs = coords.filter((_, i) => i % 2 === 0);
              const ys = coords.filter((_, i) => i % 2 === 1);
              at = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
            }
            return { type: 'Feature', properties: { name: p.name, level: p.level }, geometry: { type: 'Point', coordinates: at } };
          }),
        }),
      )
      .catch(() => undefined);
    return () => {
      ac.abort();
      c.destroy();
    };
  }, []);

  // identify: highlight + popup + details panel
  useEffect(() => {
    if (!ctl) return;
    if (!hit || hit.cluster) {
      ctl.select(null, null);
      ctl.showPopup([0, 0], null);
      return;
    }
    ctl.select(hit.collection, hit.id);
    const el = document.createElement('div');
    el.className = 'popup';
    const title = document.createElement('strong');
    title.textContent = String(hit.properties.name ?? hit.id);
    const sub = document.createElement('div');
    const p = hit.properties;
    const bits = [label(COLLECTIONS, hit.collection, lang)];
    for (const f of ['kind', 'type', 'category', 'zone', 'status'] as const) if (p[f]) bits.push(labelField(hit.collection, f, p[f], lang));
    sub.textContent = bits.join(' · ');
    el.append(title, sub);
    if (p.licence_no) {
      const lic = document.createElement('div');
      lic.className = 'mono';
      lic.textContent = String(p.licence_no);
      el.append(lic);
    }
    ctl.showPopup(hit.lngLat, el);
    if (hit.collection === 'blocks') setBlock({ id: hit.id, properties: hit.properties });
  }, [ctl, hit, lang]);

  // focus: what opened the details gets it back when they close (Esc, ✕); the map when that is gone
  const opener = useRef<HTMLElement | null>(null);
  const hadHit = useRef(false);
  useLayoutEffect(() => {
    const open = !!hit && !hit.cluster;
    if (open && !hadHit.current) {
      // runs before the details panel moves focus to its close button
      const a = document.activeElement;
      opener.current = a instanceof HTMLElement && a !== document.body ? a : null;
    } else if (!open && hadHit.current) {
      const el = opener.current;
      opener.current = null;
      if (el?.isConnected && el.offsetParent !== null) el.focus({ preventScroll: true });
      else mapEl.current?.querySelector<HTMLElement>('canvas')?.focus({ preventScroll: true });
    }
    hadHit.current = open;
  }, [hit]);

  useEffect(() => {
    if (!pendingFit || !ctl) return;
    ctl.map.resize();
    ctl.fitGeometry(pendingFit, 11);
    setPendingFit(null);
  }, [pendingFit, ctl]);

  const closeDetails = useCallback(() => setHit(null), []);
  const openPanel = useCallback(() => setPanelOpen(true), []);
  // the URL carries view, layers, filters, selection, tab and language (permalink/codec.ts)
  usePermalink({ ctl, tab, setTab, hit, setHit, openPanel });

  // Esc closes the details panel (drawing handles its own Esc first)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || ctl?.drawing || ctl?.measuring) return;
      if (hit) setHit(null);
      else if (panelOpen && sheet) {
        // the bottom sheet closes; focus goes back to the button that opens it
        setPanelOpen(false);
        toggleRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl, hit, panelOpen, sheet]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const file = e.dataTransfer.files?.[0];
    if (!file) return;
    setTab('check');
    setPanelOpen(true);
    setDropped((d) => ({ file, n: (d?.n ?? 0) + 1 }));
  };

  const pickBlock = useCallback((b: SelectedBlock, geometry?: GeoJSON.Geometry) => {
    setBlock(b);
    const bb = bboxOf(geometry);
    // fitted after the details panel is laid out, so the block is not half under it
    if (geometry) setPendingFit(geometry);
    const at: [number, number] = bb ? [(bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2] : [112.3, 37.5];
    setHit({ collection: 'blocks', id: b.id, properties: b.properties, lngLat: at, cluster: false });
  }, []);

  const togglePanel = () => {
    // one panel at a time on narrow screens: the menu button brings the side panel back over open details
    if (narrow && hit && !hit.cluster) {
      setHit(null);
      setPanelOpen(true);
    } else setPanelOpen((o) => !o);
  };
  const sidePanelShown = panelOpen && !(narrow && hit && !hit.cluster);

  return (
    <div
      className={`app ${panelOpen ? 'panel-open' : 'panel-closed'} ${hit && !hit.cluster ? 'details-open' : ''}${twoRowTop ? ' top-2rows' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!dragOver) setDragOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragOver(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <button
          type="button"
          className="icon-btn"
          ref={toggleRef}
          aria-label={t('togglePanel')}
          aria-expanded={sidePanelShown}
          aria-controls="side-panel"
          data-testid="toggle-panel"
          onClick={togglePanel}
        >
          ☰
        </button>
        <h1>
          {t('appTitle')} <small>{t('appSubtitle')}</small>
        </h1>
        <span className="badge" data-testid="synthetic-badge">
          {t('syntheticBadge')}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => ctl?.fitShanxi()}>
          {t('fitShanxi')}
        </button>
        <button type="button" onClick={() => ctl?.fitQinshui()} data-testid="fit-qinshui">
          {t('fitQinshui')}
        </button>
        <AccountMenu />
        <button
          type="button"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          title={t('langSwitchLabel')}
          data-testid="lang-switch"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('langSwitch')}
        </button>
      </header>

      <aside id="side-panel" className="side" aria-label={t(TAB_KEY[tab])} hidden={!panelOpen}>
        <div role="tablist" className="tabs" aria-label={t('appTitle')}>
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              id={`tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`tabpanel-${k}`}
              className={tab === k ? 'active' : ''}
              data-testid={`tab-${k}`}
              onClick={() => setTab(k)}
            >
              {t(TAB_KEY[k])}
            </button>
          ))}
        </div>
        {ctl && (
          <>
            <section role="tabpanel" id="tabpanel-layers" aria-labelledby="tab-layers" hidden={tab !== 'layers'}>
              {visited.has('layers') && <LayersPanel ctl={ctl} />}
            </section>
            <Suspense fallback={<p className="muted panel-body">{t('loading')}</p>}>
              <section role="tabpanel" id="tabpanel-find" aria-labelledby="tab-find" hidden={tab !== 'find'}>
                {visited.has('find') && <FindPanel ctl={ctl} onPick={pickBlock} />}
              </section>
              <section role="tabpanel" id="tabpanel-check" aria-labelledby="tab-check" hidden={tab !== 'check'}>
                {visited.has('check') && <CheckPanel ctl={ctl} dropped={dropped} onPrepare={prepare} />}
              </section>
              <section role="tabpanel" id="tabpanel-extension" aria-labelledby="tab-extension" hidden={tab !== 'extension'}>
                {visited.has('extension') && <ExtensionPanel ctl={ctl} block={block} active={tab === 'extension'} onPrepare={prepare} />}
              </section>
              <section role="tabpanel" id="tabpanel-applications" aria-labelledby="tab-applications" hidden={tab !== 'applications'}>
                {visited.has('applications') && <ApplicationsPanel draft={draft} />}
              </section>
            </Suspense>
          </>
        )}
      </aside>

      <main className="map-wrap" aria-label={t('appTitle')}>
        <div ref={mapEl} className="map" data-testid="map" />
        {ctl && <MapTools ctl={ctl} />}
        {dragOver && <div className="drop-hint">{t('dropHere')}</div>}
      </main>

      {hit && !hit.cluster && (
        <Suspense fallback={<aside className="details" aria-busy="true" />}>
          <DetailsPanel
            hit={hit}
            ctl={ctl}
            onClose={closeDetails}
            onOpen={setHit}
            onUseForExtension={(b) => {
              setBlock(b);
              setTab('extension');
              setPanelOpen(true);
              // one panel at a time: the extension tab replaces the details
              if (narrow) setHit(null);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

/** Whether a media query matches, following changes (window resized, device turned). */
function useMedia(query: string): boolean {
  const [on, setOn] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const change = () => setOn(m.matches);
    change();
    m.addEventListener('change', change);
    return () => m.removeEventListener('change', change);
  }, [query]);
  return on;
}
