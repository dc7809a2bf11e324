/**
 * A block's annual exploration investment (年度勘查投入, issue 14 items 3 and 7) as a card in the details panel, beside
 * the payments card: each year's figure against its minimum (273号令 第十六条 tiers, or the contract's standard) with the
 * shortfall ratio, the current term's running shortfall the extension assessment uses, and every filing. Read from
 * GET /api/blocks/{id}/investment (its holder, overseeing regulators, admins).
 */
import { useEffect, useState } from 'react';
import { blockInvestment, type BlockInvestment } from '../api/applications';
import { formatCny, formatDate, formatDateTime, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { ErrorBox, Steps, TextList } from './common';

export function InvestmentCard({ blockId, version = 0 }: { blockId: string; version?: number }) {
  const { t, lang } = useI18n();
  const [s, setS] = useState<{ ok: BlockInvestment } | { error: unknown } | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    setS(null);
    blockInvestment(blockId, ac.signal).then(
      (ok) => !ac.signal.aborted && setS({ ok }),
      (error) => !ac.signal.aborted && setS({ error }),
    );
    return () => ac.abort();
  }, [blockId, version]);
  const cny = (v: number | null) => <span className="nowrap">{formatCny(v, lang)}</span>;
  const inv = s && 'ok' in s ? s.ok : null;
  return (
    <section className="detail-section" data-testid="details-investment">
      <h3>{t('invTitle')}</h3>
      {!s && <p className="muted">{t('loading')}</p>}
      {s && 'error' in s && <ErrorBox error={s.error} />}
      {inv && !inv.applies && <p className="muted">{t('invNotApplies')}</p>}
      {inv && inv.applies && (
        <>
          {inv.term && (
            <p className="small">
              {t('invTerm', { from: formatDate(inv.term.valid_from, lang), to: formatDate(inv.term.valid_to, lang) })}
            </p>
          )}
          {inv.term && (
            <dl className="props" data-testid="investment-term">
              <div>
                <dt>{t('invRequired')}</dt>
                <dd>{cny(inv.term.required_cny)}</dd>
              </div>
              <div>
                <dt>{t('invActual')}</dt>
                <dd>{cny(inv.term.actual_cny)}</dd>
              </div>
              <div>
                <dt>{t('invUnfinished')}</dt>
                <dd className={inv.term.unfinished_ratio > 0 ? 'warn' : undefined} data-testid="investment-unfinished">
                  {formatPercent(inv.term.unfinished_ratio)}
                </dd>
              </div>
            </dl>
          )}
          {inv.years.length === 0 ? (
            <p className="muted">{t('invNone')}</p>
          ) : (
            <div className="table-wrap">
              <table className="any money" data-testid="investment-years">
                <thead>
                  <tr>
                    <th>{t('invYear')}</th>
                    <th className="num">{t('invReported')}</th>
                    <th className="num">{t('invMinimum')}</th>
                    <th className="num">{t('invShortfall')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inv.years.map((y) => (
                    <tr
                      key={y.year}
                      data-year={y.year}
                      data-meets={String(y.meets_minimum)}
                      className={y.meets_minimum === false ? 'warn' : undefined}
                    >
                      <td>
                        {y.year}
                        {y.source && (
                          <div className="muted small">{y.source === 'report' ? t('invSourceReport') : t('invSourceRegister')}</div>
                        )}
                      </td>
                      <td className="num">{y.amount_cny === null ? t('invNotReported') : cny(y.amount_cny)}</td>
                      <td className="num">{cny(y.minimum_cny)}</td>
                      <td className="num">
                        {formatPercent(y.shortfall_ratio)}
                        {y.meets_minimum !== null && <div className="small">{y.meets_minimum ? t('invMet') : t('invNotMet')}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {inv.years
            .filter((y) => y.steps.length)
            .slice(0, 3)
            .map((y) => (
              <details key={y.year}>
                <summary>
                  {t('paymentsSteps')} · {y.year} · {t('invDeadline')} {formatDate(y.deadline, lang)}
                </summary>
                <Steps steps={y.steps} />
              </details>
            ))}
          {inv.reports.length > 0 && (
            <details data-testid="investment-reports">
              <summary>
                {t('invReports')} ({inv.reports.length})
              </summary>
              <table className="any money">
                <thead>
                  <tr>
                    <th>{t('invYear')}</th>
                    <th>{t('invRevision')}</th>
                    <th className="num">{t('invReported')}</th>
                    <th>{t('invFiledAt')}</th>
                    <th>{t('appsDocumentNo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inv.reports.map((r) => (
                    <tr key={r.id}>
                      <td>{r.year}</td>
                      <td>{r.revision}</td>
                      <td className="num">{cny(r.amount_cny)}</td>
                      <td>{formatDateTime(r.submitted_at)}</td>
                      <td className="mono">{r.document_no ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      {inv && <TextList items={inv.notes} className="muted" testid="investment-notes" />}
    </section>
  );
}
