import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { ErrorBox } from '../panels/common';
import { useAuth } from './AuthContext';
import { Dialog } from './Dialog';
import { authErrorText } from './errors';

/** User name and password → session cookie; errors (wrong password, lockout with the wait) in the page's language. */
export function SignInDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      onClose();
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const mine = authErrorText(t, error);

  return (
    <Dialog title={t('signInTitle')} onClose={onClose} testid="signin-dialog">
      <form onSubmit={(e) => void submit(e)} className="form-grid signin">
        <p className="muted small">{t('signInHelp')}</p>
        <label>
          {t('username')}
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error !== null &&
          (mine ? (
            <div className="error" role="alert" data-testid="signin-error">
              {mine}
            </div>
          ) : (
            <ErrorBox error={error} />
          ))}
        <button type="submit" className="primary" disabled={busy} data-testid="signin-submit">
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </Dialog>
  );
}
