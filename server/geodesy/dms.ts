/**
 * Degrees-minutes-seconds text, as written in Chinese licence annexes:
 * `112°36′43.20″`, `112°36'43.2"`, `E112°36′43.20″`, `东经112°36′43.20″`, `北纬35°48′00″`, `112:36:43.2`, `112 36 43.2`.
 */

export interface DmsParse {
  value: number;
  /** 'lon' | 'lat' when the text says so (E/W/N/S, 东经/西经/北纬/南纬), else undefined. */
  axis?: 'lon' | 'lat';
}

const HEMI: Record<string, { axis: 'lon' | 'lat'; sign: 1 | -1 }> = {
  E: { axis: 'lon', sign: 1 },
  W: { axis: 'lon', sign: -1 },
  N: { axis: 'lat', sign: 1 },
  S: { axis: 'lat', sign: -1 },
  东经: { axis: 'lon', sign: 1 },
  西经: { axis: 'lon', sign: -1 },
  北纬: { axis: 'lat', sign: 1 },
  南纬: { axis: 'lat', sign: -1 },
  东: { axis: 'lon', sign: 1 },
  西: { axis: 'lon', sign: -1 },
  北: { axis: 'lat', sign: 1 },
  南: { axis: 'lat', sign: -1 },
};

const NUM = String.raw`(\d+(?:\.\d+)?)`;
// degrees [sep minutes [sep seconds]] with °/度, ′/'/’/分, ″/"/”/''/秒 or ':' / blanks as separators.
const BODY = new RegExp(String.raw`^${NUM}\s*(?:[°度:\s]\s*)(?:${NUM}\s*(?:[′'’分:\s]\s*)?(?:${NUM}\s*(?:″|"|”|''|′′|秒)?)?)?$`);

/**
 * Parse a DMS or decimal-degree string. Returns undefined when the text is not an angle
 * (minutes or seconds ≥ 60, garbage, empty). Never throws.
 */
export function parseDms(text: string): DmsParse | undefined {
  let s = String(text).normalize('NFKC').trim();
  if (!s) return undefined;
  let hemi: { axis: 'lon' | 'lat'; sign: 1 | -1 } | undefined;
  const pre = /^(东经|西经|北纬|南纬|东|西|北|南|[EWNSewns])\s*/.exec(s);
  if (pre) {
    hemi = HEMI[pre[1].toUpperCase()] ?? HEMI[pre[1]];
    s = s.slice(pre[0].length);
  } else {
    const post = /\s*([EWNSewns])$/.exec(s);
    if (post) {
      hemi = HEMI[post[1].toUpperCase()];
      s = s.slice(0, -post[0].length);
    }
  }
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  }
  s = s.trim();
  if (/^\d+(?:\.\d+)?°?$/.test(s)) {
    const v = Number(s.replace('°', ''));
    return Number.isFinite(v) ? { value: sign * (hemi?.sign ?? 1) * v, axis: hemi?.axis } : undefined;
  }
  const m = BODY.exec(s);
  if (!m) return undefined;
  const d = Number(m[1]);
  const mi = m[2] === undefined ? 0 : Number(m[2]);
  const se = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isFinite(d) || mi >= 60 || se >= 60) return undefined;
  if (m[2] !== undefined && m[2].includes('.') && m[3] !== undefined) return undefined; // decimal minutes then seconds
  const v = d + mi / 60 + se / 3600;
  return { value: sign * (hemi?.sign ?? 1) * v, axis: hemi?.axis };
}

/** Degrees, minutes, seconds → decimal degrees; undefined when out of range. */
export function dmsPartsToDegrees(d: number, m: number, s: number): number | undefined {
  if (![d, m, s].every(Number.isFinite) || m < 0 || m >= 60 || s < 0 || s >= 60 || d < 0) return undefined;
  return d + m / 60 + s / 3600;
}

/** Decimal degrees → `112°36′43.2000″` with `secondDecimals` decimals (default 4, about 3 mm). */
export function formatDms(deg: number, secondDecimals = 4): string {
  const sign = deg < 0 ? '-' : '';
  const scale = 10 ** secondDecimals;
  // Work in integer units of the last printed digit so rounding can carry into minutes and degrees.
  let units = Math.round(Math.abs(deg) * 3600 * scale);
  const perMin = 60 * scale;
  const perDeg = 3600 * scale;
  const d = Math.floor(units / perDeg);
  units -= d * perDeg;
  const m = Math.floor(units / perMin);
  units -= m * perMin;
  const s = (units / scale).toFixed(secondDecimals);
  const sPadded = Number(s) < 10 ? `0${s}` : s;
  return `${sign}${d}°${String(m).padStart(2, '0')}′${sPadded}″`;
}
