/**
 * The seizures (查封) and mortgages (抵押) on file on a right, not released: what the dashed outline on the map stands
 * for, with its document, authority and term, and what it restrains (a seizure: no transfer, reduction or
 * cancellation; a mortgage: a transfer needs the mortgagee's consent — server/features/write.ts). A regulator
 * overseeing the right (or an admin) records, releases and, on a mortgage, records or withdraws consents here.
 */
import { useState } from 'react';
import type { RightFlag } from '../api/contract';
import { useI18n } from '../i18n';
import { RIGHT_FLAG_KINDS } from '../../../server/vocab';
import { FLAG_COLOURS } from '../map/colours';
import { Consents, NewFlagForm, ReleaseFlagForm } from './FlagForms';

export function RegisterFlags({
  blockId,
  flags,
  manage,
  seeConsents,
  authority,
  version,
  onChanged,
}: {
  blockId: string;
  flags: RightFlag[];
  /** may record, release and manage consents (a regulator overseeing the right, an admin) */
  manage: boolean;
  /** may read the consents (the right's holder, the regulators overseeing it, admins) */
  seeConsents: boolean;
  /** the recording authority a new flag's form starts with (the user's own) */
  authority: string;
  version: number;
  onChanged: () => void;
}) {
  const { t, term } = useI18n();
  const [form, setForm] = useState<'new' | string | null>(null);
  const done = () => {
    setForm(null);
    onChanged();
  };
  return (
    <>
      {!flags.length && <p className="muted small">{t('noRegisterFlags')}</p>}
      {flags.length > 0 && (
        <ul className="register-flags small">
          {flags.map((f) => (
            <li
              key={f.id}
              data-testid="register-flag"
              data-kind={f.kind}
              data-in-force={f.in_force}
              style={{ borderLeftColor: FLAG_COLOURS[f.kind] }} // the map's dashed outline of the same flag
            >
              <div>
                <strong>{term(RIGHT_FLAG_KINDS, f.kind)}</strong> <span className="mono">{f.document_no}</span>{' '}
                <span className={f.in_force ? 'warn' : 'muted'}>({f.in_force ? t('flagInForce') : t('flagNotInForce')})</span>
              </div>
              <div className="muted">
                {f.authority} · {t('flagPeriod', { from: f.start_on, to: f.end_on ?? t('flagUntilReleased') })}
              </div>
              {f.beneficiary && <div>{t('flagMortgagee', { name: f.beneficiary })}</div>}
              {f.in_force && <div>{t(f.kind === 'seizure' ? 'flagSeizureEffect' : 'flagMortgageEffect')}</div>}
              {f.kind === 'mortgage' && seeConsents && <Consents flagId={f.id} manage={manage} version={version} />}
              {manage && form !== f.id && (
                <button type="button" className="link" onClick={() => setForm(f.id)} data-testid="flag-release-open">
                  {t('flagRelease')}
                </button>
              )}
              {form === f.id && <ReleaseFlagForm flagId={f.id} onDone={done} onCancel={() => setForm(null)} />}
            </li>
          ))}
        </ul>
      )}
      {manage && form !== 'new' && (
        <button type="button" onClick={() => setForm('new')} data-testid="flag-new-open">
          {t('flagRecord')}
        </button>
      )}
      {form === 'new' && <NewFlagForm blockId={blockId} authority={authority} onDone={done} onCancel={() => setForm(null)} />}
    </>
  );
}
