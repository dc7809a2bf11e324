/**
 * A block's payments (issue 14 item 4) as a card in the details panel: what it owes (出让收益 instalments, usage fees),
 * what was paid, what is overdue and the late fee on it as at today, with the totals first and each obligation's
 * arithmetic folded underneath. Read from GET /api/blocks/{id}/payments (its holder, overseeing regulators, admins).
 */
import { useEffect, useState } from 'react';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES } from '../../../server/vocab';
import { blockPayments, type PaymentStatement } from '../api/payments';
import { formatCny, formatDate } from '../format';
import { useI18n } from '../i18n';
import { ErrorBox, Steps, TextList } from './common';

type Money = PaymentStatement['totals']['amount'];

export function PaymentsCard({ blockId, version = 0 }: { blockId: string; version?: number }) {
  const { t, lang, term } = useI18n();
  const [s, setS] = useState<{ ok: PaymentStatement } | { error: unknown } | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    setS(null);
    blockPayments(blockId, ac.signal).then(
      (ok) => !ac.signal.aborted && setS({ ok }),
      (error) => !ac.signal.aborted && setS({ error }),
    );
    return () => ac.abort();
  }, [blockId, version]);
  const cny = (m: Money) => <span className="nowrap">{formatCny(Number(m.yuan), lang)}</span>;
  return (
    <section className="detail-section" data-testid="details-payments">
      <h3>{t('paymentsTitle')}</h3>
      {!s && <p className="muted">{t('loading')}</p>}
      {s && 'error' in s && <ErrorBox error={s.error} />}
      {s && 'ok' in s && (
        <>
          {s.ok.obligations.length === 0 ? (
            <p className="muted">{t('paymentsNone')}</p>
          ) : (
            <>
              <dl className="props" data-testid="payments-totals">
                <div>
                  <dt>{t('paymentsAsAt')}</dt>
                  <dd>{formatDate(s.ok.on, lang)}</dd>
                </div>
                <div>
                  <dt>{t('paymentsOverdueTotal')}</dt>
                  <dd className={s.ok.totals.overdue.fen > 0 ? 'warn' : undefined}>{cny(s.ok.totals.overdue)}</dd>
                </div>
                <div>
                  <dt>{t('paymentsLateFee')}</dt>
                  <dd>{cny(s.ok.totals.late_fee_outstanding)}</dd>
                </div>
                <div>
                  <dt>{t('paymentsBalance')}</dt>
                  <dd>{cny(s.ok.totals.balance)}</dd>
                </div>
              </dl>
              <table className="any money" data-testid="payments-table">
                <thead>
                  <tr>
                    <th>{t('paymentsKind')}</th>
                    <th>{t('paymentsDueDate')}</th>
                    <th className="num">{t('paymentsAmount')}</th>
                    <th className="num">{t('paymentsOutstanding')}</th>
                    <th className="num">{t('paymentsLateFee')}</th>
                    <th>{t('paymentsStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.ok.obligations.map((o) => (
                    <tr key={o.id} data-status={o.status} className={o.status === 'overdue' ? 'warn' : undefined}>
                      <td title={o.citation}>{term(OBLIGATION_KINDS, o.kind)}</td>
                      <td>{formatDate(o.due_date, lang)}</td>
                      <td className="num">{cny(o.amount)}</td>
                      <td className="num">{cny(o.outstanding)}</td>
                      <td className="num">{cny(o.late_fee.outstanding)}</td>
                      <td>{term(OBLIGATION_STATUSES, o.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {s.ok.obligations
                .filter((o) => o.late_fee.steps.length)
                .map((o) => (
                  <details key={o.id}>
                    <summary>
                      {t('paymentsSteps')} · {term(OBLIGATION_KINDS, o.kind)} · {formatDate(o.due_date, lang)}
                    </summary>
                    <Steps steps={o.late_fee.steps} />
                    <TextList items={o.late_fee.readings} className="muted" />
                  </details>
                ))}
            </>
          )}
          <TextList items={[...s.ok.warnings, ...s.ok.notes]} className="muted" testid="payments-notes" />
        </>
      )}
    </section>
  );
}
