/**
 * The seizures (查封) and mortgages (抵押) on file on a right, not released: what the dashed outline on the map stands
 * for, with its document, authority and term, and what it restrains (a seizure: no transfer, reduction or
 * cancellation; a mortgage: a transfer needs the mortgagee's consent — server/features/write.ts).
 */
import type { RightFlagList } from '../api/contract';
import { useI18n } from '../i18n';
import { RIGHT_FLAG_KINDS } from '../../../server/vocab';
import { FLAG_COLOURS } from '../map/colours';

export function RegisterFlags({ flags }: { flags: RightFlagList['items'] }) {
  const { t, term } = useI18n();
  if (!flags.length) return <p className="muted small">{t('noRegisterFlags')}</p>;
  return (
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
        </li>
      ))}
    </ul>
  );
}
