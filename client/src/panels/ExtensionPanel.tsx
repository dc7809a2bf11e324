import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  applicationAnnexHref,
  blockAssessmentWithOverrides,
  blockReportUrl,
  relinquishmentPlans,
  retainingApplications,
} from '../api/blocks';
import { assessExtension } from '../api/checks';
import { ApiError } from '../api/http';
import type {
  ApplicationList,
  AssessmentOverrides,
  ExtensionResult,
  InputSource,
  PlanCandidate,
  ServerText,
  StoredAssessment,
} from '../api/contract';
import { candidateLetter, formatKm2 } from '../format';
import { useI18n } from '../i18n';
import { APPLICATION_KINDS, APPLICATION_STATES, CONTRACT_ACQUISITION_METHODS, REGIMES, STRATEGIES } from '../../../server/vocab';
import { candidateColour } from '../map/colours';
import type { MapController } from '../map/controller';
import { useAuth } from '../auth/AuthContext';
import { canSeeConfidential } from '../auth/permissions';
import { ErrorBox, Progress, TextList, Unavailable, VocabSelect } from './common';
import { AssessmentCard, useInputValue } from './AssessmentCard';
import { Downloads } from './Downloads';
import type { ApplicationDraft } from '../api/applications';

export interface SelectedBlock {
  id: string;
  properties: Record<string, unknown>;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/**
 * The extension tab. With a block chosen ("用于延续评估") it assesses the STORED block with everything the register
 * knows (POST /api/blocks/{id}/assessment): the verdict equals the register card's, each input says where it came
 * from, and the user may override inputs — each override marked, and the verdict marked as not the register's.
 * Without a block (or on request) a hand-entered calculation. Below: the relinquishment planner.
 */
export function ExtensionPanel({
  ctl,
  block,
  active = true,
  onPrepare,
}: {
  ctl: MapController;
  block: SelectedBlock | null;
  /** prepare an extension application of the block (with the chosen candidate's retained polygon) */
  onPrepare?: (d: ApplicationDraft) => void;
  /** the tab is shown: the stored block is assessed only then (picking a block elsewhere sends no request) */
  active?: boolean;
}) {
  const { t, term, lang } = useI18n();
  const { me } = useAuth();
  const [manual, setManual] = useState(false);
  const [overrides, setOverrides] = useState<AssessmentOverrides>({});
  const [stored, setStored] = useState<StoredAssessment | null>(null);
  const [busy, setBusy] = useState<'assess' | 'plan' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState<'assess' | 'plan' | null>(null);
  const [required, setRequired] = useState('');
  const [cands, setCands] = useState<PlanCandidate[] | null>(null);
  const [planWarnings, setPlanWarnings] = useState<ServerText[]>([]);
  /** the area the shown candidates were planned for (the export asks for the same) */
  const [planned, setPlanned] = useState<number | undefined>(undefined);
  const [chosen, setChosen] = useState<number | null>(null);
  /** the user typed a required area: the assessment no longer fills it in */
  const requiredTyped = useRef(false);
  const userKey = me ? `${me.id}:${me.role}` : 'public';
  const registerMode = !!block && !manual;
  /** the block's applications with a retained polygon the signed-in user may read: each has its own annex */
  const [retaining, setRetaining] = useState<ApplicationList['items']>([]);

  useEffect(() => {
    setRetaining([]);
    if (!block || !me || !active) return;
    const ac = new AbortController();
    retainingApplications(block.id, ac.signal).then(
      (items) => !ac.signal.aborted && setRetaining(items),
      () => undefined, // none the user may read, or applications unavailable: no annex links
    );
    return () => ac.abort();
  }, [block, userKey, active, me]);

  useEffect(() => {
    if (!block) return;
    setManual(false);
    setOverrides({});
    requiredTyped.current = false;
    setCands(null);
    setChosen(null);
    ctl.showCandidates(null);
  }, [block, ctl]);

  // the stored block assessed on the server, again whenever an override or the signed-in user changes
  useEffect(() => {
    if (!block || manual || !active) return;
    const ac = new AbortController();
    setBusy('assess');
    setError(null);
    setUnavailable(null);
    blockAssessmentWithOverrides(block.id, overrides, ac.signal).then(
      (r) => {
        if (ac.signal.aborted) return;
        setStored(r);
        setBusy(null);
        const a = r.assessment;
        const due = r.offset_credit ? r.offset_credit.due_reduction_km2 : a?.reduction_km2;
        if (!requiredTyped.current && a?.decision === 'extend' && due && due > 0) setRequired(due.toFixed(4));
      },
      (err) => {
        if (ac.signal.aborted) return;
        setBusy(null);
        setStored(null);
        if (err instanceof ApiError && err.unavailable) setUnavailable('assess');
        else setError(err);
      },
    );
    return () => ac.abort();
  }, [block, manual, overrides, userKey, active]);

  const plan = async () => {
    if (!block) return;
    setBusy('plan');
    setError(null);
    setUnavailable(null);
    try {
      const r = await relinquishmentPlans(block.id, num(required) !== undefined ? { required_km2: num(required) } : {});
      setCands(r.candidates);
      setPlanned(num(required));
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

  const overridden = Object.keys(overrides).length > 0;
  return (
    <div className="panel-body">
      <h2>{t('extTitle')}</h2>
      <p className="small" data-testid="ext-block">
        {t('extBlock')}: {block ? <b>{String(block.properties.name ?? block.id)}</b> : <span className="muted">{t('extNoBlock')}</span>}
      </p>
      {block && (
        <div className="row small">
          {registerMode ? (
            <button type="button" className="link" onClick={() => setManual(true)} data-testid="ext-manual">
              {t('extManual')}
            </button>
          ) : (
            <button type="button" className="link" onClick={() => setManual(false)} data-testid="ext-register">
              {t('extFromRegister')}
            </button>
          )}
          {registerMode && overridden && (
            <button type="button" className="link" onClick={() => setOverrides({})} data-testid="ext-clear-overrides">
              {t('extClearOverrides')}
            </button>
          )}
        </div>
      )}
      {registerMode && <p className="muted small">{t('extFromRegisterHint')}</p>}
      {!registerMode && <ManualForm onError={setError} onUnavailable={() => setUnavailable('assess')} />}
      {busy === 'assess' && <Progress value={null} text={t('loading')} />}
      {unavailable === 'assess' && <Unavailable />}
      <ErrorBox error={error} />
      {registerMode && stored && (
        <section className="result" data-testid="ext-result">
          <AssessmentCard
            value={stored}
            testid="ext-card"
            confidential={canSeeConfidential(me, block.properties)}
            inputAction={(s) => (
              <OverrideControl
                source={s}
                value={overrides[s.name]}
                onSet={(v) => setOverrides((o) => ({ ...o, [s.name]: v }))}
                onClear={() =>
                  setOverrides((o) => {
                    const next = { ...o };
                    delete next[s.name];
                    return next;
                  })
                }
              />
            )}
          />
          {onPrepare && (
            <p>
              <button
                type="button"
                onClick={() => {
                  const c = cands && chosen !== null ? cands[chosen] : null;
                  onPrepare({
                    kind: 'extension',
                    block_id: block.id,
                    geometry: c ? (c.retained as ApplicationDraft['geometry']) : undefined,
                    source: 'extension',
                    area_km2: c?.retained_area_km2,
                  });
                }}
                data-testid="ext-prepare-application"
              >
                {t('appsPrepareExtension')}
              </button>
            </p>
          )}
        </section>
      )}

      {block && retaining.length > 0 && (
        <section data-testid="annex-applicant">
          <h3>{t('annexApplicantTitle')}</h3>
          {retaining.map((a) => (
            <div key={a.id}>
              <p className="small">
                {t('annexApplicantItem', { id: a.id, kind: term(APPLICATION_KINDS, a.kind), state: term(APPLICATION_STATES, a.state) })}
              </p>
              <Downloads href={applicationAnnexHref(a.id)} formats={['pdf', 'csv', 'xlsx']} testid={`annex-app-${a.id}`} />
            </div>
          ))}
        </section>
      )}

      <h2>{t('planTitle')}</h2>
      <div className="row">
        <NumberField
          label={t('planRequired')}
          value={required}
          onChange={(v) => {
            requiredTyped.current = true;
            setRequired(v);
          }}
          testid="plan-required"
        />
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
      {cands && block && (
        <Downloads
          href={`/api/blocks/${encodeURIComponent(block.id)}/relinquishment-plans/export${planned !== undefined ? `?required_km2=${planned}` : ''}`}
          formats={['csv', 'xlsx', 'geojson', 'shp']}
          testid="plan-export"
        />
      )}
      {cands && block && cands.length > 0 && (
        <p className="downloads small">
          <a
            href={blockReportUrl(block.id, { lang, required_km2: planned, candidate: cands[chosen ?? 0].id })}
            download
            data-testid="plan-annex-pdf"
          >
            {t('reportAnnex', { c: cands[chosen ?? 0].id })}
          </a>
        </p>
      )}
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
                <div className="small" data-testid="counted">
                  {t('countedKm2')}: {formatKm2(c.counted_km2)}
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

type Editable = InputSource['name'];

/** The input to type a value in, by the input's kind; ratios as percentages. */
function kindOf(name: Editable): 'km2' | 'ratio' | 'count' | 'date' | 'bool' | 'regime' | 'acquisition' {
  if (name.endsWith('_km2')) return 'km2';
  if (name.endsWith('_ratio') || name === 'contract_refusal_completion_below') return 'ratio';
  if (name === 'extensions_used' || name === 'years_existing') return 'count';
  if (name === 'mining_registration_completed') return 'bool';
  if (name === 'regime') return 'regime';
  if (name === 'acquisition_method') return 'acquisition';
  return 'date';
}

/** One input's override: a button that opens an editor, or (when overridden) a button to take the register's value back. */
function OverrideControl({
  source,
  value,
  onSet,
  onClear,
}: {
  source: InputSource;
  value: unknown;
  onSet: (v: unknown) => void;
  onClear: () => void;
}) {
  const { t, lang } = useI18n();
  const show = useInputValue();
  const [open, setOpen] = useState(false);
  const kind = kindOf(source.name);
  const initial = (): string => {
    const v = source.value;
    if (v === null) return '';
    if (kind === 'ratio') return String(Math.round(Number(v) * 1e6) / 1e4);
    return String(v);
  };
  const [draft, setDraft] = useState(initial);
  const label = `${t('inputOverride')}: ${show(source.name, source.value)}`;
  if (value !== undefined)
    return (
      <button type="button" className="link small" onClick={onClear} data-testid="override-clear">
        {t('overrideUndo')}
      </button>
    );
  if (!open)
    return (
      <button
        type="button"
        className="link small"
        aria-label={label}
        onClick={() => {
          setDraft(initial());
          setOpen(true);
        }}
        data-testid="override-open"
      >
        {t('inputOverride')}
      </button>
    );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const s = draft.trim();
    let v: unknown;
    if (kind === 'km2' || kind === 'count') v = s === '' ? null : Number(s);
    else if (kind === 'ratio') v = s === '' ? null : Number(s) / 100;
    else if (kind === 'bool') v = s === 'true';
    else v = s === '' ? null : s;
    setOpen(false);
    onSet(v);
  };
  return (
    <form className="override-editor" onSubmit={apply} data-testid="override-editor">
      {kind === 'regime' || kind === 'acquisition' || kind === 'bool' ? (
        <select value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={label} data-testid="override-value">
          {kind === 'bool' ? (
            <>
              <option value="true">{t('yes')}</option>
              <option value="false">{t('no')}</option>
            </>
          ) : (
            <>
              {kind === 'acquisition' && <option value="">{t('inputNone')}</option>}
              {Object.entries(kind === 'regime' ? REGIMES : CONTRACT_ACQUISITION_METHODS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v[lang]}
                </option>
              ))}
            </>
          )}
        </select>
      ) : (
        <input
          type={kind === 'date' ? 'date' : 'number'}
          min={0}
          max={kind === 'ratio' ? 100 : undefined}
          step={kind === 'count' ? 1 : 'any'}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-label={label}
          data-testid="override-value"
        />
      )}
      {kind === 'ratio' && <span className="small"> %</span>}
      <button type="submit" className="small" data-testid="override-apply">
        {t('overrideApply')}
      </button>
      <button type="button" className="link small" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}

/** A labelled non-negative number of the hand-entered form (km², a percentage, a count). */
function NumberField(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  max?: number;
  step?: number | 'any';
  testid?: string;
}) {
  return (
    <label>
      {p.label}
      <input
        type="number"
        required={p.required}
        min={0}
        max={p.max}
        step={p.step ?? 'any'}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        data-testid={p.testid}
      />
    </label>
  );
}

/** A hand-entered calculation (no register): the rules on the figures typed in, shown on the same card. */
function ManualForm({ onError, onUnavailable }: { onError: (e: unknown) => void; onUnavailable: () => void }) {
  const { t } = useI18n();
  const [regime, setRegime] = useState<ExtensionResult['regime']>('shanxi-cbm-2020');
  const [licensed, setLicensed] = useState('');
  const [proven, setProven] = useState('0');
  const [unfinished, setUnfinished] = useState('20');
  const [firstReg, setFirstReg] = useState('');
  const [used, setUsed] = useState('');
  const [validTo, setValidTo] = useState('');
  const [provenDate, setProvenDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExtensionResult | null>(null);

  const assess = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    onError(null);
    try {
      const r = await assessExtension({
        regime,
        licensed_area_km2: Number(licensed),
        proven_reserve_area_km2: Number(proven || 0),
        unfinished_ratio: Number(unfinished) / 100,
        ...(num(firstReg) !== undefined ? { first_registration_area_km2: num(firstReg) } : {}),
        ...(num(used) !== undefined ? { extensions_used: num(used) } : {}),
        ...(validTo ? { valid_to: validTo } : {}),
        ...(provenDate ? { proven_reserves_submitted_date: provenDate } : {}),
      });
      setResult(r);
    } catch (err) {
      if (err instanceof ApiError && err.unavailable) onUnavailable();
      else onError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="notice small" data-testid="ext-manual-note">
        {t('extManualNote')}
      </p>
      <form onSubmit={assess} className="form-grid">
        <VocabSelect
          className="wide"
          caption={t('regime')}
          value={regime}
          vocab={REGIMES}
          all={false}
          onChange={(r) => setRegime(r as ExtensionResult['regime'])}
        />
        <NumberField label={t('licensedArea')} value={licensed} onChange={setLicensed} required testid="ext-licensed" />
        <NumberField label={t('provenArea')} value={proven} onChange={setProven} required testid="ext-proven" />
        <NumberField label={t('unfinishedRatio')} value={unfinished} onChange={setUnfinished} required max={100} testid="ext-unfinished" />
        <NumberField label={t('firstRegArea')} value={firstReg} onChange={setFirstReg} />
        <NumberField label={t('extensionsUsedField')} value={used} onChange={setUsed} step={1} testid="ext-used" />
        <label>
          {t('validToField')}
          <input type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
        </label>
        <label>
          {t('provenDateField')}
          <input type="date" value={provenDate} onChange={(e) => setProvenDate(e.target.value)} />
        </label>
        <button type="submit" className="wide primary" data-testid="ext-assess">
          {t('assess')}
        </button>
      </form>
      {busy && <Progress value={null} text={t('loading')} />}
      {result && (
        <section className="result" data-testid="ext-result">
          <AssessmentCard value={{ assessment: result, readings_applied: result.readings_applied }} testid="ext-card" />
        </section>
      )}
    </>
  );
}
