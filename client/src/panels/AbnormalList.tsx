/**
 * The abnormal list (异常名录, 273号令 第四十三、四十四条; issue 14 items 3 and 7): regulators read the live candidates of
 * the latest year due (or the published list), everyone else the latest published list. GET /api/abnormal-list.
 */
import { useEffect, useState } from 'react';
import { ABNORMAL_REASONS } from '../../../server/vocab';
import { abnormalList, type AbnormalList as List } from '../api/applications';
import { useAuth } from '../auth/AuthContext';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ErrorBox } from './common';

const STATUS_KEY = { candidates: 'abnStatusCandidates', published: 'abnStatusPublished', not_published: 'abnStatusNotPublished' } as const;

export function AbnormalListPanel() {
  const { t, term, lang, text } = useI18n();
  const { me } = useAuth();
  const regulator = me?.role === 'regulator' || me?.role === 'admin';
  const [view, setView] = useState<'candidates' | 'published'>('candidates');
  const [s, setS] = useState<{ ok: List } | { error: unknown } | null>(null);
  const userKey = me ? `${me.id}:${me.role}` : 'public';
  useEffect(() => {
    const ac = new AbortController();
    setS(null);
    abnormalList(regulator ? { view } : {}, ac.signal).then(
      (ok) => !ac.signal.aborted && setS({ ok }),
      (error) => !ac.signal.aborted && setS({ error }),
    );
    return () => ac.abort();
  }, [view, regulator, userKey]);
  const l = s && 'ok' in s ? s.ok : null;
  return (
    <section data-testid="abnormal-list" aria-labelledby="abnormal-title">
      <h2 id="abnormal-title">{t('abnTitle')}</h2>
      {regulator && (
        <div className="row small" role="group" aria-label={t('abnView')}>
          {(['candidates', 'published'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} data-testid={`abnormal-view-${v}`}>
              {v === 'candidates' ? t('abnViewCandidates') : t('abnViewPublished')}
            </button>
          ))}
        </div>
      )}
      {!s && <p className="muted">{t('loading')}</p>}
      {s && 'error' in s && <ErrorBox error={s.error} />}
      {l && (
        <>
          <p className={l.status === 'candidates' ? 'notice small' : 'small'} data-testid="abnormal-status" data-status={l.status}>
            {t(STATUS_KEY[l.status])}
          </p>
          <dl className="props">
            {l.year !== null && (
              <div>
                <dt>{t('abnYear')}</dt>
                <dd>{l.year}</dd>
              </div>
            )}
            {l.authority && (
              <div>
                <dt>{t('authority')}</dt>
                <dd>{l.authority}</dd>
              </div>
            )}
            {l.deadline && (
              <div>
                <dt>{t('abnDeadline')}</dt>
                <dd>{formatDate(l.deadline, lang)}</dd>
              </div>
            )}
            <div>
              <dt>{t('abnOn')}</dt>
              <dd>{formatDate(l.on, lang)}</dd>
            </div>
            <div>
              <dt>{t('abnHolders')}</dt>
              <dd data-testid="abnormal-holders">{l.holders}</dd>
            </div>
          </dl>
          {l.publication && (
            <p className="small" data-testid="abnormal-publication">
              {t('abnPublished', { date: formatDateTime(l.publication.published_at), doc: l.publication.document_no ?? '—' })}
            </p>
          )}
          {l.entries.length === 0 ? (
            <p className="muted">{t('abnNone')}</p>
          ) : (
            <ul className="abnormal-entries" data-testid="abnormal-entries">
              {l.entries.map((e) => (
                <li key={`${e.holder}|${e.block_id}`} data-block={e.block_id}>
                  <div>
                    <b>{e.holder}</b>
                  </div>
                  <div className="small">
                    {t('abnBlock')}: {e.block_name} <span className="muted mono">{e.block_id}</span>
                  </div>
                  <ul className="plain">
                    {e.reasons.map((r, i) => (
                      <li key={i} data-code={r.code}>
                        <span className="reason-code">{term(ABNORMAL_REASONS, r.code)}</span>
                        <div className="small">{text(r)}</div>
                        <div className="muted small">{r.citations.map((c) => c.doc).join(lang === 'zh' ? '；' : '; ')}</div>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
