import { formatDateTime } from '../format';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { createToken, listTokens, revokeToken, type ApiToken, type TokenScope } from '../api/auth';
import { useI18n } from '../i18n';
import { ErrorBox } from '../panels/common';
import { Dialog } from './Dialog';
import { authErrorText } from './errors';

const day = (s: string | null | undefined) => formatDateTime(s) || null;

/** Personal API tokens: create (read-only unless chosen otherwise; the token is shown once), list with their scope, revoke. */
export function TokensDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  // least privilege: a script that only reads cannot write by mistake or if its token leaks
  const [scope, setScope] = useState<TokenScope>('read');
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [confirm, setConfirm] = useState<ApiToken['id'] | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setTokens(await listTokens());
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCopied(false);
    try {
      setCreated(await createToken(name.trim(), scope));
      setName('');
      setScope('read');
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: ApiToken['id']) => {
    setError(null);
    try {
      await revokeToken(id);
      setConfirm(null);
      if (created?.id === id) setCreated(null);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  const copy = async () => {
    if (!created?.token) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      /* clipboard blocked: the token stays selectable */
    }
  };
  const mine = authErrorText(t, error);

  return (
    <Dialog title={t('tokensTitle')} onClose={onClose} testid="tokens-dialog">
      <p className="muted small">{t('tokensHelp')}</p>
      <form onSubmit={(e) => void create(e)} className="token-form">
        <label>
          {t('tokenName')}
          <input
            required
            maxLength={100}
            value={name}
            placeholder={t('tokenNamePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            data-testid="token-name"
          />
        </label>
        <label className="token-scope">
          {t('tokenScope')}
          <select value={scope} onChange={(e) => setScope(e.target.value as TokenScope)} data-testid="token-scope-choice">
            <option value="read">{t('tokenScopeRead')}</option>
            <option value="write">{t('tokenScopeWrite')}</option>
          </select>
        </label>
        <button type="submit" className="primary" data-testid="token-create">
          {t('tokenCreate')}
        </button>
      </form>
      {created?.token && (
        <div className="token-once" role="status" data-testid="token-created">
          <p>{t('tokenCreated')}</p>
          <code className="mono" data-testid="token-value">
            {created.token}
          </code>
          <button type="button" onClick={() => void copy()}>
            {copied ? t('tokenCopied') : t('tokenCopy')}
          </button>
        </div>
      )}
      {error !== null &&
        (mine ? (
          <div className="error" role="alert">
            {mine}
          </div>
        ) : (
          <ErrorBox error={error} />
        ))}
      {tokens && tokens.length === 0 && <p className="muted">{t('tokensNone')}</p>}
      {tokens && tokens.length > 0 && (
        <ul className="tokens" data-testid="tokens">
          {tokens.map((k) => (
            <li key={String(k.id)} data-testid="token-row" data-revoked={k.revoked_at ? '' : undefined}>
              <div>
                <b>{k.name}</b> {k.prefix && <code className="small">{k.prefix}…</code>}{' '}
                {k.scope && (
                  <span className="small" data-testid="token-scope" data-scope={k.scope}>
                    {k.scope === 'write' ? t('tokenScopeWrite') : t('tokenScopeRead')}
                  </span>
                )}
                <div className="muted small">
                  {t('tokenCreatedAt')} {day(k.created_at) ?? '—'} · {t('tokenLastUsed')} {day(k.last_used_at) ?? t('never')}
                </div>
              </div>
              {k.revoked_at ? (
                <span className="muted small" data-testid="token-revoked">
                  {t('tokenRevoked', { time: day(k.revoked_at) ?? '' })}
                </span>
              ) : confirm === k.id ? (
                <button type="button" className="danger" onClick={() => void revoke(k.id)} data-testid="token-revoke-confirm">
                  {t('tokenRevokeConfirm')}
                </button>
              ) : (
                <button type="button" onClick={() => setConfirm(k.id)} data-testid="token-revoke">
                  {t('tokenRevoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
