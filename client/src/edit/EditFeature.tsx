import { useEffect, useRef, useState } from 'react';
import { parseFile } from '../api/checks';
import { featureHistory, readVersioned, replaceFeature, type Versioned } from '../api/edit';
import { ApiError } from '../api/http';
import type { Geometry } from '../api/contract';
import { useAuth } from '../auth/AuthContext';
import { authErrorText } from '../auth/errors';
import { formatKm2 } from '../format';
import { useI18n } from '../i18n';
import type { MapController } from '../map/controller';
import { ErrorBox } from '../panels/common';
import { loadProjection, projectionFields } from '../panels/ProjectionChoice';
import { ConflictDialog, type Conflict } from './ConflictDialog';
import {
  changedProperties,
  EDIT_FIELDS,
  POLYGON_COLLECTIONS,
  toFormValues,
  toProperties,
  writable,
  type FieldError,
  type FormValues,
} from './fields';
import { fieldLabel } from './labels';

type NewGeometry = { geometry: Geometry; source: 'file' | 'drawn'; name?: string; area_km2?: number };

/**
 * A regulator's editor for one feature: the attributes as a form from the vocabularies, the extent from an
 * uploaded coordinate file (the /api/parse flow) or a drawing; saved with `If-Match` on the version read.
 * When someone else saved first (412) it explains that and offers their version or re-applying these changes.
 */
export function EditFeature({
  collection,
  id,
  ctl,
  onSaved,
  onCancel,
}: {
  collection: string;
  id: string;
  ctl: MapController | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang, term } = useI18n();
  const { expired } = useAuth();
  const fields = EDIT_FIELDS[collection] ?? [];
  const [base, setBase] = useState<Versioned | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [geom, setGeom] = useState<NewGeometry | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | 'parse' | 'draw' | null>('load');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const load = (v: Versioned) => {
    setBase(v);
    setValues(toFormValues(fields, v.feature.properties));
    setFieldErrors([]);
  };

  useEffect(() => {
    const ac = new AbortController();
    setBusy('load');
    readVersioned(collection, id, ac.signal).then(
      (v) => {
        load(v);
        setBusy(null);
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        setError(e);
        setBusy(null);
      },
    );
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collection, id]);

  // the new extent on the map while editing; cleared when the editor closes
  useEffect(() => {
    if (!ctl) return;
    ctl.showCheck(geom ? { input: { geometry: geom.geometry }, conflicts: [] } : null);
  }, [ctl, geom]);
  useEffect(
    () => () => {
      ctl?.stopDraw();
      ctl?.showCheck(null);
    },
    [ctl],
  );

  /** What went wrong on a write, in the page's words where it is about rights or sessions. */
  const explain = (e: unknown) => {
    if (e instanceof ApiError) {
      if (e.status === 401) expired();
      if (e.status === 403 && e.code !== 'CSRF_FAILED') return setMessage(t('editForbidden'));
      if (e.status === 404) return setMessage(t('editFeatureGone'));
      const mine = authErrorText(t, e);
      if (mine) return setMessage(mine);
    }
    setError(e);
  };

  /** PUT the form's properties (and new extent) over `on`, conditional on its ETag. */
  const save = async (on: Versioned, vals: FormValues) => {
    const { properties, errors } = toProperties(fields, vals, writable(on.feature.properties));
    setFieldErrors(errors);
    if (errors.length) return;
    setBusy('save');
    setError(null);
    setMessage(null);
    // stored features always have a geometry (the register refuses writes without one)
    const geometry = (geom?.geometry ?? on.feature.geometry) as Geometry;
    try {
      await replaceFeature(collection, id, { type: 'Feature', geometry, properties }, on.etag);
      ctl?.refreshTiles(collection);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // someone else saved first: read their version (and who, if the history says) and explain
        try {
          const theirs = await readVersioned(collection, id);
          const last = await featureHistory(collection, id)
            .then((h) => h.versions.find((v) => !v.valid_to) ?? h.versions[h.versions.length - 1] ?? null)
            .catch(() => null);
          setConflict({ base: on, theirs, mine: properties, myGeometry: geometry, last });
        } catch (e2) {
          explain(e2);
        }
      } else explain(e);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    setBusy('parse');
    setError(null);
    setMessage(null);
    try {
      const r = await parseFile(file, undefined, projectionFields(loadProjection()));
      setGeom({ geometry: r.geometry, source: 'file', name: file.name, area_km2: r.area_km2 });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const draw = () => {
    if (!ctl) return;
    setBusy('draw');
    setError(null);
    ctl.startDraw(
      (poly) => setGeom({ geometry: poly, source: 'drawn' }),
      () => setBusy((b) => (b === 'draw' ? null : b)),
    );
  };

  const errOf = (f: string) => fieldErrors.find((x) => x.field === f);
  const problemText = { required: t('fieldRequired'), number: t('fieldNumber'), date: t('fieldDate') } as const;

  return (
    <section className="detail-section editor" data-testid="editor">
      <h3>{t('editTitle')}</h3>
      {busy === 'load' && <p className="muted">{t('loading')}</p>}
      {base && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(base, values);
          }}
        >
          <h4>{t('editAttributes')}</h4>
          <div className="form-grid">
            {fields.map((f) => {
              const v = values[f.name] ?? '';
              const err = errOf(f.name);
              const set = (x: string) => setValues((o) => ({ ...o, [f.name]: x }));
              const common = {
                name: f.name,
                'aria-invalid': err ? true : undefined,
                'data-testid': `field-${f.name}`,
              } as const;
              return (
                <label key={f.name} className={err ? 'invalid' : undefined}>
                  {fieldLabel(t, f.name)}
                  {f.required && <span aria-hidden="true"> *</span>}
                  {f.kind === 'select' && f.vocab ? (
                    <select {...common} value={v} required={f.required} onChange={(e) => set(e.target.value)}>
                      {!f.required && <option value="">—</option>}
                      {v && !(v in f.vocab) && <option value={v}>{v}</option>}
                      {Object.keys(f.vocab).map((code) => (
                        <option key={code} value={code}>
                          {term(f.vocab!, code)}
                        </option>
                      ))}
                    </select>
                  ) : f.kind === 'bool' ? (
                    <select {...common} value={v} onChange={(e) => set(e.target.value)}>
                      <option value="">—</option>
                      <option value="true">{t('yes')}</option>
                      <option value="false">{t('no')}</option>
                    </select>
                  ) : (
                    <input
                      {...common}
                      type={f.kind === 'date' ? 'date' : 'text'}
                      inputMode={f.kind === 'number' || f.kind === 'int' ? 'decimal' : undefined}
                      required={f.required}
                      value={v}
                      onChange={(e) => set(e.target.value)}
                    />
                  )}
                  {err && <span className="field-error">{problemText[err.problem]}</span>}
                </label>
              );
            })}
          </div>

          <h4>{t('editGeometry')}</h4>
          {POLYGON_COLLECTIONS.has(collection) ? (
            <div className="geometry-edit">
              <p className="small" data-testid="geometry-state">
                {geom
                  ? geom.source === 'drawn'
                    ? t('geometryNewDrawn')
                    : t('geometryNew', { area: `${geom.name ?? ''} ${geom.area_km2 !== undefined ? formatKm2(geom.area_km2) : ''}`.trim() })
                  : t('geometryKeep')}
              </p>
              <div className="row">
                <button type="button" onClick={() => fileRef.current?.click()} disabled={busy !== null} data-testid="geometry-upload">
                  {busy === 'parse' ? t('loading') : t('geometryUpload')}
                </button>
                <input
                  ref={fileRef}
                  type="file"
                  hidden
                  accept=".txt,.csv,.xlsx,.geojson,.json,.kml,.kmz,.zip"
                  data-testid="geometry-file"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void upload(f);
                  }}
                />
                <button type="button" onClick={draw} disabled={busy !== null || !ctl} data-testid="geometry-draw">
                  {busy === 'draw' ? t('drawing') : t('geometryDraw')}
                </button>
                {geom && (
                  <button type="button" onClick={() => setGeom(null)}>
                    {t('geometryReset')}
                  </button>
                )}
              </div>
            </div>
          ) : (
            <p className="muted small">{t('geometryNotPolygon')}</p>
          )}

          {message && (
            <div className="error" role="alert" data-testid="edit-message">
              {message}
            </div>
          )}
          <ErrorBox error={error} />
          <div className="row">
            <button type="submit" className="primary" disabled={busy !== null} data-testid="edit-save">
              {busy === 'save' ? t('saving') : t('save')}
            </button>
            <button type="button" onClick={onCancel} data-testid="edit-cancel">
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {!base && busy !== 'load' && (
        <>
          {message && <div className="error">{message}</div>}
          <ErrorBox error={error} />
        </>
      )}
      {conflict && (
        <ConflictDialog
          collection={collection}
          conflict={conflict}
          lang={lang}
          onReload={() => {
            // their version in the form; this editor's changes are dropped
            load(conflict.theirs);
            setGeom(null);
            setConflict(null);
          }}
          onReapply={() => {
            // the fields this editor changed (against the version it opened), written over their version
            const mine = changedProperties(fields, writable(conflict.base.feature.properties), conflict.mine);
            const merged = { ...writable(conflict.theirs.feature.properties) };
            for (const c of mine) merged[c.field] = c.to;
            const vals = toFormValues(fields, merged);
            setBase(conflict.theirs);
            setValues(vals);
            setConflict(null);
            void save({ ...conflict.theirs, feature: { ...conflict.theirs.feature, properties: merged } }, vals);
          }}
          onClose={() => setConflict(null)}
        />
      )}
    </section>
  );
}
