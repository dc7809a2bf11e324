/**
 * The frozen snapshot of an application beside the live reading (issue 14 item 7): the check frozen at submission is
 * run again through the public API on today's register (POST /api/checks, the same geometry, application, applicant,
 * mineral and block), and for an extension the block's register assessment is read again (GET
 * /api/blocks/{id}/assessment). What changed is marked in words and by row (ApplicationsCompare.ts).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { APPLICATIONS, CHECK_VERDICTS, COLLECTIONS, DECISIONS, REGIMES, SUMMARY_KEYS, outcomeLabel } from '../../../server/vocab';
import type { ApplicationSnapshot } from '../api/applications';
import { blockAssessment } from '../api/blocks';
import { checkGeometry } from '../api/checks';
import type { CheckResult, StoredAssessment } from '../api/contract';
import { formatDate, formatKm2 } from '../format';
import { useI18n } from '../i18n';
import type { Messages } from '../i18n/zh';
import { compareAssessments, compareChecks, NOT_AREAL, type AreaRow, type AssessmentRow, type FindingRow } from './ApplicationsCompare';
import { ErrorBox } from './common';

type Live = { check: CheckResult | null; assessment: StoredAssessment | null };

const CHANGE_KEY: Record<FindingRow['change'], keyof Messages> = {
  added: 'appsChangeAdded',
  removed: 'appsChangeRemoved',
  changed: 'appsChangeChanged',
  same: 'appsChangeSame',
};
const AREA_KEY: Record<string, keyof Messages> = { input: 'appsAreaInput', deductible: 'appsAreaDeductible', net: 'appsAreaNet' };
const ASSESSMENT_KEY: Record<AssessmentRow['key'], keyof Messages> = {
  decision: 'appsDecision',
  regime: 'regime',
  reduction_km2: 'appsReduction',
  remaining_km2: 'appsRemaining',
  new_valid_to: 'appsNewValidTo',
};

export function ApplicationsDiff({ snapshot }: { snapshot: ApplicationSnapshot }) {
  const { t, term, lang } = useI18n();
  const [live, setLive] = useState<{ ok: Live } | { error: unknown } | null>(null);
  const frozenCheck = snapshot.check;
  const frozenAssessment = snapshot.assessment;
  useEffect(() => {
    const ac = new AbortController();
    setLive(null);
    const inputs = frozenCheck?.inputs;
    const check = inputs
      ? checkGeometry(inputs.geometry, {
          application: inputs.subject.application,
          applicant: inputs.subject.applicant ?? '',
          mineral: inputs.subject.mineral,
          ...(inputs.block_id ? { block_id: inputs.block_id } : {}),
        })
      : Promise.resolve(null);
    const assessment =
      frozenAssessment && snapshot.block
        ? (blockAssessment(snapshot.block.id, ac.signal) as Promise<StoredAssessment>)
        : Promise.resolve(null);
    Promise.all([check, assessment]).then(
      ([c, a]) => !ac.signal.aborted && setLive({ ok: { check: c, assessment: a } }),
      (error) => !ac.signal.aborted && setLive({ error }),
    );
    return () => ac.abort();
    // a snapshot never changes once taken: its application and time name it (a step re-reads the application, not the register)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot.application_id, snapshot.taken_at]);

  if (!frozenCheck && !frozenAssessment) return <p className="muted small">{t('appsNoCheck')}</p>;
  return (
    <section className="detail-section apps-diff" data-testid="apps-diff" aria-labelledby="apps-diff-title">
      <h3 id="apps-diff-title">{t('appsCompare')}</h3>
      <p className="muted small">{t('appsCompareHelp')}</p>
      {frozenCheck && (
        <p className="small">{t('appsCheckedAs', { application: term(APPLICATIONS, frozenCheck.inputs.subject.application) })}</p>
      )}
      {!live && <p className="muted">{t('loading')}</p>}
      {live && 'error' in live && <ErrorBox error={live.error} />}
      {live && 'ok' in live && frozenCheck && live.ok.check && <CheckDiff frozen={frozenCheck} live={live.ok.check} />}
      {live && 'ok' in live && frozenAssessment && (
        <>
          <h4>{t('appsAssessment')}</h4>
          <DiffTable testid="apps-diff-assessment">
            {compareAssessments(frozenAssessment.assessment, live.ok.assessment?.assessment ?? null).map((r) => {
              const show = (v: string | number | null) =>
                v === null
                  ? '—'
                  : r.key === 'decision'
                    ? term(DECISIONS, String(v))
                    : r.key === 'regime'
                      ? term(REGIMES, String(v))
                      : r.key === 'new_valid_to'
                        ? formatDate(String(v), lang)
                        : formatKm2(Number(v));
              return (
                <DiffRow
                  key={r.key}
                  k={r.key}
                  name={t(ASSESSMENT_KEY[r.key])}
                  frozen={show(r.frozen)}
                  live={show(r.live)}
                  changed={r.changed}
                />
              );
            })}
          </DiffTable>
        </>
      )}
    </section>
  );
}
/** A label as a row heading: its first letter a capital (Chinese unchanged). */
const headingCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function CheckDiff({ frozen, live: l }: { frozen: NonNullable<ApplicationSnapshot['check']>; live: CheckResult }) {
  const { t, term, lang } = useI18n();
  const c = compareChecks(frozen, l);
  const verdictName = (code: string) => term(CHECK_VERDICTS, code);
  const km2 = (v: number | null) => formatKm2(v);
  /** a total's area; a layer's count and (polygons only) the area of its overlaps (may wrap after the count) */
  const reading = (a: AreaRow, side: 'frozen' | 'live'): ReactNode => {
    if (!a.count) return km2(a[side]);
    const n = a.count[side];
    if (n === null) return '—';
    if (!a.areal) return t('itemsN', { n });
    return (
      <>
        <span className="nowrap">{t('itemsN', { n })} ·</span> <span className="nowrap">{km2(a[side])}</span>
      </>
    );
  };
  const outcome = (f: FindingRow, side: 'frozen' | 'live') => {
    const x = f[side];
    if (!x) return '—';
    return NOT_AREAL.has(f.collection) ? outcomeLabel(x.outcome, lang) : `${outcomeLabel(x.outcome, lang)} · ${km2(x.area_km2)}`;
  };
  const changedFindings = c.findings.filter((f) => f.change !== 'same');
  const same = c.findings.filter((f) => f.change === 'same');
  const item = (f: FindingRow) => (
    <li key={f.key} data-change={f.change} className={f.change === 'same' ? undefined : `changed ${f.change}`}>
      <div>
        <b className="diff-mark">{t(CHANGE_KEY[f.change])}</b> · {term(COLLECTIONS, f.collection)} · {f.name ?? f.id}{' '}
        <span className="muted small mono">{f.id}</span>
      </div>
      <div className="small">
        {t('appsCompareFrozen')}: {outcome(f, 'frozen')} → {t('appsCompareLive')}: {outcome(f, 'live')}
      </div>
    </li>
  );
  /** a row's name starts with a capital in English (the vocabulary's labels are written to run inside a sentence) */
  const areaName = (k: string) =>
    headingCase(AREA_KEY[k] ? t(AREA_KEY[k]) : Object.hasOwn(COLLECTIONS, k) ? term(COLLECTIONS, k) : term(SUMMARY_KEYS, k));
  return (
    <>
      <DiffTable testid="apps-diff-check">
        <DiffRow
          k="verdict"
          name={t('appsVerdict')}
          frozen={
            <>
              {verdictName(c.verdict.frozen)}
              {c.frozenVerdictDerived && <div className="muted small">{t('appsVerdictDerived')}</div>}
            </>
          }
          live={verdictName(c.verdict.live)}
          changed={c.verdict.changed}
          testid="apps-diff-verdict"
        />
        <DiffRow
          k="regime"
          name={t('regime')}
          frozen={term(REGIMES, c.regime.frozen)}
          live={term(REGIMES, c.regime.live)}
          changed={c.regime.changed}
        />
        {c.areas.map((a) => (
          <DiffRow
            key={a.key}
            k={`area:${a.key}`}
            name={areaName(a.key)}
            frozen={reading(a, 'frozen')}
            live={reading(a, 'live')}
            changed={a.changed}
            num
          />
        ))}
      </DiffTable>
      <h4>
        {t('appsFindings')} <span className={c.changes ? 'warn' : 'muted'}>· {t('appsFindingsChanged', { n: c.changes })}</span>
      </h4>
      {changedFindings.length > 0 && (
        <ul className="diff-findings" data-testid="apps-diff-findings">
          {changedFindings.map(item)}
        </ul>
      )}
      {same.length > 0 && (
        <details>
          <summary>
            {t('appsChangeSame')} ({t('itemsN', { n: same.length })})
          </summary>
          <ul className="diff-findings" data-testid="apps-diff-same">
            {same.map(item)}
          </ul>
        </details>
      )}
    </>
  );
}

/** A table of readings at submission beside today's: item, then, now, and whether it changed. */
function DiffTable({ testid, children }: { testid: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="any diff" data-testid={testid}>
        <thead>
          <tr>
            <th>{t('appsCompareItem')}</th>
            <th>{t('appsCompareFrozen')}</th>
            <th>{t('appsCompareLive')}</th>
            <th>{t('appsCompareChange')}</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One row of a DiffTable; the change column says it in words, not by colour alone. */
function DiffRow(p: { k: string; name: string; frozen: ReactNode; live: ReactNode; changed: boolean; num?: boolean; testid?: string }) {
  const { t } = useI18n();
  const cell = p.num ? 'num' : undefined;
  return (
    <tr data-key={p.k} data-changed={p.changed} className={p.changed ? 'changed' : undefined}>
      <th scope="row">{p.name}</th>
      <td className={cell} data-testid={p.testid && `${p.testid}-frozen`}>
        {p.frozen}
      </td>
      <td className={cell} data-testid={p.testid && `${p.testid}-live`}>
        {p.live}
      </td>
      <td className={p.changed ? 'diff-mark changed' : 'diff-mark muted'}>{p.changed ? t('appsChanged') : t('appsUnchanged')}</td>
    </tr>
  );
}
