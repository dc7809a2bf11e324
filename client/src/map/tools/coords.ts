/**
 * Coordinates as surveyors read them (pure): CGCS2000 lon/lat in decimal degrees and in degrees-minutes-seconds, and
 * Gauss-Krüger 3° zone coordinates — X northing, Y easting with the zone number in front (zones 25–45, EPSG:4513–4533;
 * 3° is what Chinese licence annexes and 国土 TXT files use). Shares the server's geodesy (server/geodesy), no copy.
 */
import { gkCrsForZone, lonLatToGk, zone3ForLon } from '../../../../server/geodesy/crs';
import { formatDms } from '../../../../server/geodesy/dms';

export interface GkPoint {
  zone: number;
  epsg: number;
  /** northing, metres */
  x: number;
  /** easting with the zone prefix, metres */
  y: number;
}

/** The 3° Gauss-Krüger coordinates of a lon/lat in its own zone, or null outside zones 25–45 (73.5°–136.5°E) or off the map. */
export function gk3(lon: number, lat: number): GkPoint | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 84) return null;
  const crs = gkCrsForZone(zone3ForLon(lon));
  if (!crs || crs.family !== '3' || crs.zone === undefined) return null;
  const { x, y } = lonLatToGk(crs, lon, lat);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { zone: crs.zone, epsg: crs.epsg, x, y };
}

/** `112.612345°E, 35.801234°N` (6 decimals, about 0.1 m). */
export function formatDecimal(lon: number, lat: number, decimals = 6): string {
  const ew = lon < 0 ? 'W' : 'E';
  const ns = lat < 0 ? 'S' : 'N';
  return `${Math.abs(lon).toFixed(decimals)}°${ew}, ${Math.abs(lat).toFixed(decimals)}°${ns}`;
}

/** `E112°36′43.200″ N35°48′04.446″` (seconds to 3 decimals, as the MNR publishes CGCS2000 corners). */
export function formatDmsPair(lon: number, lat: number, secondDecimals = 3): string {
  const ew = lon < 0 ? 'W' : 'E';
  const ns = lat < 0 ? 'S' : 'N';
  return `${ew}${formatDms(Math.abs(lon), secondDecimals)} ${ns}${formatDms(Math.abs(lat), secondDecimals)}`;
}

/** `X=3966200.13 Y=38375300.25 (3°带 38)` with 2 decimals (centimetres); null outside the zones. */
export function formatGk(lon: number, lat: number, lang: 'zh' | 'en' = 'zh'): string | null {
  const g = gk3(lon, lat);
  if (!g) return null;
  const zone = lang === 'zh' ? `3°带 ${g.zone}` : `3° zone ${g.zone}`;
  return `X=${g.x.toFixed(2)} Y=${g.y.toFixed(2)} (${zone}, EPSG:${g.epsg})`;
}

export interface Readout {
  decimal: string;
  dms: string;
  gk: string | null;
}

/** The three readings of one position. */
export function readout(lon: number, lat: number, lang: 'zh' | 'en' = 'zh'): Readout {
  return { decimal: formatDecimal(lon, lat), dms: formatDmsPair(lon, lat), gk: formatGk(lon, lat, lang) };
}
