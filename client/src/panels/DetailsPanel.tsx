import { useEffect, useRef, useState, type ReactNode } from 'react';
import { blockAssessment, blockConflicts, blockReportUrl } from '../api/blocks';
import { blockFlags } from '../api/flags';
import { getFeature, wellCount } from '../api/features';
import type { CheckResult, Conflict, Feature } from '../api/contract';
import { bboxOf, daysUntil, formatKm2, formatValue } from '../format';
import { useI18n } from '../i18n';
import { COLLECTIONS, labelField } from '../../../server/vocab';
import type { Messages } from '../i18n/zh';
import type { Hit } from '../map/controller';
import type { SelectedBlock } from './ExtensionPanel';
import { ConflictTriage, VerdictBanner } from './ConflictList';
import { AssessmentCard, type BlockAssessment } from './AssessmentCard';
import { PaymentsCard } from './PaymentsCard';
import { InvestmentCard } from './InvestmentCard';
import { RegisterFlags } from './RegisterFlags';
import { RecordsOnFile } from './RecordsOnFile';
import { NearbyChanges } from './NearbyChanges';
import { AnyJson, ErrorBox, Unavailable, useLoad, type Load } from './common';
import { useAuth } from '../auth/AuthContext';
import { canEdit, canSeeConfidential, canSeeHistory } from '../auth/permissions';
import { EditFeature } from '../edit/EditFeature';
import { EDIT_FIELDS } from '../edit/fields';
import { HistoryList } from '../edit/HistoryList';
import type { MapController } from '../map/controller';

function Section<T>({ title, load, render, testid }: { title: string; load: Load<T> | null; render: (v: T) => ReactNode; testid: string }) {
  const { t } = useI18n();
  if (!load) return null;
  return (
    <section className="detail-section" data-testid={testid}>
      <h3>{title}</h3>
      {load.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {load.state === 'unavailable' && <Unavailable />}
      {load.state === 'error' && <ErrorBox error={load.error} />}
      {load.state === 'ok' && render(load.value)}
    </section>
  );
}

/**
 * A section that loads only once the user opens it (the block's conflicts: a full overlay of the block against
 * every layer, too dear to run for every click). Whether it is open is remembered for the session.
 */
function LazySection<T>({
  title,
  open,
  onToggle,
  load,
  render,
  testid,
}: {
  title: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  load: Load<T> | null;
  render: (v: T) => ReactNode;
  testid: string;
}) {
  const { t } = useI18n();
  return (
    <details className="detail-section lazy-section" data-testid={testid} open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary data-testid={`${testid}-toggle`}>
        <h3>{title}</h3>
      </summary>
      {load?.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {load?.state === 'unavailable' && <Unavailable />}
      {load?.state === 'error' && <ErrorBox error={load.error} />}
      {load?.state === 'ok' && render(load.value)}
    </details>
  );
}
let conflictsOpen = false;

/** The side panel with the clicked record, and for blocks its wells, conflicts, assessment and deadlines. */
export function DetailsPanel({
  hit,
  ctl,
  onClose,
  onUseForExtension,
  onOpen,
}: {
  hit: Hit;
  ctl?: MapController | null;
  onClose: () => void;
  onUseForExtension: (b: SelectedBlock) => void;
  /** open another feature in this panel (a conflict's name) */
  onOpen?: (hit: Hit) => void;
}) {
  const { t, lang, term } = useI18n();
  const { me } = useAuth();
  const closeRef = useRef<HTMLButtonElement>(null);
  const isBlock = hit.collection === 'blocks';
  // bumped after a save: the record, the history and the assessment are read again
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const userKey = me ? `${me.id}:${me.role}` : 'public';
  const record = useLoad((s) => getFeature(hit.collection, hit.id, s), [hit.collection, hit.id, version]);
  const wells = useLoad(isBlock ? (s) => wellCount(hit.id, s) : null, [hit.id, isBlock]);
  const flags = useLoad(isBlock ? (s) => blockFlags(hit.id, s) : null, [hit.id, isBlock, version]);
  // the conflicts are read when their section is open, not on every click
  const [showConflicts, setShowConflicts] = useState(conflictsOpen);
  const conflicts = useLoad(isBlock && showConflicts ? (s) => blockConflicts(hit.id, s) : null, [hit.id, isBlock, version, showConflicts]);
  // what the server lets this user see of the assessment depends on who is signed in
  const assessment = useLoad(isBlock ? (s) => blockAssessment(hit.id, s) : null, [hit.id, isBlock, version, userKey]);

  useEffect(() => {
    closeRef.current?.focus({ preventScroll: true });
    setEditing(false);
    setSaved(false);
  }, [hit.id]);
  useEffect(() => {
    if (!me) setEditing(false);
  }, [me]);

  const p: Record<string, unknown> =
    record?.state === 'ok' ? { ...hit.properties, ...(record.value as Feature).properties } : hit.properties;
  // a right's box: what changed around it is read over it (NearbyChanges)
  const blockBox = isBlock && record?.state === 'ok' ? bboxOf((record.value as Feature).geometry) : null;
  const rows: [keyof Messages, ReactNode][] = [];
  const push = (k: keyof Messages, v: unknown, fmt: (v: unknown) => ReactNode = (x) => formatValue(x)) => {
    if (v !== undefined && v !== null && v !== '') rows.push([k, fmt(v)]);
  };
  push('licenceNo', p.licence_no, (v) => <span className="mono">{String(v)}</span>);
  push('holder', p.holder);
  const named = (field: string) => (v: unknown) => labelField(hit.collection, field, v, lang);
  push('kind', p.kind, named('kind'));
  push('type', p.type, named('type'));
  push('mineral', p.mineral, named('mineral'));
  push('status', p.status, named('status'));
  push('category', p.category, named('category'));
  push('zone', p.zone, named('zone'));
  push('level', p.level, named('level'));
  push('validFrom', p.valid_from);
  push('validTo', p.valid_to);
  push('firstRegistration', p.first_registration_date);
  push('firstRegistrationArea', p.first_registration_area_km2, (v) => formatKm2(Number(v)));
  push('area', p.area_km2, (v) => formatKm2(Number(v)));
  push('authority', p.authority);
  push('basin', p.basin, named('basin'));
  push('blockId', p.block_id);
  push('diameter', p.diameter_mm, (v) => `${v} mm`);
  push('pressure', p.pressure_mpa, (v) => `${v} MPa`);

  /** A conflict's name opens that feature here and shows it on the map (its overlap with this block is what is drawn). */
  const openConflict = (c: Conflict) => {
    if (!onOpen) return;
    const b = bboxOf(c.geometry);
    if (c.geometry) ctl?.fitGeometry(c.geometry, c.geometry.type === 'Point' ? 14 : 12);
    onOpen({
      collection: c.collection,
      id: c.id,
      properties: { id: c.id, name: c.name },
      lngLat: b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : hit.lngLat,
      cluster: false,
    });
  };

  const editable = canEdit(me, hit.collection, p) && !!EDIT_FIELDS[hit.collection];
  const validTo = typeof p.valid_to === 'string' ? p.valid_to : null;
  const days = validTo ? daysUntil(validTo) : null;

  return (
    <aside className="details" aria-label={t('details')} data-testid="details">
      <header>
        <div>
          <p className="muted small">{term(COLLECTIONS, hit.collection)}</p>
          <h2 data-testid="details-title">{String(p.name ?? hit.id)}</h2>
        </div>
        <button ref={closeRef} type="button" className="icon-btn" aria-label={t('close')} onClick={onClose} data-testid="details-close">
          ✕
        </button>
      </header>
      <div className="details-body">
        {record?.state === 'loading' && <p className="muted">{t('loading')}</p>}
        {record?.state === 'error' && <ErrorBox error={record.error} />}
        <dl className="props" data-testid="details-props">
          {rows.map(([k, v]) => (
            <div key={k} data-key={k}>
              <dt>{t(k)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {saved && !editing && (
          <p className="ok small" role="status" data-testid="edit-saved">
            {t('saved')}
          </p>
        )}
        {editable && !editing && (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            data-testid="edit-feature"
          >
            {t('edit')}
          </button>
        )}
        {editable && editing && (
          <EditFeature
            collection={hit.collection}
            id={hit.id}
            ctl={ctl ?? null}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              setVersion((v) => v + 1);
            }}
          />
        )}
        {canSeeHistory(me) && hit.collection !== 'boundaries' && <HistoryList collection={hit.collection} id={hit.id} version={version} />}
        {isBlock && (
          <>
            <Section
              title={t('wellsInside')}
              load={wells}
              testid="details-wells"
              render={(n) => <p data-testid="wells-count">{n ?? '—'}</p>}
            />
            <Section
              title={t('registerFlags')}
              load={flags}
              testid="details-flags"
              render={(v) => (
                <RegisterFlags
                  blockId={hit.id}
                  flags={v.items}
                  manage={canEdit(me, 'blocks', p)}
                  seeConsents={canSeeConfidential(me, p)}
                  authority={me?.authority ?? ''}
                  version={version}
                  onChanged={() => {
                    // a flag is drawn on the map (the dashed outline): its tiles are read again
                    ctl?.refreshTiles('blocks');
                    setVersion((n) => n + 1);
                  }}
                />
              )}
            />
            {canSeeConfidential(me, p) && (
              <RecordsOnFile
                blockId={hit.id}
                manage={canEdit(me, 'blocks', p)}
                version={version}
                // an agreement or commitment changes the right's check: its conflicts are read again
                onChanged={() => setVersion((n) => n + 1)}
              />
            )}
            {days !== null && (
              <section className="detail-section" data-testid="details-deadlines">
                <h3>{t('deadlines')}</h3>
                <p className={days < 0 ? 'warn' : days < 180 ? 'notice' : ''}>
                  {t('validTo')} {validTo}: {days >= 0 ? t('daysToExpiry', { n: days }) : t('expiredDaysAgo', { n: -days })}
                </p>
              </section>
            )}
            {blockBox && <NearbyChanges id={hit.id} bbox={blockBox} ctl={ctl} />}
            <LazySection
              title={t('conflicts')}
              open={showConflicts}
              onToggle={(o) => {
                conflictsOpen = o;
                setShowConflicts(o);
              }}
              load={conflicts}
              testid="details-conflicts"
              render={(v) => {
                const list = (v as { conflicts?: Conflict[] }).conflicts;
                if (!Array.isArray(list)) return <AnyJson value={v} />;
                const verdict = (v as Partial<CheckResult>).verdict;
                return (
                  <>
                    {verdict && <VerdictBanner verdict={verdict} />}
                    {list.length ? (
                      <ConflictTriage conflicts={list} lang={lang} onActivate={(c) => openConflict(c)} />
                    ) : (
                      <p className="muted">{t('noConflicts')}</p>
                    )}
                  </>
                );
              }}
            />
            <Section
              title={t('assessment')}
              load={assessment}
              testid="details-assessment"
              render={(v) => <AssessmentCard value={v as BlockAssessment} confidential={canSeeConfidential(me, p)} />}
            />
            <p className="downloads small">
              <a href={blockReportUrl(hit.id, { lang })} download data-testid="block-report-pdf">
                {t('reportDossier')}
              </a>
            </p>
            {canSeeConfidential(me, p) && <InvestmentCard blockId={hit.id} version={version} />}
            {canSeeConfidential(me, p) && <PaymentsCard blockId={hit.id} version={version} />}
            <button type="button" onClick={() => onUseForExtension({ id: hit.id, properties: p })} data-testid="use-for-extension">
              {t('useForExtension')}
            </button>
          </>
        )}
      </div>
    </aside>
  );
}
