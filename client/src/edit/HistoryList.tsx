import { formatDateTime } from '../format';
import { featureHistory, type HistoryVersion } from '../api/edit';
import { useI18n } from '../i18n';
import { changedProperties, EDIT_FIELDS, sameGeometry } from './fields';
import { ChangeLines } from './ChangeLines';
import type { Messages } from '../i18n/zh';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { ErrorBox, Unavailable } from '../panels/common';

const OPERATION: Record<string, keyof Messages> = {
  insert: 'opCreate',
  create: 'opCreate',
  update: 'opUpdate',
  replace: 'opUpdate',
  delete: 'opDelete',
};

/** A feature's versions, newest first: when, who, what operation, and what changed against the version before. */
export function HistoryList({ collection, id, version }: { collection: string; id: string; version: number }) {
  const { t } = useI18n();
  const [versions, setVersions] = useState<HistoryVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    featureHistory(collection, id, ac.signal).then(
      (h) => setVersions(h.versions),
      (e: unknown) => !ac.signal.aborted && setError(e),
    );
    return () => ac.abort();
  }, [collection, id, version]);
  const fields = EDIT_FIELDS[collection] ?? [];

  let body;
  if (error)
    body = error instanceof ApiError && error.unavailable && error.code !== 'NOT_FOUND' ? <Unavailable /> : <ErrorBox error={error} />;
  else if (!versions) body = <p className="muted">{t('loading')}</p>;
  else if (!versions.length) body = <p className="muted">{t('historyNone')}</p>;
  else {
    // oldest first for the differences, shown newest first
    const asc = [...versions].sort((a, b) => String(a.valid_from ?? '').localeCompare(String(b.valid_from ?? '')));
    const rows = asc.map((v, i) => {
      const prev = asc[i - 1];
      const changes = prev && v.properties ? changedProperties(fields, prev.properties ?? {}, v.properties) : [];
      const moved = prev && v.geometry !== undefined && prev.geometry !== undefined && !sameGeometry(prev.geometry, v.geometry);
      return { v, changes, moved, first: !prev };
    });
    body = (
      <ol className="history" data-testid="history">
        {rows.reverse().map(({ v, changes, moved, first }, i) => (
          <li key={`${v.valid_from}:${i}`} data-testid="history-row" data-operation={v.operation ?? undefined}>
            <div>
              <b>{formatDateTime(v.valid_from) || '—'}</b> · {v.actor || t('historyUnknownActor')} ·{' '}
              {v.operation && OPERATION[v.operation] ? t(OPERATION[v.operation]) : (v.operation ?? '')}
              {!v.valid_to && <span className="muted small"> {t('historyCurrent')}</span>}
            </div>
            <div className="small">
              {first && <span className="muted">{t('historyFirst')}</span>}
              <ChangeLines collection={collection} changes={changes} moved={!!moved} testid="history-change" />
            </div>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <section className="detail-section" data-testid="details-history">
      <h3>{t('historyTitle')}</h3>
      {body}
    </section>
  );
}
