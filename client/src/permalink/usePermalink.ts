/**
 * Keeps the URL's hash equal to the page's state (view, layers, filters, selection, tab, language: ./codec) and
 * restores that state from the hash once, when the map is created. The hash is replaced, not pushed: moving the map
 * does not fill the browser's history.
 */
import { useEffect, useRef } from 'react';
import { getFeature } from '../api/features';
import { bboxOf } from '../format';
import { useI18n } from '../i18n';
import type { Hit, MapController } from '../map/controller';
import { GROUPS } from '../map/style';
import { decodePermalink, encodePermalink, type PermalinkState, type Tab } from './codec';

interface Page {
  ctl: MapController | null;
  tab: Tab;
  setTab: (t: Tab) => void;
  hit: Hit | null;
  setHit: (h: Hit | null) => void;
  openPanel: () => void;
}

const WRITE_DELAY_MS = 250;

export function usePermalink({ ctl, tab, setTab, hit, setHit, openPanel }: Page) {
  const { lang, setLang } = useI18n();
  const restoredFor = useRef<MapController | null>(null);
  /** a selection read from the hash whose feature is still being fetched: kept in the hash meanwhile */
  const pendingSel = useRef<PermalinkState['selection'] | null>(null);

  // restore, once per map
  useEffect(() => {
    if (!ctl || restoredFor.current === ctl) return;
    restoredFor.current = ctl;
    const s = decodePermalink(location.hash);
    if (s.view) ctl.map.jumpTo({ center: [s.view.lon, s.view.lat], zoom: s.view.zoom });
    for (const g of s.off ?? []) ctl.setGroupVisible(g, false);
    if (s.filter) ctl.setBlockFilter(s.filter);
    if (s.tab) {
      setTab(s.tab);
      openPanel();
    }
    if (s.lang) setLang(s.lang);
    if (s.selection) {
      const sel = s.selection;
      pendingSel.current = sel;
      getFeature(sel.collection, sel.id)
        .then((f) => {
          if (pendingSel.current !== sel) return;
          const bb = bboxOf(f.geometry ?? undefined);
          const at: [number, number] = bb ? [(bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2] : [ctl.map.getCenter().lng, ctl.map.getCenter().lat];
          setHit({ collection: sel.collection, id: sel.id, properties: { id: sel.id, ...f.properties }, lngLat: at, cluster: false });
        })
        .catch(() => undefined)
        .finally(() => {
          if (pendingSel.current === sel) pendingSel.current = null;
        });
    }
    // setters are stable; restore only when a new map appears
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctl]);

  // write on every change (the map's movement debounced: it moves many times a second)
  useEffect(() => {
    if (!ctl) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const c = ctl.map.getCenter();
      const f = ctl.blockFilter;
      const state: PermalinkState = {
        view: { lon: c.lng, lat: c.lat, zoom: ctl.map.getZoom() },
        off: GROUPS.filter((g) => !ctl.isGroupVisible(g)),
        filter: f,
        selection: hit && !hit.cluster && hit.id ? { collection: hit.collection, id: hit.id } : (pendingSel.current ?? undefined),
        tab,
        lang,
      };
      const hash = encodePermalink(state);
      if (`#${hash}` !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(write, WRITE_DELAY_MS);
    };
    ctl.map.on('moveend', later);
    // layers and filters change on a click: written at once, like tab, language and selection
    const unsubscribe = ctl.onStateChange(write);
    // a change of tab, language or selection is written at once: a reload right after switching the language must
    // not restore the language the hash held before (only the map's movement is debounced)
    write();
    return () => {
      clearTimeout(timer);
      ctl.map.off('moveend', later);
      unsubscribe();
    };
  }, [ctl, tab, lang, hit]);
}
