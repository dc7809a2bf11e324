import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { boundaries } from './api/features';
import { bboxOf } from './format';
import { useI18n } from './i18n';
import { COLLECTIONS, label, labelField } from '../../server/vocab';
import { MapController, type Hit } from './map/controller';
import { CheckPanel } from './panels/CheckPanel';
import { DetailsPanel } from './panels/DetailsPanel';
import { ExtensionPanel, type SelectedBlock } from './panels/ExtensionPanel';
import { FindPanel } from './panels/FindPanel';
import { LayersPanel } from './panels/LayersPanel';
import { AccountMenu } from './auth/AccountMenu';
import { MapTools } from './map/tools/MapTools';
import { usePermalink } from './permalink/usePermalink';

type Tab = 'layers' | 'find' | 'check' | 'extension';
const TABS: Tab[] = ['layers', 'find', 'check', 'extension'];
const TAB_KEY = { layers: 'tabLayers', find: 'tabFind', check: 'tabCheck', extension: 'tabExtension' } as const;

export function App() {
  const { t, lang, setLang } = useI18n();
  const mapEl = useRef<HTMLDivElement>(null);
  const [ctl, setCtl] = useState<MapController | null>(null);
  const [tab, setTab] = useState<Tab>('layers');
  const [panelOpen, setPanelOpen] = useState(() => window.innerWidth >= 900);
  const [hit, setHit] = useState<Hit | null>(null);
  const [block, setBlock] = useState<SelectedBlock | null>(null);
  const [dropped, setDropped] = useState<{ file: File; n: number } | null>(null);
  const [dragOver, setDragOver] = useState(false);

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

  const closeDetails = useCallback(() => setHit(null), []);
  const openPanel = useCallback(() => setPanelOpen(true), []);
  // the URL carries view, layers, filters, selection, tab and language (permalink/codec.ts)
  usePermalink({ ctl, tab, setTab, hit, setHit, openPanel });

  // Esc closes the details panel (drawing handles its own Esc first)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || ctl?.drawing) return;
      if (hit) setHit(null);
      else if (panelOpen && window.innerWidth < 900) setPanelOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl, hit, panelOpen]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const file = e.dataTransfer.files?.[0];
    if (!file) return;
    setTab('check');
    setPanelOpen(true);
    setDropped((d) => ({ file, n: (d?.n ?? 0) + 1 }));
  };

  const pickBlock = useCallback(
    (b: SelectedBlock, geometry?: GeoJSON.Geometry) => {
      setBlock(b);
      const bb = bboxOf(geometry);
      if (geometry) ctl?.fitGeometry(geometry, 11);
      const at: [number, number] = bb ? [(bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2] : [112.3, 37.5];
      setHit({ collection: 'blocks', id: b.id, properties: b.properties, lngLat: at, cluster: false });
    },
    [ctl],
  );

  return (
    <div
      className={`app ${panelOpen ? 'panel-open' : 'panel-closed'} ${hit && !hit.cluster ? 'details-open' : ''}`}
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
          aria-label={t('togglePanel')}
          aria-expanded={panelOpen}
          aria-controls="side-panel"
          onClick={() => setPanelOpen((o) => !o)}
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
          aria-label={t('langSwitchLabel')}
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
              <LayersPanel ctl={ctl} />
            </section>
            <section role="tabpanel" id="tabpanel-find" aria-labelledby="tab-find" hidden={tab !== 'find'}>
              <FindPanel ctl={ctl} onPick={pickBlock} />
            </section>
            <section role="tabpanel" id="tabpanel-check" aria-labelledby="tab-check" hidden={tab !== 'check'}>
              <CheckPanel ctl={ctl} dropped={dropped} />
            </section>
            <section role="tabpanel" id="tabpanel-extension" aria-labelledby="tab-extension" hidden={tab !== 'extension'}>
              <ExtensionPanel ctl={ctl} block={block} active={tab === 'extension'} />
            </section>
          </>
        )}
      </aside>

      <main className="map-wrap" aria-label={t('appTitle')}>
        <div ref={mapEl} className="map" data-testid="map" />
        {ctl && <MapTools ctl={ctl} />}
        {dragOver && <div className="drop-hint">{t('dropHere')}</div>}
      </main>

      {hit && !hit.cluster && (
        <DetailsPanel
          hit={hit}
          ctl={ctl}
          onClose={closeDetails}
          onOpen={setHit}
          onUseForExtension={(b) => {
            setBlock(b);
            setTab('extension');
            setPanelOpen(true);
          }}
        />
      )}
    </div>
  );
}
