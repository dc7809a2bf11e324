/**
 * An extension assessment as a card, the same in the details panel (the register's verdict) and in the
 * extension tab (the stored block with the user's overrides, or a hand-entered calculation): the verdict
 * banner first with its reasons in the page's language, then the figures, every input with where it came
 * from, investment, fees and deadlines in 元/万元 and dates, and the steps as a readable list (what, arithmetic,
 * rule and article); the derivation of the inputs and the readings collapsed underneath.
 */
import type { ReactNode } from 'react';
import {
  ASSESSMENT_INPUT_SOURCES,
  ASSESSMENT_INPUTS,
  CONFIDENTIAL_ASSESSMENT_INPUTS,
  CONTRACT_ACQUISITION_METHODS,
  DEADLINE_KINDS,
  DECISIONS,
  REGIMES,
} from '../../../server/vocab';
import type { InputSource, StoredAssessment } from '../api/contract';
import { formatCny, formatDate, formatKm2, formatPercent } from '../format';
import { useI18n } from '../i18n';
import type { Messages } from '../i18n/zh';
import { Said, Steps, TextList } from './common';

/** What the card shows: a stored block's assessment, or only an assessment (a hand-entered calculation). */
export type BlockAssessment = Partial<Omit<StoredAssessment, 'assessment'>> & { assessment: StoredAssessment['assessment'] };
type Deadline = NonNullable<NonNullable<StoredAssessment['deadlines']>['expiry']>;

function Props({ rows, testid }: { rows: [keyof Messages, ReactNode][]; testid?: string }) {
  const { t } = useI18n();
  return (
    <dl className="props" data-testid={testid}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An amount of money kept on one line. */
function Money({ v }: { v: number }) {
  const { lang } = useI18n();
  return <span className="nowrap">{formatCny(v, lang)}</span>;
}

const DEADLINE_FIELDS = [
  ['expiry', 'expiry'],
  ['extension_application_deadline', 'extension_application'],
  ['proven_to_mining_deadline', 'proven_to_mining'],
  ['report_then_produce_mining_deadline', 'report_then_produce_mining'],
] as const;

const KM2 = new Set(['licensed_area_km2', 'first_registration_area_km2', 'proven_reserve_area_km2']);
const RATIO = new Set(['unfinished_ratio', 'committed_completion_ratio', 'contract_reduction_ratio', 'contract_refusal_completion_below']);
const DATE = new Set(['valid_to', 'application_date', 'proven_reserves_submitted_date']);
/** An input's value as the page writes it. */
export function useInputValue() {
  const { t, lang, term } = useI18n();
  return (name: InputSource['name'], v: InputSource['value']): string => {
    if (v === null) return t('inputNone');
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (name === 'regime') return term(REGIMES, String(v));
    if (name === 'acquisition_method') return term(CONTRACT_ACQUISITION_METHODS, String(v));
    if (KM2.has(name)) return formatKm2(Number(v));
    if (RATIO.has(name)) return formatPercent(Number(v));
    if (DATE.has(name)) return formatDate(String(v), lang);
    return String(v);
  };
}

/**
 * `confidential`: whether the viewer may see the investment ledger and offsets (the owning holder, regulators,
 * admins); otherwise those parts are left out even if the server sent them. `inputAction` adds a control to each
 * input row (the extension tab's override buttons).
 */
export function AssessmentCard({
  value,
  confidential = true,
  inputAction,
  testid = 'assessment-card',
}: {
  value: BlockAssessment;
  confidential?: boolean;
  inputAction?: (s: InputSource) => ReactNode;
  testid?: string;
}) {
  const { t, lang, term } = useI18n();
  const show = useInputValue();
  const a = value.assessment;
  const inv = confidential ? value.investment : undefined;
  const offsets = confidential ? value.offsets : undefined;
  const fees = value.fees;
  const dl = value.deadlines;
  const warnings = [...(value.warnings ?? []), ...(a?.warnings ?? []), ...(dl?.warnings ?? [])];
  const readings = [...(a?.readings ?? []), ...(inv?.readings ?? []), ...(dl?.readings ?? [])];
  const withheld = !!value.withheld && !a;
  const mining = value.block?.kind === 'mining';
  // an exploration right the register cannot assess (no dates): say what is missing instead of a verdict
  const incomplete = !a && !withheld && !mining && !!value.block;
  const verdict = a ? a.decision : incomplete ? 'incomplete' : null;
  const headline = verdict
    ? term(DECISIONS, verdict)
    : withheld
      ? t('assessmentWithheld')
      : mining
        ? t('assessmentMiningOnly')
        : t('assessmentNone');
  const tone = verdict === 'refuse' ? 'warn' : verdict === 'extend' ? 'ok' : 'notice';
  const regime = (value.inputs?.regime as string | undefined) ?? a?.regime;
  const credit = a?.decision === 'extend' ? value.offset_credit : null;

  const numbers: [keyof Messages, ReactNode][] = [];
  if (regime) numbers.push(['regime', term(REGIMES, regime)]);
  if (a) {
    numbers.push(['baseKm2', formatKm2(a.base_km2)]);
    if (a.decision === 'extend') {
      numbers.push(['reductionRatio', formatPercent(a.reduction_ratio)]);
      numbers.push([
        'reductionKm2',
        <b key="r" data-testid="assessment-reduction">
          {formatKm2(a.reduction_km2)}
        </b>,
      ]);
      numbers.push(['remainingKm2', formatKm2(a.remaining_km2)]);
      if (a.new_valid_from && a.new_valid_to)
        numbers.push(['newTerm', `${formatDate(a.new_valid_from, lang)} – ${formatDate(a.new_valid_to, lang)}`]);
    }
  }

  // a viewer the page knows may not see the ledger sees its inputs as withheld even if they were sent
  const sources = (value.input_sources ?? []).map((s) =>
    confidential || s.source === 'override' || !CONFIDENTIAL_ASSESSMENT_INPUTS.has(s.name)
      ? s
      : { ...s, value: null, source: 'withheld' as const },
  );

  const deadline = (d: Deadline) => (
    <span className={d.passed ? 'warn' : d.days_left < 90 ? 'notice-text' : ''}>
      {formatDate(d.date, lang)} · {d.passed ? t('expiredDaysAgo', { n: -d.days_left }) : t('daysLeft', { n: d.days_left })}
      <span className="muted small"> · {d.rule}</span>
    </span>
  );

  return (
    <div className="assessment" data-testid={testid}>
      <div className={`banner ${tone}`} role="status" data-testid="assessment-banner">
        <div>
          <span className="muted small">{t('decision')}</span> <b data-testid="assessment-decision">{headline}</b>
          {a?.decision === 'extend' && (
            <span data-testid="assessment-summary">
              {' '}
              · {t('verdictReduce', { km2: formatKm2(a.reduction_km2), pct: formatPercent(a.reduction_ratio) })}
            </span>
          )}
        </div>
        {value.override_notice && (
          <p className="override-note" data-testid="assessment-override">
            <Said x={value.override_notice} />
          </p>
        )}
        {!!a?.refusal_reasons?.length && (
          <>
            <p className="small banner-sub">{t('refusalReasons')}</p>
            <TextList items={a.refusal_reasons} testid="refusal-reasons" className="reasons" />
          </>
        )}
        {credit && credit.credit_km2 > 0 && (
          <p className="small" data-testid="assessment-credit">
            {t('offsetCredit', { credit: formatKm2(credit.credit_km2), due: formatKm2(credit.due_reduction_km2) })}
          </p>
        )}
        {incomplete && <TextList items={value.warnings} testid="incomplete-reasons" className="reasons" />}
        {withheld && (
          <p className="small" data-testid="assessment-withheld">
            <Said x={value.withheld} />
          </p>
        )}
      </div>
      {value.regime_reason && (
        <p className="small muted" data-testid="regime-reason">
          {t('regimeReason')}: <Said x={value.regime_reason} />
        </p>
      )}
      {numbers.length > 0 && <Props rows={numbers} testid="assessment-numbers" />}
      {warnings.length > 0 && !incomplete && (
        <details className="notice small" data-testid="assessment-warnings-box">
          <summary>
            {t('warnings')} ({warnings.length})
          </summary>
          <TextList items={warnings} testid="assessment-warnings" />
        </details>
      )}
      {a && a.steps.length > 0 && (
        <>
          <h4>{t('assessmentSteps')}</h4>
          <Steps steps={a.steps} testid="assessment-steps-list" />
        </>
      )}
      {sources.length > 0 && (
        <>
          <h4>{t('inputsTitle')}</h4>
          <div className="table-wrap">
            <table className="any inputs" data-testid="assessment-inputs">
              <thead>
                <tr>
                  <th>{t('inputName')}</th>
                  <th>{t('inputValue')}</th>
                  <th>{t('inputSource')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.name} data-testid={`input-${s.name}`} data-source={s.source} className={`src-${s.source}`}>
                    <th scope="row">{term(ASSESSMENT_INPUTS, s.name)}</th>
                    <td>
                      <span data-testid="input-value">{s.source === 'withheld' ? '—' : show(s.name, s.value)}</span>
                      {s.source === 'override' && (
                        <div className="muted small">{t('inputRegisterWas', { v: show(s.name, s.register_value) })}</div>
                      )}
                    </td>
                    <td>
                      <span className={`src src-${s.source}`} data-testid="input-source">
                        {term(ASSESSMENT_INPUT_SOURCES, s.source)}
                      </span>
                      {inputAction && <div className="input-action">{inputAction(s)}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {inv && (
        <>
          <h4 data-testid="assessment-investment">{t('investmentTitle')}</h4>
          <Props
            rows={[
              ['investmentRequired', <Money key="r" v={inv.total_cny} />],
              ['investmentActual', <Money key="a" v={inv.actual_cny} />],
              ['inUnfinished', formatPercent(inv.unfinished_ratio)],
            ]}
          />
          {inv.rows.length > 0 && (
            <div className="table-wrap">
              <table className="any money">
                <thead>
                  <tr>
                    <th>{t('investmentYear')}</th>
                    <th>{t('investmentPeriod')}</th>
                    <th className="num">{t('investmentAmount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inv.rows.map((r) => (
                    <tr key={r.exploration_year}>
                      <td>{r.exploration_year}</td>
                      <td>
                        {formatDate(r.start, lang)} – {formatDate(r.end, lang)}
                      </td>
                      <td className="num">{formatCny(r.amount_cny, lang)}</td>
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
              ['feesThisYear', <Money key="y" v={fees.usage_fee_cny} />],
              ['feesToDate', <Money key="d" v={fees.total_to_date_cny} />],
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
      {!confidential && !value.withheld && (
        <p className="muted small" data-testid="confidential-hidden">
          {t('confidentialHidden')}
        </p>
      )}
      {!!offsets?.length && (
        <>
          <h4 data-testid="assessment-offsets">{t('offsetsTitle')}</h4>
          <ul className="small">
            {offsets.map((o) => (
              <li key={o.id}>
                {t('offsetFrom')} {o.from_block} → {t('offsetTo')} {o.to_block} · {formatKm2(Number(o.area_km2))} ·{' '}
                {formatDate(o.date, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {(!!value.derived_steps?.length || !!credit?.steps.length) && (
        <details className="small" data-testid="assessment-steps">
          <summary>{t('derivedSteps')}</summary>
          <Steps steps={[...(value.derived_steps ?? []), ...(credit?.steps ?? [])]} />
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
