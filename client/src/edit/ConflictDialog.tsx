import { formatDateTime } from '../format';
import type { HistoryVersion, Versioned } from '../api/edit';
import { Dialog } from '../auth/Dialog';
import { useI18n, type Lang } from '../i18n';
import { changedProperties, EDIT_FIELDS, sameGeometry, writable } from './fields';
import { fieldLabel, fieldValue } from './labels';

export interface Conflict {
  /** the version this editor opened */
  base: Versioned;
  /** the version someone else saved since (current) */
  theirs: Versioned;
  /** the properties and extent this editor tried to save */
  mine: Record<string, unknown>;
  myGeometry: GeoJSON.Geometry;
  /** the current version's history entry (who saved it, when), when the server keeps one */
  last: HistoryVersion | null;
}

/** 412 explained: someone else saved first; their version against this editor's, and the two ways on. */
export function ConflictDialog({
  collection,
  conflict,
  lang,
  onReload,
  onReapply,
  onClose,
}: {
  collection: string;
  conflict: Conflict;
  lang: Lang;
  onReload: () => void;
  onReapply: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const fields = EDIT_FIELDS[collection] ?? [];
  const base = writable(conflict.base.feature.properties);
  const theirs = writable(conflict.theirs.feature.properties);
  const rows = changedProperties(fields, theirs, conflict.mine);
  const geomDiffers = !sameGeometry(conflict.theirs.feature.geometry, conflict.myGeometry);
  const theyMovedIt = !sameGeometry(conflict.base.feature.geometry, conflict.theirs.feature.geometry);
  const iMovedIt = !sameGeometry(conflict.base.feature.geometry, conflict.myGeometry);
  const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  const who = conflict.last?.actor
    ? t('conflictWhoAt', { actor: conflict.last.actor, time: formatDateTime(conflict.last.valid_from) })
    : t('conflictSomeone');
  const show = (field: string, v: unknown) => fieldValue(t, lang, collection, field, v);

  return (
    <Dialog title={t('conflictTitle')} onClose={onClose} testid="conflict-dialog">
      <p role="alert" data-testid="conflict-explanation">
        {t('conflictHelp', { who })}
      </p>
      {rows.length === 0 && !geomDiffers ? (
        <p className="muted">{t('conflictNoDiff')}</p>
      ) : (
        <table className="conflict-table" data-testid="conflict-table">
          <thead>
            <tr>
              <th>{t('conflictField')}</th>
              <th>{t('conflictTheirs')}</th>
              <th>{t('conflictYours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} data-field={r.field}>
                <th>{fieldLabel(t, r.field)}</th>
                <td className={differs(base[r.field], r.from) ? 'changed' : undefined}>
                  {show(r.field, r.from)}
                  {differs(base[r.field], r.from) && <span className="muted small"> · {t('conflictTheyChanged')}</span>}
                </td>
                <td className={differs(base[r.field], r.to) ? 'changed' : undefined}>
                  {show(r.field, r.to)}
                  {differs(base[r.field], r.to) && <span className="muted small"> · {t('conflictYouChanged')}</span>}
                </td>
              </tr>
            ))}
            {geomDiffers && (
              <tr data-field="geometry">
                <th>{t('editGeometry')}</th>
                <td className={theyMovedIt ? 'changed' : undefined}>{theyMovedIt ? t('geometryChanged') : t('geometrySame')}</td>
                <td className={iMovedIt ? 'changed' : undefined}>{iMovedIt ? t('geometryChanged') : t('geometrySame')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <div className="row dialog-actions">
        <button type="button" onClick={onReload} data-testid="conflict-reload">
          {t('conflictReload')}
        </button>
        <button type="button" className="primary" onClick={onReapply} data-testid="conflict-reapply">
          {t('conflictReapply')}
        </button>
      </div>
    </Dialog>
  );
}
