/**
 * The corners of the proposed block in the check panel: typed or pasted corner tables (read by the server's own
 * parser, POST /api/parse), and the corner table of a drawn or typed polygon — edit a corner's longitude/latitude
 * (DMS or decimal), insert or delete corners, select one (highlighted on the map, where it can also be dragged).
 * Everything here works from the keyboard.
 */
import { useEffect, useRef, useState } from 'react';
import { parseFile } from '../../api/checks';
import type { Geometry } from '../../api/contract';
import { useI18n } from '../../i18n';
import { parseDms } from '../../../../server/geodesy/dms';
import type { MapController } from '../controller';
import { formatDms } from '../../../../server/geodesy/dms';
import { gk3 } from './coords';
import { insertCornerAfter, removeCorner, type Pos } from './corner-edit';
import { formatArea, polygonMeasure } from './measure';
import { toolText } from './text';

const ZONES = Array.from({ length: 21 }, (_, i) => 25 + i);

/** The outer ring of a single-ring polygon without its closing corner, or null for anything else. */
export function editableRing(g: Geometry | GeoJSON.Geometry): Pos[] | null {
  const poly =
    g.type === 'Polygon' ? g : g.type === 'MultiPolygon' && g.coordinates.length === 1 ? { coordinates: g.coordinates[0] } : null;
  if (!poly || poly.coordinates.length !== 1) return null;
  const ring = poly.coordinates[0].map((p) => [p[0], p[1]] as Pos);
  const [a, b] = [ring[0], ring[ring.length - 1]];
  if (ring.length > 1 && a[0] === b[0] && a[1] === b[1]) ring.pop();
  return ring.length >= 3 ? ring : null;
}

export const ringPolygon = (ring: Pos[]): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });

/** Typed or pasted corner table → the server's parser → a geometry to check. */
export function CornerEntry({ onRead, onError }: { onRead: (g: Geometry) => void; onError: (e: unknown) => void }) {
  const { lang } = useI18n();
  const tt = toolText(lang);
  const [text, setText] = useState('');
  const [zone, setZone] = useState('');
  const [busy, setBusy] = useState(false);
  const read = async () => {
    if (!text.trim()) return;
    setBusy(true);
    onError(null);
    try {
      const file = new File([text], 'corners.txt', { type: 'text/plain' });
      const r = await parseFile(file, undefined, zone ? { zone } : {});
      onRead(r.geometry);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="kq-corner-entry" data-testid="corner-entry">
      <summary>{tt('typeCorners')}</summary>
      <p className="small muted">{tt('typeHelp')}</p>
      <textarea
        rows={6}
        value={text}
        data-testid="corner-text"
        aria-label={tt('typeCorners')}
        placeholder={tt('cornerPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        style={{ width: '100%', fontFamily: 'monospace' }}
      />
      <div className="row">
        <label>
          {tt('zoneLabel')}{' '}
          <select value={zone} onChange={(e) => setZone(e.target.value)} data-testid="corner-zone">
            <option value="">{tt('zoneAuto')}</option>
            {ZONES.map((z) => (
              <option key={z} value={z}>
                {tt('zoneOption', { z, cm: 3 * z })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void read()} disabled={busy || !text.trim()} data-testid="corner-read">
          {busy ? tt('reading') : tt('readCorners')}
        </button>
      </div>
    </details>
  );
}

/** The editable corner table of the drawn or typed polygon. */
export function CornerTable({
  ctl,
  corners,
  stale,
  onChange,
  onCheck,
  onClear,
}: {
  ctl: MapController;
  corners: Pos[];
  stale: boolean;
  onChange: (ring: Pos[]) => void;
  onCheck: (poly: GeoJSON.Polygon) => void;
  onClear: () => void;
}) {
  const { lang } = useI18n();
  const tt = toolText(lang);
  const [selected, setSelected] = useState<number | null>(null);
  const [bad, setBad] = useState<string | null>(null);
  const current = useRef(corners);
  current.current = corners;

  // the map editor follows the table; the table follows the map (drag, Delete)
  useEffect(() => {
    if (!ctl.editingCorners)
      ctl.editCorners(corners, (ring, sel) => {
        setSelected(sel);
        const same =
          ring.length === current.current.length && ring.every((p, k) => p[0] === current.current[k][0] && p[1] === current.current[k][1]);
        if (!same) onChange(ring.map((p) => [p[0], p[1]] as Pos));
      });
    else ctl.setCorners(corners);
  }, [ctl, corners, onChange]);
  useEffect(() => () => ctl.stopEditCorners(), [ctl]);

  const select = (i: number | null) => {
    setSelected(i);
    ctl.selectCorner(i);
  };
  const setAngle = (i: number, axis: 0 | 1, v: string) => {
    const a = parseDms(v);
    const ok = a && (axis === 0 ? Math.abs(a.value) <= 180 : Math.abs(a.value) <= 90) && (!a.axis || a.axis === (axis ? 'lat' : 'lon'));
    if (!ok) {
      setBad(tt('badAngle', { v }));
      return;
    }
    setBad(null);
    const next = corners.map((p) => [p[0], p[1]] as Pos);
    next[i][axis] = a.value;
    onChange(next);
  };
  const { areaM2 } = polygonMeasure(corners);

  return (
    <section className="kq-corners" aria-label={tt('corners')} data-testid="corner-table">
      <h3>
        {tt('corners')} ({corners.length})
      </h3>
      <p className="small muted">{tt('cornersHelp')}</p>
      <div style={{ overflowX: 'auto' }}>
        <table className="small kq-corner-table">
          <thead>
            <tr>
              <th scope="col">{tt('cornerNo')}</th>
              <th scope="col">
                {tt('lon')}
                <br />
                {tt('lat')}
              </th>
              <th scope="col">{tt('gkXY')}</th>
              <th scope="col">
                <span className="sr-only">{tt('remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {corners.map((p, i) => {
              const g = gk3(p[0], p[1]);
              return (
                <tr key={`${i}-${p[0]}-${p[1]}`} className={selected === i ? 'selected' : ''} data-testid="corner-row">
                  <td>
                    <button
                      type="button"
                      className="kq-link"
                      aria-pressed={selected === i}
                      aria-label={tt('selectCorner', { n: `J${i + 1}` })}
                      onClick={() => select(selected === i ? null : i)}
                    >
                      J{i + 1}
                    </button>
                  </td>
                  <td>
                    {([0, 1] as const).map((axis) => (
                      <input
                        key={axis}
                        type="text"
                        className="mono kq-angle"
                        defaultValue={formatDms(p[axis], 3)}
                        aria-label={`J${i + 1} ${axis ? tt('lat') : tt('lon')}`}
                        data-testid={`corner-${axis ? 'lat' : 'lon'}`}
                        onFocus={() => select(i)}
                        onBlur={(e) => {
                          if (e.target.value !== formatDms(p[axis], 3)) setAngle(i, axis, e.target.value);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') setAngle(i, axis, e.currentTarget.value);
                        }}
                      />
                    ))}
                  </td>
                  <td className="mono kq-gk" data-testid="corner-gk">
                    {g ? (
                      <>
                        {g.x.toFixed(2)}
                        <br />
                        {g.y.toFixed(2)}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button
                      type="button"
                      aria-label={tt('insertCorner', { n: `J${i + 1}` })}
                      title={tt('insertCorner', { n: `J${i + 1}` })}
                      onClick={() => onChange(insertCornerAfter(corners, i))}
                    >
                      +
                    </button>{' '}
                    <button
                      type="button"
                      aria-label={tt('removeCorner', { n: `J${i + 1}` })}
                      title={tt('removeCorner', { n: `J${i + 1}` })}
                      data-testid="corner-remove"
                      disabled={corners.length <= 3}
                      onClick={() => {
                        setSelected(null);
                        onChange(removeCorner(corners, i));
                      }}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {bad && (
        <p className="error small" role="alert">
          {bad}
        </p>
      )}
      <p className="small">
        {tt('area')}: <span data-testid="corners-area">{formatArea(areaM2, lang)}</span>
      </p>
      {stale && (
        <p className="notice small" role="status">
          {tt('changed')}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => onCheck(ringPolygon(corners))} data-testid="corners-check">
          {tt('recheck')}
        </button>
        <button type="button" onClick={onClear}>
          {tt('clearCorners')}
        </button>
      </div>
    </section>
  );
}
