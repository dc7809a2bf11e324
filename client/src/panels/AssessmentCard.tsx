/**
 * The register assessment of a block (GET /api/blocks/{id}/assessment) as a card: the decision first,
 * then the numbers, the inputs taken from the register, investment, fees, deadlines and offsets; the
 * audit trail (steps and readings) collapsed underneath. Every code is named through server/vocab and
 * every server sentence shown in the page's language.
 */
import type { ReactNode } from 'react';
import type { StoredBlockAssessment } from '../../../server/lifecycle/stored-block';
import type { Deadline } from '../../../server/rules/deadlines';
import { CONTRACT_ACQUISITION_METHODS, DEADLINE_KINDS, DECISIONS, REGIMES } from '../../../server/vocab';
import type { ExtensionStep } from '../api/contract';
import { formatCny, formatKm2, formatPercent } from '../format';
import { useI18n } from '../i18n';
import type { Messages } from '../i18n/zh';
import { Said, Steps, TextList } from './common';

export type BlockAssessment = StoredBlockAssessment & {
  offsets?: { id: string; from_block: string; to_block: string; area_km2: number; date?: string; offset_date?: string }[];
};

function Props({ rows }: { rows: [keyof Messages, ReactNode][] }) {
  const { t } = useI18n();
  return (
    <dl className="props">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const DEADLINE_FIELDS = [
  ['expiry', 'expiry'],
  ['extension_application_deadline', 'extension_application'],
  ['proven_to_mining_deadline', 'proven_to_mining'],
  ['report_then_produce_mining_deadline', 'report_then_produce_mining'],
] as const;

export function AssessmentCard({ value }: { value: BlockAssessment }) {
  const { t, lang, term } = useI18n();
  const a = value.assessment;
  const inv = value.investment;
  const fees = value.fees;
  const dl = value.deadlines;
  const warnings = [...(value.warnings ?? []), ...(a?.warnings ?? []), ...(dl?.warnings ?? [])];
  const readings = [...(a?.readings ?? []), ...(inv?.readings ?? []), ...(dl?.readings ?? [])];
  const headline = a ? term(DECISIONS, a.decision) : dl ? t('assessmentMiningOnly') : t('assessmentNone');
  const inputs = value.inputs ?? {};

  const numbers: [keyof Messages, ReactNode][] = [];
  if (value.inputs?.regime) numbers.push(['regime', term(REGIMES, value.inputs.regime)]);
  if (a) {
    numbers.push(['reductionRatio', formatPercent(a.reduction_ratio)]);
    numbers.push([
      'reductionKm2',
      <b key="r" data-testid="assessment-reduction">
        {formatKm2(a.reduction_km2)}
      </b>,
    ]);
    numbers.push(['remainingKm2', formatKm2(a.remaining_km2)]);
    numbers.push(['baseKm2', formatKm2(a.base_km2)]);
    if (a.new_valid_from && a.new_valid_to) numbers.push(['newTerm', `${a.new_valid_from} – ${a.new_valid_to}`]);
  }

  const inputRows: [keyof Messages, ReactNode][] = [];
  const km2 = (k: keyof Messages, v: number | undefined) => v !== undefined && inputRows.push([k, formatKm2(v)]);
  km2('inLicensedArea', inputs.licensed_area_km2);
  km2('inFirstRegArea', inputs.first_registration_area_km2);
  km2('inProvenArea', inputs.proven_reserve_area_km2);
  if (inputs.unfinished_ratio !== undefined) inputRows.push(['inUnfinished', formatPercent(inputs.unfinished_ratio)]);
  if (inputs.acquisition_method) inputRows.push(['inAcquisition', term(CONTRACT_ACQUISITION_METHODS, inputs.acquisition_method)]);
  if (inputs.extensions_used !== undefined) inputRows.push(['inExtensionsUsed', String(inputs.extensions_used)]);
  if (inputs.valid_to) inputRows.push(['inValidTo', inputs.valid_to]);
  if (inputs.proven_reserves_submitted_date) inputRows.push(['inProvenSubmitted', inputs.proven_reserves_submitted_date]);

  const deadline = (d: Deadline) => (
    <span className={d.passed ? 'warn' : d.days_left < 90 ? 'notice' : ''}>
      {d.date} · {d.passed ? t('expiredDaysAgo', { n: -d.days_left }) : t('daysLeft', { n: d.days_left })}{' '}
      <code className="small">{d.rule}</code>
    </span>
  );

  return (
    <div className="assessment" data-testid="assessment-card">
      <p className={`banner ${a?.decision === 'refuse' ? 'warn' : a ? 'ok' : 'notice'}`}>
        <span className="muted small">{t('decision')}</span> <b data-testid="assessment-decision">{headline}</b>
      </p>
      {value.regime_reason && (
        <p className="small muted" data-testid="regime-reason">
          {t('regimeReason')}: <Said x={value.regime_reason} />
        </p>
      )}
      {numbers.length > 0 && <Props rows={numbers} />}
      {!!a?.refusal_reasons?.length && (
        <div className="warn small">
          <b>{t('refusalReasons')}</b>
          <TextList items={a.refusal_reasons} testid="refusal-reasons" />
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice small">
          <b>{t('warnings')}</b>
          <TextList items={warnings} testid="assessment-warnings" />
        </div>
      )}
      {inputRows.length > 0 && (
        <>
          <h4>{t('inputsTitle')}</h4>
          <Props rows={inputRows} />
        </>
      )}
      {inv && (
        <>
          <h4>{t('investmentTitle')}</h4>
          <Props
            rows={[
              ['investmentRequired', formatCny(inv.total_cny, lang)],
              ['investmentActual', formatCny(inv.actual_cny, lang)],
              ['inUnfinished', formatPercent(inv.unfinished_ratio)],
            ]}
          />
          {inv.rows.length > 0 && (
            <div className="table-wrap">
              <table className="any">
                <thead>
                  <tr>
                    <th>{t('investmentYear')}</th>
                    <th>{t('investmentPeriod')}</th>
                    <th>{t('investmentAmount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inv.rows.map((r) => (
                    <tr key={r.exploration_year}>
                      <td>{r.exploration_year}</td>
                      <td>
                        {r.start} – {r.end}
                      </td>
                      <td>{formatCny(r.amount_cny, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {fees && (
        <>
          <h4>{t('feesTitle')}</h4>
          <Props
            rows={[
              ['feesYear', String(fees.exploration_year)],
              ['feesThisYear', formatCny(fees.usage_fee_cny, lang)],
              ['feesToDate', formatCny(fees.total_to_date_cny, lang)],
            ]}
          />
        </>
      )}
      {dl && (
        <>
          <h4>{t('deadlinesTitleFull')}</h4>
          <dl className="props" data-testid="assessment-deadlines">
            {DEADLINE_FIELDS.map(([field, kind]) => {
              const d = dl[field];
              return d ? (
                <div key={field}>
                  <dt>{term(DEADLINE_KINDS, kind)}</dt>
                  <dd>{deadline(d)}</dd>
                </div>
              ) : null;
            })}
            <div>
              <dt>{t('extensionsLeft')}</dt>
              <dd>{dl.extensions_left === null ? t('unlimited') : dl.extensions_left}</dd>
            </div>
          </dl>
        </>
      )}
      {!!value.offsets?.length && (
        <>
          <h4>{t('offsetsTitle')}</h4>
          <ul className="small">
            {value.offsets.map((o) => (
              <li key={o.id}>
                {t('offsetFrom')} {o.from_block} → {t('offsetTo')} {o.to_block} · {formatKm2(Number(o.area_km2))} ·{' '}
                {o.date ?? o.offset_date ?? ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {(value.derived_steps?.length > 0 || !!a?.steps.length) && (
        <details className="small" data-testid="assessment-steps">
          <summary>{t('steps')}</summary>
          <h4>{t('derivedSteps')}</h4>
          <Steps steps={value.derived_steps as ExtensionStep[]} />
          {a && <Steps steps={a.steps as ExtensionStep[]} />}
        </details>
      )}
      {readings.length > 0 && (
        <details className="small" data-testid="assessment-readings">
          <summary>{t('readings')}</summary>
          <TextList items={readings} />
        </details>
      )}
    </div>
  );
}
