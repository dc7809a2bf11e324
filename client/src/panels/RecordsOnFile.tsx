/**
 * What is on file between this right and its neighbours: the agreements it signed with another right about their
 * overlap (双方协议, 同意函, 承诺书: a check then answers agreement_on_file for the part covered) and its holder's written
 * commitments over a proposed ecological red line (PA-5: commitment_on_file). Read by the right's holder, the
 * regulators overseeing it and admins; a regulator overseeing it (or an admin) records one — over the whole overlap,
 * the other party or red line chosen among the right's own overlaps — or withdraws one with its reason.
 */
import { useState, type ReactNode } from 'react';
import { AGREEMENT_KINDS, AGREEMENT_TERMS, COMMITMENT_TERMS, REDLINE_STATUSES } from '../../../server/vocab';
import { todayInChina } from '../../../server/conflicts/subject';
import { blockConflicts } from '../api/blocks';
import type { Agreement, Commitment, Conflict, NewAgreement } from '../api/contract';
import {
  blockAgreements,
  blockCommitments,
  recordAgreement,
  recordCommitment,
  withdrawAgreement,
  withdrawCommitment,
} from '../api/records';
import { formatKm2 } from '../format';
import { useI18n } from '../i18n';
import { ErrorBox, Unavailable, useLoad, VocabSelect, type Load } from './common';
import { Field, FormShell, useWrite, VocabChecks, Withdraw } from './forms';

export function RecordsOnFile({
  blockId,
  manage,
  version,
  onChanged,
}: {
  blockId: string;
  /** may record and withdraw (a regulator overseeing the right, an admin) */
  manage: boolean;
  version: number;
  /** after a write: the panel reads the right again (its lists, conflicts and assessment) */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<'agreement' | 'commitment' | string | null>(null);
  const agreements = useLoad((s) => blockAgreements(blockId, s), [blockId, version]);
  const commitments = useLoad((s) => blockCommitments(blockId, s), [blockId, version]);
  const done = () => {
    setForm(null);
    onChanged();
  };
  const cancel = () => setForm(null);
  return (
    <section className="detail-section records-on-file" data-testid="details-records">
      <h3>{t('recordsOnFile')}</h3>
      <h4>{t('agreementsTitle')}</h4>
      <Listed load={agreements} none={t('agreementsNone')} testid="agreements">
        {(a: Agreement) => (
          <AgreementLine
            a={a}
            blockId={blockId}
            manage={manage}
            open={form === a.id}
            onOpen={() => setForm(a.id)}
            onDone={done}
            onCancel={cancel}
          />
        )}
      </Listed>
      {manage && form !== 'agreement' && (
        <button type="button" className="link" onClick={() => setForm('agreement')} data-testid="agreement-new-open">
          {t('agreementRecord')}
        </button>
      )}
      {form === 'agreement' && <NewAgreementForm blockId={blockId} onDone={done} onCancel={cancel} />}
      <h4>{t('commitmentsTitle')}</h4>
      <Listed load={commitments} none={t('commitmentsNone')} testid="commitments">
        {(c: Commitment) => (
          <CommitmentLine c={c} manage={manage} open={form === c.id} onOpen={() => setForm(c.id)} onDone={done} onCancel={cancel} />
        )}
      </Listed>
      {manage && form !== 'commitment' && (
        <button type="button" className="link" onClick={() => setForm('commitment')} data-testid="commitment-new-open">
          {t('commitmentRecord')}
        </button>
      )}
      {form === 'commitment' && <NewCommitmentForm blockId={blockId} onDone={done} onCancel={cancel} />}
    </section>
  );
}

/** A list read with its states: loading, not available, refused, none, or one line per record. */
function Listed<T extends { id: string }>({
  load,
  none,
  testid,
  children,
}: {
  load: Load<{ items: T[] }> | null;
  none: string;
  testid: string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (!load || load.state === 'loading') return <p className="muted small">{t('loading')}</p>;
  if (load.state === 'unavailable') return <Unavailable />;
  if (load.state === 'error') return <ErrorBox error={load.error} />;
  if (!load.value.items.length) return <p className="muted small">{none}</p>;
  return (
    <ul className="register-flags small" data-testid={testid}>
      {load.value.items.map((item) => (
        <li key={item.id}>{children(item)}</li>
      ))}
    </ul>
  );
}

type LineProps = { manage: boolean; open: boolean; onOpen: () => void; onDone: () => void; onCancel: () => void };

/** Whether the record counts today, as the server answers it (`in_force`: the check's own reading, records/in-force.ts). */
function InForce({ on }: { on: boolean }) {
  const { t } = useI18n();
  return <span className={on ? 'ok' : 'muted'}>({on ? t('flagInForce') : t('flagNotInForce')})</span>;
}

function AgreementLine({ a, blockId, manage, open, onOpen, onDone, onCancel }: LineProps & { a: Agreement; blockId: string }) {
  const { t, term } = useI18n();
  const other = a.parties.find((p) => p.block_id !== blockId) ?? a.parties[0];
  return (
    <div data-testid="agreement" data-id={a.id}>
      <div>
        <strong>{term(AGREEMENT_KINDS, a.kind)}</strong> <span className="mono">{a.document_no}</span> <InForce on={a.in_force} />
      </div>
      <div>{t('agreementWith', { id: other.block_id, holder: other.holder ?? '—' })}</div>
      <div className="muted">
        {t('recordSigned', { on: a.signed_on })} · {t('flagPeriod', { from: a.valid_from, to: a.valid_to ?? t('recordOpenEnded') })} ·{' '}
        {t('recordCovers', { area: formatKm2(a.area_km2) })}
      </div>
      {a.terms.length > 0 && <div>{a.terms.map((c) => term(AGREEMENT_TERMS, c)).join('；')}</div>}
      {manage && (
        <Withdraw
          title={t('recordWithdraw')}
          testid="agreement-withdraw"
          open={open}
          onOpen={onOpen}
          withdraw={(reason) => withdrawAgreement(a.id, reason)}
          onDone={onDone}
          onCancel={onCancel}
        />
      )}
    </div>
  );
}

function CommitmentLine({ c, manage, open, onOpen, onDone, onCancel }: LineProps & { c: Commitment }) {
  const { t, term } = useI18n();
  return (
    <div data-testid="commitment" data-id={c.id}>
      <div>
        <strong>{term(AGREEMENT_KINDS, 'commitment')}</strong> <span className="mono">{c.document_no}</span> <InForce on={c.in_force} />
      </div>
      <div>{t('commitmentOver', { id: c.redline_id, status: c.redline_status ? term(REDLINE_STATUSES, c.redline_status) : '—' })}</div>
      {c.redline_status === 'official' && <div className="warn">{t('commitmentOfficial')}</div>}
      <div className="muted">
        {t('recordSigned', { on: c.signed_on })} ·{' '}
        {t('flagPeriod', { from: c.valid_from, to: c.valid_to ?? t('commitmentUntilDelineated') })} ·{' '}
        {t('recordCovers', { area: formatKm2(c.area_km2) })}
      </div>
      {c.terms.length > 0 && <div>{c.terms.map((x) => term(COMMITMENT_TERMS, x)).join('；')}</div>}
      {manage && (
        <Withdraw
          title={t('recordWithdraw')}
          testid="commitment-withdraw"
          open={open}
          onOpen={onOpen}
          withdraw={(reason) => withdrawCommitment(c.id, reason)}
          onDone={onDone}
          onCancel={onCancel}
        />
      )}
    </div>
  );
}

/** The right's overlaps of one collection (its conflicts, one entry per feature: an agreement splits one in two). */
function useOverlaps(blockId: string, keep: (c: Conflict) => boolean) {
  const load = useLoad((s) => blockConflicts(blockId, s) as Promise<{ conflicts?: Conflict[] }>, [blockId]);
  if (load?.state !== 'ok') return { load, items: null };
  const byId = new Map<string, Conflict>();
  for (const c of load.value.conflicts ?? []) if (keep(c) && !byId.has(c.id)) byId.set(c.id, c);
  return { load, items: [...byId.values()] };
}

/** A choice among the right's overlaps, with the read's states. */
function OverlapSelect({
  caption,
  overlaps,
  none,
  value,
  onChange,
  testid,
}: {
  caption: string;
  overlaps: ReturnType<typeof useOverlaps>;
  none: string;
  value: string;
  onChange: (id: string) => void;
  testid: string;
}) {
  const { t } = useI18n();
  const { load, items } = overlaps;
  if (load?.state === 'error') return <ErrorBox error={load.error} />;
  if (load?.state === 'unavailable') return <Unavailable />;
  if (!items) return <p className="muted wide">{t('loading')}</p>;
  if (!items.length) return <p className="muted wide">{none}</p>;
  return (
    <label className="wide">
      {caption}
      <select value={value} required onChange={(e) => onChange(e.target.value)} data-testid={testid}>
        <option value="">—</option>
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {[c.id, c.name, c.holder].filter(Boolean).join(' · ')} ({formatKm2(c.overlap_area_km2)})
          </option>
        ))}
      </select>
    </label>
  );
}

/** Record an agreement between this right and another it overlaps, over their whole overlap. */
function NewAgreementForm({ blockId, onDone, onCancel }: { blockId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const overlaps = useOverlaps(blockId, (c) => c.collection === 'blocks');
  const [party, setParty] = useState('');
  const [kind, setKind] = useState<NonNullable<NewAgreement['kind']>>('agreement');
  const [documentNo, setDocumentNo] = useState('');
  const [signed, setSigned] = useState(todayInChina());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [terms, setTerms] = useState<string[]>([]);
  const w = useWrite(onDone);
  return (
    <FormShell
      title={t('agreementRecord')}
      testid="agreement-new"
      busy={w.busy || !overlaps.items?.length}
      error={w.error}
      onSubmit={(e) =>
        w.run(e, () =>
          recordAgreement({
            kind,
            parties: [blockId, party],
            document_no: documentNo.trim(),
            signed_on: signed,
            ...(from ? { valid_from: from } : {}),
            ...(to ? { valid_to: to } : {}),
            terms: terms as NewAgreement['terms'],
          }),
        )
      }
      onCancel={onCancel}
    >
      <OverlapSelect
        caption={t('agreementParty')}
        overlaps={overlaps}
        none={t('agreementNoOverlaps')}
        value={party}
        onChange={setParty}
        testid="agreement-new-party"
      />
      <VocabSelect
        caption={t('flagKind')}
        value={kind}
        vocab={AGREEMENT_KINDS}
        all={false}
        onChange={(k) => setKind(k as NonNullable<NewAgreement['kind']>)}
        testid="agreement-new-kind"
      />
      <Field caption={t('flagDocumentNo')} value={documentNo} onChange={setDocumentNo} required testid="agreement-new-document" />
      <Field type="date" caption={t('recordSignedOn')} value={signed} onChange={setSigned} required testid="agreement-new-signed" />
      <Field type="date" caption={t('recordValidFrom')} value={from} onChange={setFrom} testid="agreement-new-from" />
      <Field type="date" caption={t('recordValidTo')} value={to} onChange={setTo} testid="agreement-new-to" />
      <VocabChecks caption={t('recordTerms')} vocab={AGREEMENT_TERMS} value={terms} onChange={setTerms} testid="agreement-new-terms" />
      <p className="muted small wide">{t('recordWholeOverlap')}</p>
    </FormShell>
  );
}

const DEFAULT_COMMITMENT_TERMS = Object.keys(COMMITMENT_TERMS);

/** Record the holder's written commitment over a proposed red line the right overlaps, over the whole overlap. */
function NewCommitmentForm({ blockId, onDone, onCancel }: { blockId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const overlaps = useOverlaps(blockId, (c) => c.collection === 'redlines' && c.status === 'proposed');
  const [redline, setRedline] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [signed, setSigned] = useState(todayInChina());
  const [to, setTo] = useState('');
  const [terms, setTerms] = useState<string[]>(DEFAULT_COMMITMENT_TERMS);
  const w = useWrite(onDone);
  return (
    <FormShell
      title={t('commitmentRecord')}
      testid="commitment-new"
      busy={w.busy || !overlaps.items?.length}
      error={w.error}
      onSubmit={(e) =>
        w.run(e, () =>
          recordCommitment({
            block_id: blockId,
            collection: 'redlines',
            feature_id: redline,
            document_no: documentNo.trim(),
            signed_on: signed,
            ...(to ? { valid_to: to } : {}),
            terms: terms as NonNullable<Parameters<typeof recordCommitment>[0]['terms']>,
          }),
        )
      }
      onCancel={onCancel}
    >
      <OverlapSelect
        caption={t('commitmentRedline')}
        overlaps={overlaps}
        none={t('commitmentNoProposed')}
        value={redline}
        onChange={setRedline}
        testid="commitment-new-redline"
      />
      <Field caption={t('flagDocumentNo')} value={documentNo} onChange={setDocumentNo} required testid="commitment-new-document" />
      <Field type="date" caption={t('recordSignedOn')} value={signed} onChange={setSigned} required testid="commitment-new-signed" />
      <Field type="date" caption={t('commitmentValidTo')} value={to} onChange={setTo} testid="commitment-new-to" />
      <VocabChecks caption={t('recordTerms')} vocab={COMMITMENT_TERMS} value={terms} onChange={setTerms} testid="commitment-new-terms" />
      <p className="muted small wide">{t('recordWholeOverlap')}</p>
    </FormShell>
  );
}
