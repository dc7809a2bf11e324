/**
 * The applications tab (issue 14 item 7). A holder prepares an application — from a check result or an extension
 * assessment on the page, pre-filled — saves the draft, submits it and follows its steps; a regulator works through its
 * queue (GET /api/applications?state=submitted, its authority and every one under it), opens one and sees the frozen
 * snapshot beside today's reading before it accepts, approves or refuses. The abnormal list (异常名录) is the tab's
 * second part, for everyone (regulators: the live candidates).
 */
import { useCallback, useEffect, useState } from 'react';
import { APPLICATION_KINDS, APPLICATION_STATES } from '../../../server/vocab';
import { APPLICATION_STATE_CODES, type ApplicationState } from '../../../server/applications/states';
import { listApplications, type ApplicationDraft, type ApplicationPage } from '../api/applications';
import { useAuth } from '../auth/AuthContext';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { AbnormalListPanel } from './AbnormalList';
import { ApplicationsForm } from './ApplicationsForm';
import { ApplicationsView } from './ApplicationsView';
import { ErrorBox } from './common';

type Part = 'applications' | 'abnormal';

export function ApplicationsPanel({ draft }: { draft: { value: ApplicationDraft; n: number } | null }) {
  const { t, term } = useI18n();
  const { me } = useAuth();
  const [part, setPart] = useState<Part>('applications');
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState<{ draft: ApplicationDraft | null; n: number } | null>(null);
  const regulator = me?.role === 'regulator';
  // a regulator's queue starts at what waits for it; a holder sees all its own
  const [state, setState] = useState<ApplicationState | ''>(regulator ? 'submitted' : '');
  const [list, setList] = useState<{ ok: ApplicationPage } | { error: unknown } | null>(null);
  const [reload, setReload] = useState(0);
  const userKey = me ? `${me.id}:${me.role}` : 'public';

  // another user: their own list (a regulator's queue), nothing of the previous user's left open
  useEffect(() => {
    setState(me?.role === 'regulator' ? 'submitted' : '');
    setOpen(null);
    setForm(null);
  }, [userKey, me?.role]);

  // a draft prepared elsewhere on the page opens the form, pre-filled
  useEffect(() => {
    if (!draft) return;
    setPart('applications');
    setOpen(null);
    setForm({ draft: draft.value, n: draft.n });
  }, [draft]);

  useEffect(() => {
    if (!me) {
      setList(null);
      return;
    }
    const ac = new AbortController();
    setList(null);
    listApplications({ state: state || undefined, limit: 100 }, ac.signal).then(
      (ok) => !ac.signal.aborted && setList({ ok }),
      (error) => !ac.signal.aborted && setList({ error }),
    );
    return () => ac.abort();
  }, [me, state, reload]);

  const changed = useCallback(() => setReload((n) => n + 1), []);
  const heading = regulator ? t('appsQueue') : me?.role === 'admin' ? t('appsAll') : t('appsMine');

  return (
    <div className="panel-body" data-testid="apps-panel">
      <div className="segmented" role="group" aria-label={t('appsTitle')}>
        {(['applications', 'abnormal'] as const).map((p) => (
          <button key={p} type="button" aria-pressed={part === p} onClick={() => setPart(p)} data-testid={`apps-part-${p}`}>
            {p === 'applications' ? t('appsSectionApps') : t('appsSectionAbnormal')}
          </button>
        ))}
      </div>
      {part === 'abnormal' && <AbnormalListPanel />}
      {part === 'applications' && (
        <>
          <h2>{t('appsTitle')}</h2>
          {!me && <p className="muted">{t('appsSignIn')}</p>}
          {me && open && <ApplicationsView key={open} id={open} onBack={() => setOpen(null)} onChanged={changed} />}
          {me && !open && (
            <>
              {form ? (
                <ApplicationsForm
                  key={form.n}
                  draft={form.draft}
                  onCancel={() => setForm(null)}
                  onSaved={(a) => {
                    setForm(null);
                    changed();
                    setOpen(a.id);
                  }}
                />
              ) : (
                <button type="button" onClick={() => setForm({ draft: null, n: Date.now() })} data-testid="apps-new">
                  {t('appsNew')}
                </button>
              )}
              <section aria-labelledby="apps-list-title" data-testid="apps-list">
                <h3 id="apps-list-title">{heading}</h3>
                <div className="row small">
                  <label>
                    {t('appsStateFilter')}
                    <select
                      value={state}
                      onChange={(e) => setState(e.target.value as ApplicationState | '')}
                      data-testid="apps-state-filter"
                    >
                      <option value="">{t('appsAnyState')}</option>
                      {APPLICATION_STATE_CODES.map((s) => (
                        <option key={s} value={s}>
                          {term(APPLICATION_STATES, s)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" onClick={changed}>
                    {t('appsRefresh')}
                  </button>
                </div>
                {!list && <p className="muted">{t('loading')}</p>}
                {list && 'error' in list && <ErrorBox error={list.error} />}
                {list && 'ok' in list && list.ok.items.length === 0 && <p className="muted">{t('appsNone')}</p>}
                {list && 'ok' in list && list.ok.items.length > 0 && (
                  <ul className="results apps-list">
                    {list.ok.items.map((a) => (
                      <li key={a.id} data-id={a.id} data-state={a.state}>
                        <button type="button" className="apps-item" onClick={() => setOpen(a.id)} data-testid="apps-item">
                          <span className="apps-item-head">
                            <b>{a.title ?? term(APPLICATION_KINDS, a.kind)}</b>{' '}
                            <span className={`state-chip state-${a.state}`}>{term(APPLICATION_STATES, a.state)}</span>
                          </span>
                          <span className="muted small">
                            {term(APPLICATION_KINDS, a.kind)}
                            {a.block_id ? ` · ${a.block_id}` : ''} · {a.applicant}
                          </span>
                          <span className="muted small">
                            <span className="mono">{a.id}</span> · {formatDateTime(a.submitted_at ?? a.created_at)}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
