import { useEffect, useRef, useState } from 'react';
import { checkFile, checkGeometry, exportGeometry, parseFile, type ExportFormat } from '../api/checks';
import { ApiError } from '../api/http';
import type { CheckRequest, CheckResult, Conflict, ParseResult } from '../api/contract';
import { csvField, formatKm2, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { COLLECTIONS, labelAny, MINERALS, REGIMES, STATUSES, label, outcomeLabel, outcomeSeverity } from '../i18n/labels';
import { SEVERITY_COLOURS } from '../map/colours';
import type { MapController } from '../map/controller';
import { ErrorBox, Progress } from './common';

type Outcome = { kind: 'check'; result: CheckResult } | { kind: 'parse'; result: ParseResult };

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const warningText = (w: unknown, lang: 'zh' | 'en') =>
  typeof w === 'string'
    ? w
    : ((w as { message_zh?: string; message?: string })[lang === 'zh' ? 'message_zh' : 'message'] ??
      (w as { message?: string }).message ??
      JSON.stringify(w));

/** Result as a GeoJSON FeatureCollection: the input and every overlap with its outcome. */
export function resultGeojson(r: CheckResult): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { role: 'input', area_km2: r.input.area_km2, format: r.input.format, crs: r.input.crs },
        geometry: r.input.geometry,
      },
      ...r.conflicts
        .filter((c) => c.geometry)
        .map((c) => {
          const { geometry, basis, ...rest } = c;
          return {
            type: 'Feature' as const,
            properties: { role: 'overlap', ...rest, basis: (basis ?? []).map((b) => `${b.rule} ${b.citation}`).join('; ') },
            geometry: geometry!,
          };
        }),
    ],
  };
}

/** Conflicts as CSV (one row per overlap). */
export function conflictsCsv(r: CheckResult): string {
  const cols = [
    'collection',
    'id',
    'name',
    'category',
    'zone',
    'status',
    'holder',
    'mineral',
    'overlap_area_km2',
    'share_of_input',
    'share_of_feature',
    'outcome',
    'basis',
  ] as const;
  const rows = r.conflicts.map((c) =>
    cols
      .map((k) =>
        csvField(
          k === 'basis'
            ? (c.basis ?? []).map((b) => `${b.rule} ${b.citation}`).join('; ')
            : k === 'overlap_area_km2'
              ? c.overlap_area_km2.toFixed(4)
              : c[k],
        ),
      )
      .join(','),
  );
  return '\uFEFF' + [cols.join(','), ...rows].join('\r\n') + '\r\n';
}

function ConflictRow({ c, lang, onFocus }: { c: Conflict; lang: 'zh' | 'en'; onFocus: () => void }) {
  const { t } = useI18n();
  const colour = SEVERITY_COLOURS[outcomeSeverity(c.outcome)];
  const meta = [
    label(COLLECTIONS, c.collection, lang),
    c.category ? labelAny(c.category, lang) : null,
    c.zone ? labelAny(c.zone, lang) : null,
    c.status ? label(STATUSES, c.status, lang) : null,
    c.mineral ? label(MINERALS, c.mineral, lang) : null,
    c.holder,
  ].filter(Boolean);
  return (
    <li className="conflict" data-testid="conflict" data-outcome={c.outcome} data-id={c.id}>
      <div className="conflict-head">
        <button type="button" className="link" onClick={onFocus}>
          <strong>{c.name}</strong>
        </button>
        <span className="chip" style={{ background: colour }} data-testid="outcome">
          {outcomeLabel(c.outcome, lang)}
        </span>
      </div>
      <div className="muted small">{meta.join(' · ')}</div>
      {c.geometry?.type !== 'Point' && c.collection !== 'wells' && (
        <div className="small">
          {t('overlap')} <b>{formatKm2(c.overlap_area_km2)}</b>
          {c.share_of_input !== undefined && (
            <>
              {' '}
              · {formatPercent(c.share_of_input)} {t('shareOfInput')}
            </>
          )}
          {c.share_of_feature !== undefined && (
            <>
              {' '}
              · {formatPercent(c.share_of_feature)} {t('shareOfFeature')}
            </>
          )}
        </div>
      )}
      {c.basis && c.basis.length > 0 && (
        <details>
          <summary>{t('basis')}</summary>
          <ul className="basis">
            {c.basis.map((b, i) => (
              <li key={i}>
                <code>{b.rule}</code> {b.citation}
                {b.text && <div className="muted small">{b.text}</div>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

const GROUP_ORDER = ['blocks', 'reserves', 'protected-areas', 'redlines', 'pipelines', 'wells'];
const FIRST = 25;

/** Conflicts grouped by layer; long groups (wells) show the first rows and a "show all" button. */
export function ConflictGroups({ conflicts, lang, onFocus }: { conflicts: Conflict[]; lang: 'zh' | 'en'; onFocus: (c: Conflict) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const groups = new Map<string, Conflict[]>();
  for (const c of conflicts) groups.set(c.collection, [...(groups.get(c.collection) ?? []), c]);
  const keys = [...groups.keys()].sort((a, b) => ((GROUP_ORDER.indexOf(a) + 99) % 99) - ((GROUP_ORDER.indexOf(b) + 99) % 99));
  return (
    <>
      {keys.map((k) => {
        const list = groups.get(k)!;
        const shown = open[k] ? list : list.slice(0, FIRST);
        return (
          <div key={k} className="conflict-group" data-testid={`conflict-group-${k}`}>
            <h4>
              {label(COLLECTIONS, k, lang)} ({list.length})
            </h4>
            <ul className="conflicts">
              {shown.map((c, i) => (
                <ConflictRow key={`${c.id}:${i}`} c={c} lang={lang} onFocus={() => onFocus(c)} />
              ))}
            </ul>
            {list.length > shown.length && (
              <button type="button" onClick={() => setOpen((o) => ({ ...o, [k]: true }))}>
                {t('showAll', { n: list.length })}
              </button>
            )}
          </div>
        );
      })}
    </>
  );
}

/** Check a proposed block: a dropped/picked coordinate file or a drawn polygon → area, conflicts, exports. */
export function CheckPanel({ ctl, dropped }: { ctl: MapController; dropped: { file: File; n: number } | null }) {
  const { t, lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [req, setReq] = useState<CheckRequest>({ application: 'new_exploration', applicant: '', mineral: 'cbm' });
  const [progress, setProgress] = useState<number | 'waiting' | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [out, setOut] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  const show = (o: Outcome | null) => {
    setOut(o);
    if (!o) ctl.showCheck(null);
    else if (o.kind === 'check') ctl.showCheck(o.result);
    else ctl.showCheck({ input: o.result, conflicts: [] });
  };

  const run = async (file: File) => {
    setError(null);
    show(null);
    setFileName(file.name);
    setProgress(0);
    try {
      try {
        const result = await checkFile(file, req, setProgress);
        show({ kind: 'check', result });
      } catch (e) {
        if (!(e instanceof ApiError && e.unavailable && e.code !== 'PARSE_NO_FILE')) throw e;
        setProgress(0);
        const result = await parseFile(file, setProgress);
        show({ kind: 'parse', result });
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  useEffect(() => {
    if (dropped) void run(dropped.file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped?.n]);

  const startDraw = () => {
    setError(null);
    setDrawing(true);
    ctl.startDraw(
      async (poly) => {
        setFileName(null);
        setProgress('waiting');
        try {
          show({ kind: 'check', result: await checkGeometry(poly, req) });
        } catch (e) {
          setError(e);
          ctl.showCheck({ input: { geometry: poly }, conflicts: [] });
        } finally {
          setProgress(null);
        }
      },
      () => setDrawing(false),
    );
  };

  const input = out ? (out.kind === 'check' ? out.result.input : out.result) : null;
  const name = (fileName ?? 'block').replace(/\.[^.]+$/, '');

  const doExport = async (fmt: ExportFormat | 'result-geojson' | 'conflicts-csv') => {
    if (!out || !input) return;
    setExporting(fmt);
    setError(null);
    try {
      if (fmt === 'result-geojson') {
        const fc =
          out.kind === 'check'
            ? resultGeojson(out.result)
            : { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { role: 'input' }, geometry: input.geometry }] };
        download(new Blob([JSON.stringify(fc, null, 1)], { type: 'application/geo+json' }), `${name}-check.geojson`);
      } else if (fmt === 'conflicts-csv') {
        if (out.kind === 'check')
          download(new Blob([conflictsCsv(out.result)], { type: 'text/csv;charset=utf-8' }), `${name}-conflicts.csv`);
      } else {
        const f = await exportGeometry(fmt, input.geometry, name);
        download(f.blob, f.filename ?? `${name}.${fmt === 'guotu-txt' ? 'txt' : fmt === 'shp' ? 'zip' : fmt}`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setExporting(null);
    }
  };

  const summaryRows =
    out?.kind === 'check'
      ? (Object.entries(out.result.summary ?? {}).filter(([, v]) => v && typeof v === 'object') as [
          string,
          { count?: number; area_km2?: number },
        ][])
      : [];

  return (
    <div className="panel-body">
      <h2>{t('checkTitle')}</h2>
      <p className="muted small">{t('checkHelp')}</p>
      <div className="form-grid">
        <label>
          {t('applicationType')}
          <select value={req.application} onChange={(e) => setReq({ ...req, application: e.target.value as CheckRequest['application'] })}>
            <option value="new_exploration">{t('appNewExploration')}</option>
            <option value="new_mining">{t('appNewMining')}</option>
            <option value="extension">{t('appExtension')}</option>
            <option value="change">{t('appChange')}</option>
            <option value="report_then_produce">{t('appReportThenProduce')}</option>
          </select>
        </label>
        <label>
          {t('mineral')}
          <select value={req.mineral} onChange={(e) => setReq({ ...req, mineral: e.target.value as CheckRequest['mineral'] })}>
            {['cbm', 'coal', 'oil_gas', 'tight_gas', 'shale_gas', 'other'].map((m) => (
              <option key={m} value={m}>
                {label(MINERALS, m, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          {t('applicant')}
          <input type="text" value={req.applicant} onChange={(e) => setReq({ ...req, applicant: e.target.value })} />
        </label>
      </div>
      <div
        className="dropzone"
        data-testid="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          const f = e.dataTransfer.files?.[0];
          if (f) void run(f);
        }}
      >
        <p>{t('dropHere')}</p>
        <div className="row">
          <button type="button" onClick={() => fileRef.current?.click()}>
            {t('chooseFile')}
          </button>
          <input
            ref={fileRef}
            type="file"
            className="sr-only"
            tabIndex={-1}
            data-testid="file-input"
            accept=".txt,.csv,.xlsx,.xls,.geojson,.json,.kml,.kmz,.zip"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void run(f);
            }}
          />
          {drawing ? (
            <button type="button" onClick={() => ctl.stopDraw()}>
              {t('drawCancel')}
            </button>
          ) : (
            <button type="button" onClick={startDraw} data-testid="draw">
              {t('draw')}
            </button>
          )}
        </div>
        {drawing && (
          <p className="notice small" role="status">
            {t('drawing')}
          </p>
        )}
      </div>

      {progress !== null && (
        <Progress
          value={progress === 'waiting' ? null : progress}
          text={progress === 'waiting' ? t('checking') : t('uploading', { p: Math.round(progress * 100) })}
        />
      )}
      {error !== null && (
        <div>
          <h3>
            {t('errorTitle')}
            {fileName ? ` ${fileName}` : ''}
          </h3>
          <ErrorBox error={error} />
        </div>
      )}

      {input && (
        <section className="result" data-testid="check-result">
          {out?.kind === 'parse' && (
            <p className="notice" data-testid="check-unavailable">
              {t('checkUnavailable')}
            </p>
          )}
          <dl className="props">
            <div>
              <dt>{t('inputArea')}</dt>
              <dd>
                <b data-testid="input-area">{formatKm2(input.area_km2)}</b>
              </dd>
            </div>
            <div>
              <dt>{t('inputFormat')}</dt>
              <dd>{input.format}</dd>
            </div>
            <div>
              <dt>{t('crs')}</dt>
              <dd>{/^\d+$/.test(String(input.crs)) ? `EPSG:${input.crs}` : String(input.crs)}</dd>
            </div>
            <div>
              <dt>{t('parcels')}</dt>
              <dd>{input.parcels?.length ?? 1}</dd>
            </div>
            {out?.kind === 'check' && out.result.regime && (
              <div>
                <dt>{t('regime')}</dt>
                <dd>{label(REGIMES, out.result.regime, lang)}</dd>
              </div>
            )}
          </dl>
          {input.warnings?.length > 0 && (
            <div className="notice small">
              <b>{t('warnings')}</b>
              <ul>
                {input.warnings.map((w, i) => (
                  <li key={i}>{warningText(w, lang)}</li>
                ))}
              </ul>
            </div>
          )}
          {out?.kind === 'check' && (
            <>
              <h3 data-testid="conflict-count">
                {out.result.conflicts.length ? t('conflictsFound', { n: out.result.conflicts.length }) : t('noConflicts')}
              </h3>
              <ConflictGroups
                conflicts={out.result.conflicts}
                lang={lang}
                onFocus={(c) => {
                  ctl.highlightConflict(c.geometry ? `${c.collection}:${c.id}` : null);
                  ctl.fitGeometry(c.geometry ?? null, 13);
                }}
              />
              {(summaryRows.length > 0 || out.result.summary?.net_area_km2 !== undefined) && (
                <>
                  <h3>{t('summary')}</h3>
                  <table className="summary" data-testid="summary">
                    <tbody>
                      {summaryRows.map(([k, v]) => (
                        <tr key={k}>
                          <th>{label(COLLECTIONS, k, lang)}</th>
                          <td>{v.count ?? ''}</td>
                          <td>{formatKm2(v.area_km2)}</td>
                        </tr>
                      ))}
                      {out.result.summary.deductible_area_km2 !== undefined && (
                        <tr>
                          <th>{t('deductible')}</th>
                          <td />
                          <td>{formatKm2(out.result.summary.deductible_area_km2)}</td>
                        </tr>
                      )}
                      {out.result.summary.net_area_km2 !== undefined && (
                        <tr>
                          <th>{t('netArea')}</th>
                          <td />
                          <td>
                            <b>{formatKm2(out.result.summary.net_area_km2)}</b>
                          </td>
                        </tr>
                      )}
                    </tbody>
                  </table>
                </>
              )}
            </>
          )}
          <div className="exports" role="group" aria-label={t('exportAs')}>
            <span>{t('exportAs')}:</span>
            <button type="button" onClick={() => doExport('result-geojson')} data-testid="export-geojson">
              {t('exportGeojson')}
            </button>
            {out?.kind === 'check' && (
              <button type="button" onClick={() => doExport('conflicts-csv')} data-testid="export-conflicts-csv">
                {t('exportCsv')} ({t('conflicts')})
              </button>
            )}
            <button type="button" onClick={() => doExport('csv')} data-testid="export-csv">
              {t('exportCsv')}
            </button>
            <button type="button" onClick={() => doExport('guotu-txt')} data-testid="export-txt">
              {t('exportTxt')}
            </button>
            <button type="button" onClick={() => doExport('kml')}>
              {t('exportKml')}
            </button>
            {exporting && <progress aria-label={t('loading')} />}
          </div>
        </section>
      )}
    </div>
  );
}
