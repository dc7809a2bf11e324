import { useCallback, useEffect, useRef, useState } from 'react';
import {
  checkFile,
  checkFileOf,
  checkGeometry,
  exportGeometry,
  parseFile,
  storeCheck,
  type CheckFile,
  type ExportFormat,
} from '../api/checks';
import { ApiError } from '../api/http';
import type { CheckRequest, CheckResult, Geometry, ParseResult } from '../api/contract';
import { csvField, formatKm2 } from '../format';
import { useI18n, type Lang } from '../i18n';
import { textOf } from '../i18n/text';
import {
  APPLICATIONS,
  COLLECTIONS,
  CHECK_VERDICTS,
  FILE_FORMATS,
  MINERALS,
  REGIMES,
  SUMMARY_KEYS,
  label,
  labelAny,
  labelField,
  outcomeLabel,
} from '../../../server/vocab';
import { CornerEntry, CornerTable, editableRing } from '../map/tools/CornerPanel';
import type { Pos } from '../map/tools/corner-edit';
import type { MapController } from '../map/controller';
import { BlockPicker, type PickedBlock } from './BlockPicker';
import { ConflictTriage, conflictKey, OutcomeLegend, VerdictBanner } from './ConflictList';
import { loadProjection, ProjectionChoice, projectionFields, projectionLabel, saveProjection, type Projection } from './ProjectionChoice';
import { ErrorBox, Progress, Said, VocabSelect } from './common';
import type { ApplicationDraft } from '../api/applications';
import { useAuth } from '../auth/AuthContext';

type Outcome = { kind: 'check'; result: CheckResult } | { kind: 'parse'; result: ParseResult };

/** Applications checked against the exploration block they must lie in (containment, R-RTP-3). */
const CONTAINED = new Set(['new_mining', 'report_then_produce']);

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

const CSV_HEADERS = {
  zh: [
    '图层',
    '要素编号',
    '要素名称',
    '类别',
    '分区',
    '状态',
    '权利人',
    '矿种',
    '重叠面积(km²)',
    '占申请区比例(%)',
    '占要素比例(%)',
    '结论',
    '结论代码',
    '依据',
    '说明',
  ],
  en: [
    'layer',
    'id',
    'name',
    'category',
    'zone',
    'status',
    'holder',
    'mineral',
    'overlap (km²)',
    'share of input (%)',
    'share of feature (%)',
    'outcome',
    'outcome code',
    'basis',
    'notes',
  ],
} as const;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '' : (v * 100).toFixed(2));

/** Conflicts as CSV (one row per overlap), headers and every code named in `lang` (server/vocab); the outcome code kept beside its name. */
export function conflictsCsv(r: CheckResult, lang: Lang = 'zh'): string {
  const rows = r.conflicts.map((c) =>
    [
      label(COLLECTIONS, c.collection, lang),
      c.id,
      c.name,
      c.category
        ? labelField(
            c.collection,
            c.collection === 'protected-areas' ? 'category' : c.collection === 'wells' || c.collection === 'pipelines' ? 'type' : 'kind',
            c.category,
            lang,
          )
        : '',
      c.zone ? labelAny(c.zone, lang) : '',
      c.status ? labelField(c.collection, 'status', c.status, lang) : '',
      c.holder ?? '',
      c.mineral ? label(MINERALS, c.mineral, lang) : '',
      c.overlap_area_km2.toFixed(4),
      pct(c.share_of_input),
      pct(c.share_of_feature),
      outcomeLabel(c.outcome, lang),
      c.outcome,
      (c.basis ?? []).map((b) => `${b.rule} ${b.citation}`).join('; '),
      (c.basis ?? []).flatMap((b) => (b.note ? [`${b.rule}: ${textOf(b.note, lang)}`] : [])).join('; '),
    ]
      .map(csvField)
      .join(','),
  );
  return '\uFEFF' + [CSV_HEADERS[lang].join(','), ...rows].join('\r\n') + '\r\n';
}

/** Check a proposed block: a dropped/picked coordinate file or a drawn polygon → area, conflicts, exports. */
export function CheckPanel({
  ctl,
  dropped,
  onPrepare,
}: {
  ctl: MapController;
  dropped: { file: File; n: number } | null;
  /** prepare an application from the shown check (the applications tab opens with it pre-filled) */
  onPrepare?: (d: ApplicationDraft) => void;
}) {
  const { t, lang, term } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [req, setReq] = useState<CheckRequest>({ application: 'new_exploration', applicant: '', mineral: 'cbm' });
  const [progress, setProgress] = useState<number | 'waiting' | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [out, setOut] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  // Zone choice for files whose eastings carry no prefix: offered on PARSE_ZONE_UNKNOWN, remembered, re-applied.
  const [projection, setProjection] = useState<Projection | null>(() => loadProjection());
  const [needsProjection, setNeedsProjection] = useState(false);
  const [usedProjection, setUsedProjection] = useState<Projection | null>(null);
  const lastFile = useRef<File | null>(null);
  const lastDrawn = useRef<Geometry | null>(null);
  // the focused conflict (map key) and, for applications that must lie in an exploration block, that block
  const [focused, setFocused] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedBlock | null>(null);
  const needsBlock = CONTAINED.has(req.application ?? '');
  /** The request as sent: the picked block only where the application is checked against one. */
  const request = (block: PickedBlock | null = picked): CheckRequest =>
    CONTAINED.has(req.application ?? '') && block ? { ...req, block_id: block.id } : req;
  // the corners of a drawn or typed polygon, editable on the map and in the corner table (map/tools/CornerPanel)
  const [corners, setCorners] = useState<Pos[] | null>(null);
  const [cornersStale, setCornersStale] = useState(false);
  const editCorners = useCallback((ring: Pos[]) => {
    setCorners(ring);
    setCornersStale(true);
  }, []);

  const show = (o: Outcome | null) => {
    setOut(o);
    setFocused(null);
    if (!o) ctl.showCheck(null);
    else if (o.kind === 'check') ctl.showCheck(o.result);
    else ctl.showCheck({ input: o.result, conflicts: [] });
  };

  // a check belongs to whoever made it: signing out or in as someone else clears it from the panel and the map,
  // so the next person at the screen does not see the previous user's file and findings
  const { me } = useAuth();
  const account = me?.id ?? null;
  const shownFor = useRef(account);
  useEffect(() => {
    if (shownFor.current === account) return;
    shownFor.current = account;
    setOut(null);
    setFocused(null);
    setFileName(null);
    setCorners(null);
    setError(null);
    ctl.showCheck(null);
  }, [account, ctl]);

  const run = async (file: File, chosen: Projection | null = null, block: PickedBlock | null = picked) => {
    setError(null);
    show(null);
    setCorners(null);
    setFileName(file.name);
    setProgress(0);
    lastFile.current = file;
    lastDrawn.current = null;
    setNeedsProjection(false);
    setUsedProjection(chosen);
    const attempt = async (p: Projection | null) => {
      const hints = projectionFields(p);
      try {
        const result = await checkFile(file, { ...request(block), ...hints }, setProgress);
        show({ kind: 'check', result });
      } catch (e) {
        if (!(e instanceof ApiError && e.unavailable && e.code !== 'PARSE_NO_FILE')) throw e;
        setProgress(0);
        const result = await parseFile(file, setProgress, hints);
        show({ kind: 'parse', result });
      }
    };
    try {
      try {
        await attempt(chosen);
      } catch (e) {
        // the file needs a zone: try the remembered choice once, else ask for one
        if (!(e instanceof ApiError && e.code === 'PARSE_ZONE_UNKNOWN')) throw e;
        if (chosen || !projection) {
          setNeedsProjection(true);
          throw e;
        }
        setUsedProjection(projection);
        setProgress(0);
        try {
          await attempt(projection);
        } catch (e2) {
          setNeedsProjection(true);
          throw e2;
        }
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  const applyProjection = (p: Projection) => {
    saveProjection(p);
    setProjection(p);
    if (lastFile.current) void run(lastFile.current, p);
  };

  useEffect(() => {
    if (dropped) void run(dropped.file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped?.n]);

  const checkDrawn = async (poly: Geometry, block: PickedBlock | null = picked) => {
    setError(null);
    setFileName(null);
    lastFile.current = null;
    lastDrawn.current = poly;
    setCornersStale(false);
    setProgress('waiting');
    try {
      show({ kind: 'check', result: await checkGeometry(poly, request(block)) });
    } catch (e) {
      setError(e);
      ctl.showCheck({ input: { geometry: poly }, conflicts: [] });
    } finally {
      setProgress(null);
    }
  };

  const startDraw = () => {
    setError(null);
    setDrawing(true);
    setCorners(null);
    ctl.startDraw(
      (poly) => {
        setCorners(editableRing(poly));
        void checkDrawn(poly);
      },
      () => setDrawing(false),
    );
  };

  /** A block picked (or cleared) for the containment check: the shown input is checked again with it. */
  const pickBlock = (b: PickedBlock | null) => {
    setPicked(b);
    if (lastFile.current) void run(lastFile.current, usedProjection, b);
    else if (lastDrawn.current) void checkDrawn(lastDrawn.current, b);
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
          download(new Blob([conflictsCsv(out.result, lang)], { type: 'text/csv;charset=utf-8' }), `${name}-conflicts.csv`);
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

  // the signed, stored copy of the shown check (made on the first report/export request)
  const stored = useRef<{ result: unknown; id: string } | null>(null);
  const doReport = async (kind: CheckFile) => {
    if (out?.kind !== 'check') return;
    setExporting(kind);
    setError(null);
    try {
      if (stored.current?.result !== out.result) {
        const { check_id } = await storeCheck(out.result.input.geometry, request());
        stored.current = { result: out.result, id: check_id };
      }
      const f = await checkFileOf(stored.current.id, kind, lang);
      download(f.blob, f.filename ?? `${name}.${kind === 'shp' ? 'zip' : kind}`);
    } catch (e) {
      setError(e);
    } finally {
      setExporting(null);
    }
  };

  /**
   * The shown check as an application's draft: its area, mineral and applicant; checked against an exploration block
   * (new mining, report-then-produce) it is the conversion of that block (转采).
   */
  const prepare = () => {
    if (out?.kind !== 'check' || !onPrepare) return;
    const block = needsBlock ? picked : null;
    const a = req.application;
    const kind: ApplicationDraft['kind'] = block
      ? 'conversion'
      : a === 'report_then_produce'
        ? 'new_mining'
        : a === 'new_mining' || a === 'extension' || a === 'change'
          ? a
          : 'new_exploration';
    onPrepare({
      kind,
      block_id: block?.id,
      geometry: out.result.input.geometry as ApplicationDraft['geometry'],
      mineral: req.mineral as ApplicationDraft['mineral'],
      applicant: req.applicant?.trim() || undefined,
      source: 'check',
      area_km2: out.result.input.area_km2,
    });
  };

  const summaryRows =
    out?.kind === 'check'
      ? (Object.entries(out.result.summary ?? {}).filter(([, v]) => v && typeof v === 'object') as [
          string,
          { count?: number; area_km2?: number },
        ][])
      : [];

  // what a screen reader hears when a check ends (the live region is always there, so the change is announced)
  const announcement =
    progress !== null
      ? ''
      : error
        ? t('announceError', {
            title: t('errorTitle'),
            message: error instanceof ApiError ? (lang === 'zh' ? error.messageZh : error.message) : String(error),
          })
        : out?.kind === 'check'
          ? t('announceCheck', {
              verdict: out.result.verdict ? term(CHECK_VERDICTS, out.result.verdict.code) : '',
              found: out.result.conflicts.length ? t('conflictsFound', { n: out.result.conflicts.length }) : t('noConflicts'),
            })
          : out?.kind === 'parse'
            ? t('announceParsed', { area: formatKm2(out.result.area_km2) })
            : '';

  return (
    <div className="panel-body">
      <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="check-announce">
        {announcement}
      </p>
      <OutcomeLegend ctl={ctl} conflicts={out?.kind === 'check' ? out.result.conflicts : null} />
      <h2>{t('checkTitle')}</h2>
      <p className="muted small">{t('checkHelp')}</p>
      <div className="form-grid">
        <VocabSelect
          caption={t('applicationType')}
          value={req.application ?? ''}
          vocab={APPLICATIONS}
          all={false}
          onChange={(application) => setReq({ ...req, application })}
        />
        <VocabSelect
          caption={t('mineral')}
          value={req.mineral ?? ''}
          vocab={MINERALS}
          all={false}
          onChange={(mineral) => setReq({ ...req, mineral })}
        />
        <label className="wide">
          {t('applicant')}
          <input type="text" value={req.applicant} onChange={(e) => setReq({ ...req, applicant: e.target.value })} />
        </label>
      </div>
      {needsBlock && <BlockPicker ctl={ctl} picked={picked} onPick={pickBlock} />}
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
            aria-label={t('chooseFile')}
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
      <CornerEntry
        onRead={(g) => {
          setCorners(editableRing(g));
          void checkDrawn(g);
        }}
        onError={setError}
      />
      {corners && (
        <CornerTable
          ctl={ctl}
          corners={corners}
          stale={cornersStale}
          onChange={editCorners}
          onCheck={(poly) => void checkDrawn(poly)}
          onClear={() => setCorners(null)}
        />
      )}

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
      {needsProjection && <ProjectionChoice initial={projection} onApply={applyProjection} />}

      {input && (
        <section className="result" data-testid="check-result">
          {out?.kind === 'parse' && (
            <p className="notice" data-testid="check-unavailable">
              {t('checkUnavailable')}
            </p>
          )}
          {usedProjection && (
            <p className="notice small" data-testid="projection-used">
              {t('projectionUsed', { p: projectionLabel(usedProjection, t) })}{' '}
              <button type="button" className="link" onClick={() => setNeedsProjection(true)}>
                {t('projectionChange')}
              </button>
            </p>
          )}
          {needsProjection && !error && <ProjectionChoice initial={projection} onApply={applyProjection} />}
          {out?.kind === 'check' && out.result.verdict && <VerdictBanner verdict={out.result.verdict} />}
          <dl className="props">
            <div>
              <dt>{t('inputArea')}</dt>
              <dd>
                <b data-testid="input-area">{formatKm2(input.area_km2)}</b>
              </dd>
            </div>
            <div>
              <dt>{t('inputFormat')}</dt>
              <dd>{term(FILE_FORMATS, input.format)}</dd>
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
                <dd>{term(REGIMES, out.result.regime)}</dd>
              </div>
            )}
          </dl>
          {input.parcels?.some((p) => p.declared_area) && (
            <div className="small" data-testid="declared-area">
              <b>{t('declaredArea')}</b>
              <ul>
                {input.parcels
                  .filter((p) => p.declared_area)
                  .map((p, i) => (
                    <li key={i}>{lang === 'zh' ? p.declared_area!.note.message_zh : p.declared_area!.note.message}</li>
                  ))}
              </ul>
            </div>
          )}
          {input.warnings?.length > 0 && (
            <div className="notice small">
              <b>{t('warnings')}</b>
              <ul>
                {input.warnings.map((w, i) => (
                  <li key={i} data-code={typeof w === 'object' ? w.code : undefined}>
                    <Said x={w} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          {out?.kind === 'check' && (
            <>
              <h3 data-testid="conflict-count">
                {out.result.conflicts.length ? t('conflictsFound', { n: out.result.conflicts.length }) : t('noConflicts')}
              </h3>
              <ConflictTriage
                conflicts={out.result.conflicts}
                lang={lang}
                active={focused}
                onActivate={(c) => {
                  setFocused(conflictKey(c));
                  ctl.focusConflict(conflictKey(c), c.geometry ?? null);
                }}
              />
              {(summaryRows.length > 0 || out.result.summary?.net_area_km2 !== undefined) && (
                <>
                  <h3>{t('summary')}</h3>
                  <table className="summary" data-testid="summary">
                    <tbody>
                      {summaryRows.map(([k, v]) => (
                        <tr key={k}>
                          <th>{Object.hasOwn(COLLECTIONS, k) ? term(COLLECTIONS, k) : term(SUMMARY_KEYS, k)}</th>
                          <td>{v.count ?? ''}</td>
                          {/* wells are points and pipelines lines: a count, no area */}
                          <td>{k === 'wells' || k === 'pipelines' ? '' : formatKm2(v.area_km2)}</td>
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
              <button type="button" onClick={() => void doReport('csv')} data-testid="export-conflicts-csv">
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
          {out?.kind === 'check' && onPrepare && (
            <p>
              <button type="button" onClick={prepare} data-testid="check-prepare-application">
                {t('appsPrepare')}
              </button>
            </p>
          )}
          {out?.kind === 'check' && (
            <div className="exports report-files" role="group" aria-label={t('reportFiles')}>
              <span>{t('reportFiles')}:</span>
              <button type="button" onClick={() => void doReport('pdf')} data-testid="report-pdf">
                {t('reportPdf')}
              </button>
              <button type="button" onClick={() => void doReport('xlsx')} data-testid="report-xlsx">
                {t('reportXlsx')}
              </button>
              <button type="button" onClick={() => void doReport('shp')} data-testid="report-shp">
                {t('reportShp')} ({t('conflicts')})
              </button>
              <button type="button" onClick={() => void doReport('geojson')} data-testid="report-geojson">
                GeoJSON ({t('conflicts')})
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
