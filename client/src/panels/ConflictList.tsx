/**
 * A check's results as a regulator reads them: the verdict first, then the findings by severity (triage.ts), wells and
 * pipelines grouped and counted, and the outcome legend on the map. Shared by the check panel (a name focuses the
 * finding on the map) and the details panel (a name opens that feature).
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { CheckResult, Conflict } from '../api/contract';
import { formatKm2, formatPercent } from '../format';
import { useI18n, type Lang } from '../i18n';
import {
  CHECK_VERDICTS,
  COLLECTIONS,
  MINERALS,
  SEVERITIES,
  label,
  labelAny,
  labelField,
  outcomeLabel,
  outcomeSeverity,
} from '../../../server/vocab';
import { CHIP_TEXT, FOCUS_CASING, FOCUS_COLOUR, SEVERITY_COLOURS } from '../map/colours';
import type { MapController } from '../map/controller';
import { legendOf, topTallies, triage, type PointGroup, type Tally } from './triage';
import { onFileLines } from '../../../server/report/on-file';

const km = (v: number) => `${v.toFixed(3)} km`;
/** The map key of a conflict (the check overlay's feature id). */
export const conflictKey = (c: Conflict) => `${c.collection}:${c.id}`;

function Chip({ outcome, lang }: { outcome: string; lang: Lang }) {
  return (
    <span className="chip" style={{ background: SEVERITY_COLOURS[outcomeSeverity(outcome)], color: CHIP_TEXT }} data-testid="outcome">
      {outcomeLabel(outcome, lang)}
    </span>
  );
}

/** The overall verdict (server: summary.ts checkVerdict) with its reasons, worst first. */
export function VerdictBanner({ verdict }: { verdict: CheckResult['verdict'] }) {
  const { t, term, text, lang } = useI18n();
  return (
    <section
      className={`verdict verdict-${verdict.severity}`}
      style={{ ['--c' as string]: SEVERITY_COLOURS[verdict.severity] }}
      data-testid="verdict"
      data-verdict={verdict.code}
      aria-labelledby="verdict-title"
    >
      <p className="muted small" id="verdict-title">
        {t('verdictTitle')}
      </p>
      <p className="verdict-code" data-testid="verdict-code">
        {term(CHECK_VERDICTS, verdict.code)}
      </p>
      <p className="small">{text(verdict.message)}</p>
      {verdict.reasons.length > 0 && (
        <ul className="verdict-reasons small" data-testid="verdict-reasons">
          {verdict.reasons.map((r) => (
            <li key={`${r.verdict}:${r.outcome}:${r.count}`} data-outcome={r.outcome}>
              <Chip outcome={r.outcome} lang={lang} />{' '}
              {r.count === 0 ? (
                <span>
                  {t('verdictNotChecked')}
                  {r.message ? `: ${text(r.message)}` : ''}
                </span>
              ) : (
                <span>
                  {/* counts only: overlaps of one outcome may overlap each other (their union is in the summary) */}
                  {t('itemsN', { n: r.count })}
                  {r.length_km !== undefined && r.length_km > 0 && (
                    <>
                      {' '}
                      · {t('crossingLength')} {km(r.length_km)}
                    </>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('verdictNote')}</p>
    </section>
  );
}

/** `active`: the row's finding is focused on the map (check panel); undefined where a name opens the feature (details). */
function ConflictRow({ c, lang, onActivate, active }: { c: Conflict; lang: Lang; onActivate: () => void; active: boolean | undefined }) {
  const { t, text } = useI18n();
  const meta = [
    label(COLLECTIONS, c.collection, lang),
    c.category ? labelAny(c.category, lang) : null,
    c.zone ? labelAny(c.zone, lang) : null,
    c.status ? labelField(c.collection, 'status', c.status, lang) : null,
    c.mineral ? label(MINERALS, c.mineral, lang) : null,
    c.holder,
  ].filter(Boolean);
  const name = c.name ?? c.id;
  // the agreement or commitment a reading rests on and the flags on the right, worded as the check report words them
  const onFile = onFileLines(c, lang);
  return (
    <li
      className={`conflict${active ? ' focused' : ''}`}
      data-testid="conflict"
      data-outcome={c.outcome}
      data-collection={c.collection}
      data-id={c.id}
    >
      <div className="conflict-head">
        <button
          type="button"
          className="link"
          onClick={onActivate}
          aria-pressed={active}
          title={active === undefined ? t('openFeature', { name }) : undefined}
          data-testid="conflict-name"
        >
          <strong>{name}</strong>
        </button>
        <Chip outcome={c.outcome} lang={lang} />
      </div>
      <div className="muted small">{meta.join(' · ')}</div>
      {c.collection === 'pipelines' ? (
        <div className="small" data-testid="pipeline-length">
          {t('lengthInInput')} <b>{c.length_in_input_km !== undefined ? km(c.length_in_input_km) : '—'}</b>
          {c.length_km !== undefined && (
            <>
              {' '}
              · {t('crossingLength')} {km(c.length_km)}
            </>
          )}
        </div>
      ) : (
        c.collection !== 'wells' &&
        c.geometry?.type !== 'Point' && (
          <div className="small">
            {t('overlap')} <b>{formatKm2(c.overlap_area_km2)}</b> · {formatPercent(c.share_of_input)} {t('shareOfInput')}
            {c.share_of_feature !== null && (
              <>
                {' '}
                · {formatPercent(c.share_of_feature)} {t('shareOfFeature')}
              </>
            )}
          </div>
        )
      )}
      {onFile.length > 0 && (
        <ul className="on-file small" data-testid="on-file">
          {onFile.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {c.basis.length > 0 && (
        <details>
          <summary>{t('basis')}</summary>
          <ul className="basis">
            {c.basis.map((b, i) => (
              <li key={i}>
                <code>{b.rule}</code> {b.citation}
                {b.note && (
                  <div className="small" data-testid="basis-note">
                    {text(b.note)}
                  </div>
                )}
                {b.text && <div className="muted small">{b.text}</div>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** Findings as rows (the same id may stand twice: one row per overlap part); `active` as ConflictTriage's. */
function ConflictRows({
  items,
  lang,
  onActivate,
  active,
}: {
  items: Conflict[];
  lang: Lang;
  onActivate: (c: Conflict) => void;
  active: string | null | undefined;
}) {
  return items.map((c, i) => (
    <ConflictRow
      key={`${c.id}:${i}`}
      c={c}
      lang={lang}
      onActivate={() => onActivate(c)}
      active={active === undefined ? undefined : active === conflictKey(c)}
    />
  ));
}

const LIST_SEP = { zh: '、', en: ', ' } as const;

function Tallies({ title, tallies, name, unknown }: { title: string; tallies: Tally[]; name: (k: string) => string; unknown: string }) {
  const { t, lang } = useI18n();
  const { shown, rest } = topTallies(tallies, 6);
  return (
    <div className="small tallies">
      <span className="muted">
        {title}
        {lang === 'zh' ? '：' : ': '}
      </span>
      {shown.map((x, i) => (
        <span key={x.key ?? '∅'}>
          {i > 0 && LIST_SEP[lang]}
          {x.key === null ? unknown : name(x.key)} {x.n}
        </span>
      ))}
      {rest > 0 && (
        <span>
          {LIST_SEP[lang]}
          {t('othersN', { n: rest })}
        </span>
      )}
    </div>
  );
}

const FIRST = 25;

/** Wells or pipelines with one outcome: one row with counts by holder and status, the single rows on demand. */
function GroupRow({
  g,
  lang,
  onActivate,
  active,
}: {
  g: PointGroup;
  lang: Lang;
  onActivate: (c: Conflict) => void;
  active: string | null | undefined;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const wells = g.collection === 'wells';
  const rows = all ? g.items : g.items.slice(0, FIRST);
  return (
    <li className="conflict conflict-group-row" data-testid={`group-${g.collection}`} data-outcome={g.outcome} data-count={g.items.length}>
      <div className="conflict-head">
        <strong>
          {label(COLLECTIONS, g.collection, lang)} ·{' '}
          <span data-testid="group-count">{t(wells ? 'wellsN' : 'pipelinesN', { n: g.items.length })}</span>
        </strong>
        <Chip outcome={g.outcome} lang={lang} />
      </div>
      {!wells && (
        <div className="small" data-testid="group-length">
          {t('lengthInInput')} <b>{km(g.length_in_input_km)}</b> · {t('crossingLength')} {km(g.length_km)}
        </div>
      )}
      <Tallies title={t('byHolder')} tallies={g.byHolder} name={(k) => k} unknown={t('holderUnknown')} />
      <Tallies
        title={t('byStatus')}
        tallies={g.byStatus}
        name={(k) => labelField(g.collection, 'status', k, lang)}
        unknown={t('statusUnknown')}
      />
      {!wells && <p className="muted small">{t('pipelinesNote')}</p>}
      <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="group-toggle">
        {open ? t('hideList') : t('listEach')}
      </button>
      {open && (
        <>
          <ul className="conflicts">
            <ConflictRows items={rows} lang={lang} onActivate={onActivate} active={active} />
          </ul>
          {g.items.length > rows.length && (
            <button type="button" onClick={() => setAll(true)}>
              {t('showAll', { n: g.items.length })}
            </button>
          )}
        </>
      )}
    </li>
  );
}

/** The findings by severity, most serious first; `onActivate` is what a name does (focus on the map, or open it). */
export function ConflictTriage({
  conflicts,
  lang,
  onActivate,
  active,
}: {
  conflicts: Conflict[];
  lang: Lang;
  onActivate: (c: Conflict) => void;
  /** the focused finding's key (check panel: names focus the map); undefined where names open the feature */
  active?: string | null;
}) {
  const { term } = useI18n();
  return (
    <>
      {triage(conflicts).map((s) => (
        <div key={s.severity} className="conflict-group" data-testid={`severity-${s.severity}`}>
          <h4>
            <span className="swatch swatch-fill" style={{ ['--c' as string]: SEVERITY_COLOURS[s.severity] }} aria-hidden="true" />{' '}
            {term(SEVERITIES, s.severity)} ({s.count})
          </h4>
          <ul className="conflicts">
            <ConflictRows items={s.areal} lang={lang} onActivate={onActivate} active={active} />
            {s.groups.map((g) => (
              <GroupRow key={`${g.collection}:${g.outcome}`} g={g} lang={lang} onActivate={onActivate} active={active} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The outcome colours of the shown check, as a legend box on the map (a portal into a map corner). */
export function OutcomeLegend({ ctl, conflicts }: { ctl: MapController; conflicts: Conflict[] | null }) {
  const { t, term, lang } = useI18n();
  if (!conflicts) return null;
  const rows = legendOf(conflicts);
  return createPortal(
    <details className="outcome-legend" data-testid="outcome-legend" open>
      <summary className="small">
        <strong>{t('outcomeLegend')}</strong>
      </summary>
      <ul className="legend">
        <li>
          <span className="swatch swatch-dash" style={{ ['--c' as string]: '#111' }} aria-hidden="true" />
          {t('legendInput')}
        </li>
        {rows.map((r) => (
          <li key={r.severity} data-severity={r.severity}>
            <span className="swatch swatch-fill" style={{ ['--c' as string]: SEVERITY_COLOURS[r.severity] }} aria-hidden="true" />
            <span>
              {term(SEVERITIES, r.severity)} ({r.n})
              <span className="muted"> {r.outcomes.map((o) => outcomeLabel(o.key, lang)).join(LIST_SEP[lang])}</span>
            </span>
          </li>
        ))}
        <li>
          <span
            className="swatch swatch-focus"
            style={{ ['--c' as string]: FOCUS_COLOUR, ['--casing' as string]: FOCUS_CASING }}
            aria-hidden="true"
          />
          {t('legendFocus')}
        </li>
      </ul>
    </details>,
    ctl.overlay('outcomes'),
  );
}
