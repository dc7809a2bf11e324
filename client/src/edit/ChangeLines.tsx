import { useI18n } from '../i18n';
import type { Change } from './fields';
import { fieldLabel, fieldValue } from './labels';

/**
 * What a version changed, a line each: a property's name, its value before → after (codes by their names, areas in
 * km²), and "范围：已改动" when the geometry moved. A feature's history (HistoryList) and the register's changes around a
 * right (NearbyChanges) show changes alike.
 */
export function ChangeLines({
  collection,
  changes,
  moved,
  testid,
}: {
  collection: string;
  changes: Change[];
  moved: boolean;
  testid: string;
}) {
  const { t, lang } = useI18n();
  const colon = lang === 'zh' ? '：' : ': ';
  const value = (field: string, v: unknown) => fieldValue(t, lang, collection, field, v);
  return (
    <>
      {changes.map((c) => (
        <div key={c.field} data-testid={testid} data-field={c.field}>
          {fieldLabel(t, c.field)}
          {colon}
          {value(c.field, c.from)} → {value(c.field, c.to)}
        </div>
      ))}
      {moved && (
        <div>
          {t('editGeometry')}
          {colon}
          {t('geometryChanged')}
        </div>
      )}
    </>
  );
}
