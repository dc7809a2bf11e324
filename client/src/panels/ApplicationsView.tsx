/**
 * One application (issue 14 item 7): where it stands, its steps (who, when, why, the document number, what changed in
 * the register), the frozen snapshot beside the live reading, and the steps the signed-in user may take next — submit
 * or withdraw on the applicant side, accept, approve or refuse on the deciding side — each with a reason and an
 * optional document number (POST /api/applications/{id}/transitions, If-Match the application's ETag).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { APPLICATION_ACTIONS, APPLICATION_KINDS, APPLICATION_STATES, ROLES } from '../../../server/vocab';
import type { TransitionAction } from '../../../server/applications/states';
import { getApplication, takeStep, type Application } from '../api/applications';
import { useAuth } from '../auth/AuthContext';
import { actionsFor } from './ApplicationsActions';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ApplicationsDiff } from './ApplicationsDiff';
import { ErrorBox, TextList } from './common';

export function ApplicationsView({ id, onBack, onChanged }: { id: string; onBack: () => void; onChanged: () => void }) {
  const { t, term, text, lang } = useI18n();
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);
  const { me } = useAuth();
  const [s, setS] = useState<{ ok: Application; etag: string | null } | { error: unknown } | null>(null);
  const [reason, setReason] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [busy, setBusy] = useState<TransitionAction | null>(null);
  const [stepError, setStepError] = useState<unknown>(null);
  const [done, setDone] = useState<TransitionAction | null>(null);
  const [missingReason, setMissingReason] = useState(false);

  useEffect(() => {
    const ac = new AbortController();
    setS(null);
    getApplication(id, ac.signal).then(
      (r) => !ac.signal.aborted && setS({ ok: r.data, etag: r.etag }),
      (error) => !ac.signal.aborted && setS({ error }),
    );
    return () => ac.abort();
  }, [id]);

  const a = s && 'ok' in s ? s.ok : null;
  const actions = a ? actionsFor(me, a) : [];

  const act = async (action: TransitionAction, e?: FormEvent) => {
    e?.preventDefault();
    if (!s || !('ok' in s)) return;
    if (!reason.trim()) {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    setBusy(action);
    setStepError(null);
    setDone(null);
    try {
      const r = await takeStep(
        id,
        { action, reason: reason.trim(), ...(documentNo.trim() ? { document_no: documentNo.trim() } : {}) },
        s.etag,
      );
      setS({ ok: r.data, etag: r.etag });
      setReason('');
      setDocumentNo('');
      setDone(action);
      onChanged();
    } catch (err) {
      setStepError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="apps-view" data-testid="apps-view" data-id={id}>
      <button type="button" className="link" onClick={onBack} data-testid="apps-back">
        ← {t('appsBack')}
      </button>
      {!s && <p className="muted">{t('loading')}</p>}
      {s && 'error' in s && <ErrorBox error={s.error} />}
      {a && (
        <>
          <h3 data-testid="apps-view-title">
            {a.title ?? term(APPLICATION_KINDS, a.kind)}{' '}
            <span className={`state-chip state-${a.state}`} data-testid="apps-state" data-state={a.state}>
              {term(APPLICATION_STATES, a.state)}
            </span>
          </h3>
          <dl className="props">
            <div>
              <dt>{t('appsKind')}</dt>
              <dd>{term(APPLICATION_KINDS, a.kind)}</dd>
            </div>
            {a.block_id && (
              <div>
                <dt>{t('appsBlock')}</dt>
                <dd className="mono">{a.block_id}</dd>
              </div>
            )}
            <div>
              <dt>{t('appsApplicant')}</dt>
              <dd>{a.applicant}</dd>
            </div>
            <div>
              <dt>{t('appsAuthority')}</dt>
              <dd>{a.authority}</dd>
            </div>
            <div>
              <dt>{t('appsCreatedAt')}</dt>
              <dd>{formatDateTime(a.created_at)}</dd>
            </div>
            {a.submitted_at && (
              <div>
                <dt>{t('appsSubmittedAt')}</dt>
                <dd>{formatDateTime(a.submitted_at)}</dd>
              </div>
            )}
            {a.decided_at && (
              <div>
                <dt>{t('appsDecidedAt')}</dt>
                <dd>{formatDateTime(a.decided_at)}</dd>
              </div>
            )}
            {a.note && (
              <div>
                <dt>{t('appsNote')}</dt>
                <dd>{a.note}</dd>
              </div>
            )}
          </dl>

          {done && (
            <p className="ok small" role="status" data-testid="apps-done">
              {t('appsDone', { action: term(APPLICATION_ACTIONS, done) })}
            </p>
          )}
          {actions.length > 0 && (
            <form className="apps-act" onSubmit={(e) => void act(actions[0], e)} data-testid="apps-act" aria-labelledby="apps-act-title">
              <h4 id="apps-act-title">{t('appsActions')}</h4>
              <label>
                {t('appsReason')}
                <textarea
                  value={reason}
                  rows={2}
                  maxLength={2000}
                  required
                  aria-invalid={missingReason || undefined}
                  aria-describedby={missingReason ? 'apps-reason-missing' : undefined}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="apps-step-reason"
                />
              </label>
              {missingReason && (
                <p className="field-error small" id="apps-reason-missing" role="alert">
                  {t('appsReasonRequired')}
                </p>
              )}
              <label>
                {t('appsDocumentNo')}
                <input
                  type="text"
                  value={documentNo}
                  maxLength={200}
                  onChange={(e) => setDocumentNo(e.target.value)}
                  data-testid="apps-step-docno"
                />
              </label>
              <div className="row">
                {actions.map((x) => (
                  <button
                    key={x}
                    type="button"
                    disabled={busy !== null}
                    className={x === 'refuse' || x === 'withdraw' ? 'danger' : undefined}
                    onClick={() => void act(x)}
                    data-testid={`apps-step-${x}`}
                  >
                    {term(APPLICATION_ACTIONS, x)}
                  </button>
                ))}
              </div>
              <ErrorBox error={stepError} />
            </form>
          )}

          {a.snapshot && (
            <>
              <section className="detail-section" data-testid="apps-snapshot">
                <h3>{t('appsSnapshot')}</h3>
                <p className="small">
                  {t('appsSnapshotTaken', { at: formatDateTime(a.snapshot.taken_at), on: formatDate(a.snapshot.on, lang) })}
                </p>
                <p className="small muted">
                  {t('appsSha')}: <span className="mono break">{a.snapshot_sha256}</span>
                </p>
                <TextList items={a.snapshot.warnings} className="notice small" testid="apps-snapshot-warnings" />
                <TextList items={a.snapshot.notes} className="muted small" />
              </section>
              <ApplicationsDiff snapshot={a.snapshot} />
            </>
          )}

          <section className="detail-section" aria-labelledby="apps-steps-title">
            <h3 id="apps-steps-title">{t('appsSteps')}</h3>
            <ol className="apps-steps" data-testid="apps-steps">
              {a.steps.map((st) => (
                <li key={st.id} data-action={st.action}>
                  <div>
                    <b>{term(APPLICATION_ACTIONS, st.action)}</b>
                    {st.from_state && ` · ${term(APPLICATION_STATES, st.from_state)} → ${term(APPLICATION_STATES, st.to_state)}`}
                  </div>
                  <div className="muted small">
                    {formatDateTime(st.at)} · {st.actor}
                    {paren(term(ROLES, st.role))}
                  </div>
                  {st.reason && (
                    <div className="small">
                      {t('appsReason')}: {st.reason}
                    </div>
                  )}
                  {st.document_no && (
                    <div className="small">
                      {t('appsDocumentNo')}: <span className="mono">{st.document_no}</span>
                    </div>
                  )}
                  {st.effect && st.effect.messages.length > 0 && (
                    <div className="small">
                      {t('appsEffect')}: {st.effect.messages.map((m) => text(m)).join(lang === 'zh' ? '；' : '; ')}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
