/**
 * The permalink (pure): what the URL's hash carries so a reload or a shared link opens the same page — the view
 * (centre, zoom), the layer groups switched off, the block filters, the selected feature, the open tab and the language.
 *
 *   #map=9.50/36.12345/112.67890&off=wells,pipelines&status=valid&mineral=cbm&holder=中联&sel=blocks/blk-0015&tab=find&lang=en
 *
 * `map` is zoom/lat/lon as OpenStreetMap writes it. Anything unknown or out of range is dropped, never guessed.
 */
import { BLOCK_STATUSES, COLLECTIONS, MINERALS, type Lang } from '../../../server/vocab';
import { GROUPS, type Group } from '../map/style';

export const TABS = ['layers', 'find', 'check', 'extension', 'applications'] as const;
export type Tab = (typeof TABS)[number];

export interface PermalinkState {
  view?: { lon: number; lat: number; zoom: number };
  /** layer groups switched off (all others are on) */
  off?: Group[];
  filter?: { status?: string; mineral?: string; holder?: string };
  selection?: { collection: string; id: string };
  tab?: Tab;
  lang?: Lang;
}

const MIN_ZOOM = 0;
const MAX_ZOOM = 22;
const MAX_ID = 200;
const MAX_HOLDER = 200;
/** the filter's extra status choice: expired or cancelled */
const INACTIVE = 'inactive';

/** Decimals of lon/lat that keep a pixel's precision at a zoom (OSM's rule of thumb). */
const coordDecimals = (zoom: number) => Math.max(2, Math.min(7, Math.ceil((zoom * Math.LN2 + Math.log(256 / 360)) / Math.LN10) + 1));

export function encodePermalink(s: PermalinkState): string {
  const q = new URLSearchParams();
  if (s.view) {
    const d = coordDecimals(s.view.zoom);
    q.set('map', `${s.view.zoom.toFixed(2)}/${s.view.lat.toFixed(d)}/${s.view.lon.toFixed(d)}`);
  }
  if (s.off?.length) q.set('off', [...s.off].sort().join(','));
  if (s.filter?.status) q.set('status', s.filter.status);
  if (s.filter?.mineral) q.set('mineral', s.filter.mineral);
  if (s.filter?.holder?.trim()) q.set('holder', s.filter.holder.trim());
  if (s.selection) q.set('sel', `${s.selection.collection}/${s.selection.id}`);
  if (s.tab) q.set('tab', s.tab);
  if (s.lang) q.set('lang', s.lang);
  return q.toString();
}

const num = (v: string | undefined, lo: number, hi: number) => {
  if (v === undefined || !/^-?\d+(\.\d+)?$/.test(v.trim())) return undefined;
  const n = Number(v);
  return n >= lo && n <= hi ? n : undefined;
};

export function decodePermalink(hash: string): PermalinkState {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const out: PermalinkState = {};
  const map = q.get('map')?.split('/');
  if (map?.length === 3) {
    const zoom = num(map[0], MIN_ZOOM, MAX_ZOOM);
    const lat = num(map[1], -85, 85);
    const lon = num(map[2], -180, 180);
    if (zoom !== undefined && lat !== undefined && lon !== undefined) out.view = { lon, lat, zoom };
  }
  const off = q
    .get('off')
    ?.split(',')
    .filter((g): g is Group => (GROUPS as readonly string[]).includes(g));
  if (off?.length) out.off = [...new Set(off)];
  const filter: NonNullable<PermalinkState['filter']> = {};
  const status = q.get('status');
  if (status && (status === INACTIVE || status in BLOCK_STATUSES)) filter.status = status;
  const mineral = q.get('mineral');
  if (mineral && mineral in MINERALS) filter.mineral = mineral;
  const holder = q.get('holder')?.trim();
  if (holder && holder.length <= MAX_HOLDER) filter.holder = holder;
  if (Object.keys(filter).length) out.filter = filter;
  const sel = q.get('sel');
  const slash = sel?.indexOf('/') ?? -1;
  if (sel && slash > 0) {
    const collection = sel.slice(0, slash);
    const id = sel.slice(slash + 1);
    if (collection in COLLECTIONS && collection !== 'boundaries' && id && id.length <= MAX_ID) out.selection = { collection, id };
  }
  const tab = q.get('tab');
  if (tab && (TABS as readonly string[]).includes(tab)) out.tab = tab as Tab;
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'en') out.lang = lang;
  return out;
}
