/**
 * The register clerk's forms on a right's flags (a regulator overseeing the right, or an admin; the server decides):
 * record a seizure or a mortgage, record its release, and on a mortgage record the mortgagee's written consent to a
 * transfer or withdraw one recorded in error. Each form sends one request; the server's refusal is shown as it says it.
 */
import { useState, type FormEvent } from 'react';
import { RIGHT_FLAG_KINDS } from '../../../server/vocab';
import { todayInChina } from '../../../server/conflicts/subject';
import type { NewRightFlag } from '../api/contract';
import { flagConsents, recordConsent, recordFlag, releaseFlag, withdrawConsent } from '../api/flags';
import { useI18n } from '../i18n';
import { ErrorBox, Unavailable, useLoad, VocabSelect } from './common';
import { Field, FormShell, trimmed, useWrite, Withdraw } from './forms';

/** Record a seizure (查封) or a mortgage (抵押) on the right. */
export function NewFlagForm({
  blockId,
  authority,
  onDone,
  onCancel,
}: {
  blockId: string;
  authority: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<NewRightFlag['kind']>('seizure');
  const [documentNo, setDocumentNo] = useState('');
  const [by, setBy] = useState(authority);
  const [beneficiary, setBeneficiary] = useState('');
  const [start, setStart] = useState(todayInChina());
  const [end, setEnd] = useState('');
  const w = useWrite(onDone);
  const submit = (e: FormEvent) =>
    w.run(e, () =>
      recordFlag(blockId, {
        kind,
        document_no: documentNo.trim(),
        authority: by.trim(),
        ...(kind === 'mortgage' && trimmed(beneficiary) ? { beneficiary: beneficiary.trim() } : {}),
        start_on: start,
        ...(end ? { end_on: end } : {}),
      }),
    );
  return (
    <FormShell title={t('flagRecord')} testid="flag-new" busy={w.busy} error={w.error} onSubmit={submit} onCancel={onCancel}>
      <VocabSelect
        caption={t('flagKind')}
        value={kind}
        vocab={RIGHT_FLAG_KINDS}
        all={false}
        onChange={(k) => setKind(k as NewRightFlag['kind'])}
        testid="flag-new-kind"
      />
      <Field caption={t('flagDocumentNo')} value={documentNo} onChange={setDocumentNo} required testid="flag-new-document" />
      <Field caption={t('flagAuthority')} value={by} onChange={setBy} required testid="flag-new-authority" />
      {kind === 'mortgage' && (
        <Field caption={t('flagBeneficiary')} value={beneficiary} onChange={setBeneficiary} testid="flag-new-beneficiary" />
      )}
      <Field type="date" caption={t('flagStart')} value={start} onChange={setStart} required testid="flag-new-start" />
      <Field type="date" caption={t('flagEnd')} value={end} onChange={setEnd} testid="flag-new-end" />
    </FormShell>
  );
}

/** Record the release of a seizure (解除查封) or of a mortgage (抵押注销). */
export function ReleaseFlagForm({ flagId, onDone, onCancel }: { flagId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(todayInChina());
  const [documentNo, setDocumentNo] = useState('');
  const w = useWrite(onDone);
  return (
    <FormShell
      title={t('flagRelease')}
      testid="flag-release"
      busy={w.busy}
      error={w.error}
      onSubmit={(e) => w.run(e, () => releaseFlag(flagId, { released_on: on, document_no: documentNo.trim() }))}
      onCancel={onCancel}
    >
      <Field type="date" caption={t('flagReleasedOn')} value={on} onChange={setOn} required testid="flag-release-on" />
      <Field caption={t('flagReleaseDocumentNo')} value={documentNo} onChange={setDocumentNo} required testid="flag-release-document" />
    </FormShell>
  );
}

function ConsentForm({ flagId, onDone, onCancel }: { flagId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [documentNo, setDocumentNo] = useState('');
  const [on, setOn] = useState(todayInChina());
  const [transferee, setTransferee] = useState('');
  const w = useWrite(onDone);
  return (
    <FormShell
      title={t('consentRecord')}
      testid="consent-new"
      busy={w.busy}
      error={w.error}
      onSubmit={(e) =>
        w.run(e, () =>
          recordConsent(flagId, {
            document_no: documentNo.trim(),
            given_on: on,
            ...(trimmed(transferee) ? { transferee: transferee.trim() } : {}),
          }),
        )
      }
      onCancel={onCancel}
    >
      <Field caption={t('flagDocumentNo')} value={documentNo} onChange={setDocumentNo} required testid="consent-new-document" />
      <Field type="date" caption={t('consentGivenOn')} value={on} onChange={setOn} required testid="consent-new-on" />
      <Field caption={t('consentTransferee')} value={transferee} onChange={setTransferee} testid="consent-new-transferee" />
    </FormShell>
  );
}

/**
 * The mortgagee's consents on a mortgage, newest first (a transfer of the right goes through only with one not
 * withdrawn: server/features/write.ts); `manage`: the forms to record one or withdraw one.
 */
export function Consents({ flagId, manage, version }: { flagId: string; manage: boolean; version: number }) {
  const { t } = useI18n();
  const [mine, setMine] = useState(0);
  const [form, setForm] = useState<'new' | string | null>(null);
  const load = useLoad((s) => flagConsents(flagId, s), [flagId, version, mine]);
  const items = load?.state === 'ok' ? load.value.items : null;
  const done = () => {
    setForm(null);
    setMine((n) => n + 1);
  };
  return (
    <div className="consents" data-testid="consents">
      <div className="muted">{t('consentsTitle')}</div>
      {load?.state === 'error' && <ErrorBox error={load.error} />}
      {load?.state === 'unavailable' && <Unavailable />}
      {items && items.length === 0 && <div className="muted">{t('consentsNone')}</div>}
      {items && items.length > 0 && (
        <ul>
          {items.map((c) => (
            <li key={c.id} data-testid="consent" data-withdrawn={c.withdrawn_at !== null}>
              <span className={c.withdrawn_at ? 'struck' : undefined}>
                {t('consentLine', { no: c.document_no, on: c.given_on, to: c.transferee ?? t('consentAnyTransferee') })}
              </span>
              {c.withdrawn_at && <div className="muted">{t('consentWithdrawn', { reason: c.withdrawn_reason ?? '' })}</div>}
              {manage && !c.withdrawn_at && (
                <Withdraw
                  title={t('consentWithdraw')}
                  testid="consent-withdraw"
                  open={form === c.id}
                  onOpen={() => setForm(c.id)}
                  withdraw={(reason) => withdrawConsent(c.id, reason)}
                  onDone={done}
                  onCancel={() => setForm(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && form !== 'new' && (
        <button type="button" className="link" onClick={() => setForm('new')} data-testid="consent-new-open">
          {t('consentRecord')}
        </button>
      )}
      {form === 'new' && <ConsentForm flagId={flagId} onDone={done} onCancel={() => setForm(null)} />}
    </div>
  );
}
