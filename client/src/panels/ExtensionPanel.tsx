import { useEffect, useState, type FormEvent } from 'react';
import { relinquishmentPlans } from '../api/blocks';
import { assessExtension } from '../api/checks';
import { ApiError } from '../api/http';
import type { ExtensionResult, PlanCandidate, ServerText } from '../api/contract';
import { candidateLetter, formatKm2, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { DECISIONS, REGIMES, STRATEGIES } from '../../../server/vocab';
import { candidateColour } from '../map/colours';
import type { MapController } from '../map/controller';
import { ErrorBox, Progress, Steps, TextList, Unavailable } from './common';

export interface SelectedBlock {
  id: string;
  properties: Record<string, unknown>;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The extension assessment form and result, and the relinquishment planner's candidates on the map. */
export function ExtensionPanel({ ctl, block }: { ctl: MapController; block: SelectedBlock | null }) {
  const { t, lang, term } = useI18n();
  const [regime, setRegime] = useState<ExtensionResult['regime']>('shanxi-cbm-2020');
  const [licensed, setLicensed] = useState('');
  const [proven, setProven] = useState('0');
  const [unfinished, setUnfinished] = useState('0.2');
  const [firstReg, setFirstReg] = useState('');
  const [busy, setBusy] = useState<'assess' | 'plan' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ExtensionResult | null>(null);
  const [unavailable, setUnavailable] = useState<'assess' | 'plan' | null>(null);
  const [required, setRequired] = useState('');
  const [cands, setCands] = useState<PlanCandidate[] | null>(null);
  const [planWarnings, setPlanWarnings] = useState<ServerText[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);

  useEffect(() => {
    if (!block) return;
    const p = block.properties;
    if (typeof p.area_km2 === 'number') setLicensed(p.area_km2.toFixed(4));
    if (typeof p.first_registration_area_km2 === 'number') setFirstReg(String(p.first_registration_area_km2));
    setCands(null);
    setChosen(null);
    ctl.showCandidates(null);
  }, [block, ctl]);

  const assess = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('assess');
    setError(null);
    setUnavailable(null);
    try {
      const r = await assessExtension({
        regime,
        licensed_area_km2: Number(licensed),
        proven_reserve_area_km2: Number(proven || 0),
        unfinished_ratio: Number(unfinished),
        ...(num(firstReg) !== undefined ? { first_registration_area_km2: num(firstReg) } : {}),
      });
      setResult(r);
      if (r.reduction_km2 > 0) setRequired(r.reduction_km2.toFixed(4));
    } catch (err) {
      if (err instanceof ApiError && err.unavailable) setUnavailable('assess');
      else setError(err);
      setResult(null);
    } finally {
      setBusy(null);
    }
  };

  const plan = async () => {
    if (!block) return;
    setBusy('plan');
    setError(null);
    setUnavailable(null);
    try {
      const r = await relinquishmentPlans(block.id, num(required) !== undefined ? { required_km2: num(required) } : {});
      setCands(r.candidates);
      setPlanWarnings(r.warnings ?? []);
      setChosen(null);
      ctl.showCandidates(r.candidates);
      if (r.candidates.length) ctl.fitGeometry({ type: 'GeometryCollection', geometries: r.candidates.map((c) => c.geometry) }, 10.5);
    } catch (err) {
      if (err instanceof ApiError && err.unavailable) setUnavailable('plan');
      else setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="panel-body">
      <h2>{t('extTitle')}</h2>
      <p className="small" data-testid="ext-block">
        {t('extBlock')}: {block ? <b>{String(block.properties.name ?? block.id)}</b> : <span className="muted">{t('extNoBlock')}</span>}
      </p>
      <form onSubmit={assess} className="form-grid">
        <label className="wide">
          {t('regime')}
          <select value={regime} onChange={(e) => setRegime(e.target.value as ExtensionResult['regime'])}>
            {Object.entries(REGIMES).map(([r, v]) => (
              <option key={r} value={r}>
                {v[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('licensedArea')}
          <input
            type="number"
            required
            min={0}
            step="any"
            value={licensed}
            onChange={(e) => setLicensed(e.target.value)}
            data-testid="ext-licensed"
          />
        </label>
        <label>
          {t('provenArea')}
          <input
            type="number"
            required
            min={0}
            step="any"
            value={proven}
            onChange={(e) => setProven(e.target.value)}
            data-testid="ext-proven"
          />
        </label>
        <label>
          {t('unfinishedRatio')}
          <input
            type="number"
            required
            min={0}
            max={1}
            step="any"
            value={unfinished}
            onChange={(e) => setUnfinished(e.target.value)}
            data-testid="ext-unfinished"
          />
        </label>
        <label>
          {t('firstRegArea')}
          <input type="number" min={0} step="any" value={firstReg} onChange={(e) => setFirstReg(e.target.value)} />
        </label>
        <button type="submit" className="wide primary" data-testid="ext-assess">
          {t('assess')}
        </button>
      </form>
      {busy === 'assess' && <Progress value={null} text={t('loading')} />}
      {unavailable === 'assess' && <Unavailable />}
      <ErrorBox error={error} />
      {result && (
        <section className="result" data-testid="ext-result">
          <dl className="props">
            <div>
              <dt>{t('decision')}</dt>
              <dd>
                <b data-testid="ext-decision">{term(DECISIONS, result.decision)}</b>
              </dd>
            </div>
            <div>
              <dt>{t('regime')}</dt>
              <dd>{term(REGIMES, result.regime)}</dd>
            </div>
            <div>
              <dt>{t('reductionRatio')}</dt>
              <dd>{formatPercent(result.reduction_ratio)}</dd>
            </div>
            <div>
              <dt>{t('reductionKm2')}</dt>
              <dd data-testid="ext-reduction">{formatKm2(result.reduction_km2)}</dd>
            </div>
            <div>
              <dt>{t('remainingKm2')}</dt>
              <dd>{formatKm2(result.remaining_km2)}</dd>
            </div>
          </dl>
          {!!result.refusal_reasons?.length && (
            <div className="warn small">
              <b>{t('refusalReasons')}</b>
              <TextList items={result.refusal_reasons} />
            </div>
          )}
          {result.warnings?.length > 0 && (
            <div className="notice small">
              <b>{t('warnings')}</b>
              <TextList items={result.warnings} />
            </div>
          )}
          <h3>{t('steps')}</h3>
          <Steps steps={result.steps} />
          {!!result.readings?.length && (
            <details className="small">
              <summary>{t('readings')}</summary>
              <TextList items={result.readings} />
            </details>
          )}
        </section>
      )}

      <h2>{t('planTitle')}</h2>
      <div className="row">
        <label>
          {t('planRequired')}
          <input
            type="number"
            min={0}
            step="any"
            value={required}
            onChange={(e) => setRequired(e.target.value)}
            data-testid="plan-required"
          />
        </label>
      </div>
      <button type="button" disabled={!block || busy !== null} onClick={plan} data-testid="plan-run">
        {t('planRun')}
      </button>
      {!block && <p className="muted small">{t('planNeedsBlock')}</p>}
      {busy === 'plan' && <Progress value={null} text={t('loading')} />}
      {cands && planWarnings.length > 0 && (
        <div className="notice small" data-testid="plan-warnings">
          <b>{t('planWarnings')}</b>
          <TextList items={planWarnings} />
        </div>
      )}
      {unavailable === 'plan' && <Unavailable />}
      {cands && (
        <ul className="candidates" role="listbox" aria-label={t('planTitle')} data-testid="candidates">
          {cands.map((c, i) => (
            <li
              key={c.id ?? i}
              role="option"
              tabIndex={0}
              aria-selected={chosen === i}
              className={chosen === i ? 'active' : ''}
              onClick={() => {
                setChosen(i);
                ctl.selectCandidate(c, i);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  setChosen(i);
                  ctl.selectCandidate(c, i);
                }
              }}
            >
              <span className="letter" style={{ borderColor: candidateColour(i), color: candidateColour(i) }}>
                {candidateLetter(i)}
              </span>
              <div>
                <div>
                  <b>
                    {t('candidate')} {candidateLetter(i)}
                  </b>{' '}
                  · {t('strategy')}: <span data-testid="strategy">{term(STRATEGIES, c.strategy)}</span> · {formatKm2(c.area_km2)}
                </div>
                <div className="small" data-testid="candidate-retained">
                  {t('retained')}: {formatKm2(c.retained_area_km2)}
                </div>
                {c.touches && <Touches t={t} touches={c.touches} />}
                {!!c.reasons?.length && (
                  <div className="small muted">
                    {t('reasons')}: <TextList items={c.reasons} />
                  </div>
                )}
                {Array.isArray(c.corners) && (
                  <div className="small">
                    {t('corners')}: {c.corners.length}
                    {typeof c.straight_edges === 'number' ? ` · ${t('straightEdges')}: ${c.straight_edges}` : ''}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a candidate takes with it: reserves, wells, pipelines, protected areas. */
function Touches({ t, touches }: { t: ReturnType<typeof useI18n>['t']; touches: NonNullable<PlanCandidate['touches']> }) {
  const items: string[] = [];
  if (touches.protected_km2 !== undefined) items.push(`${t('touchProtected')} ${formatKm2(touches.protected_km2)}`);
  if (touches.reserves_km2 !== undefined) items.push(`${t('touchReserves')} ${formatKm2(touches.reserves_km2)}`);
  if (touches.producing_wells !== undefined) items.push(`${t('touchProducingWells')} ${touches.producing_wells}`);
  if (touches.wells !== undefined) items.push(`${t('touchWells')} ${touches.wells}`);
  if (touches.pipelines_km !== undefined) items.push(`${t('touchPipelines')} ${touches.pipelines_km.toFixed(3)} km`);
  return (
    <div className="small" data-testid="touches">
      {t('touches')}: {items.join(' · ')}
    </div>
  );
}
