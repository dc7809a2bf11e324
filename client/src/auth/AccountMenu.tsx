import { useState } from 'react';
import { useI18n } from '../i18n';
import type { Messages } from '../i18n/zh';
import type { Role } from '../api/auth';
import { useAuth } from './AuthContext';
import { organisationOf } from './permissions';
import { SignInDialog } from './SignInDialog';
import { TokensDialog } from './TokensDialog';

export const ROLE_KEY: Record<Role, keyof Messages> = {
  public: 'rolePublic',
  holder: 'roleHolder',
  regulator: 'roleRegulator',
  admin: 'roleAdmin',
};

/** The header's account area: 登录, or who is signed in (name, role, organisation) with tokens and sign-out. */
export function AccountMenu() {
  const { t } = useI18n();
  const { ready, me, logout } = useAuth();
  const [dialog, setDialog] = useState<'signin' | 'tokens' | null>(null);
  if (!ready) return null;
  const org = organisationOf(me);
  return (
    <>
      {me ? (
        <div className="account" data-testid="account" data-role={me.role}>
          <span className="who" title={org ?? undefined}>
            <b data-testid="account-name">{me.display_name || me.username}</b>
            <span className="role-chip" data-testid="account-role">
              {t(ROLE_KEY[me.role] ?? 'rolePublic')}
            </span>
            {org && (
              <span className="org" data-testid="account-org">
                {org}
              </span>
            )}
          </span>
          <button type="button" onClick={() => setDialog('tokens')} data-testid="open-tokens" title={t('tokensTitle')}>
            {t('tokensButton')}
          </button>
          <button type="button" onClick={() => void logout()} data-testid="signout">
            {t('signOut')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setDialog('signin')} data-testid="signin">
          {t('signIn')}
        </button>
      )}
      {dialog === 'signin' && <SignInDialog onClose={() => setDialog(null)} />}
      {dialog === 'tokens' && me && <TokensDialog onClose={() => setDialog(null)} />}
    </>
  );
}
