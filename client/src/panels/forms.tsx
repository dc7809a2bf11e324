/**
 * The parts of the register clerk's forms (flags, consents, agreements, commitments): one request at a time with its
 * refusal shown as the server says it, a form's frame with save and cancel, a text or date field, and the form that
 * takes a record off file with its reason.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ErrorBox } from './common';

export const trimmed = (s: string) => s.trim() || undefined;

/** One request at a time, its error kept to show. */
export function useWrite(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (e: FormEvent, write: () => Promise<unknown>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await write();
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function FormShell({
  title,
  testid,
  busy,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  testid: string;
  busy: boolean;
  error: unknown;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form className="flag-form" onSubmit={onSubmit} data-testid={testid}>
      <h4>{title}</h4>
      <div className="form-grid">{children}</div>
      <ErrorBox error={error} />
      <div className="row">
        <button type="submit" disabled={busy} data-testid={`${testid}-save`}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** One text or date field of a form (a text field takes the row's width, a date half of it). */
export function Field({
  caption,
  value,
  onChange,
  required,
  testid,
  type = 'text',
}: {
  caption: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  testid?: string;
  type?: 'text' | 'date';
}) {
  return (
    <label className={type === 'text' ? 'wide' : undefined}>
      {caption}
      <input
        type={type}
        value={value}
        maxLength={type === 'text' ? 200 : undefined}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testid}
      />
    </label>
  );
}

/** Take a record off file from now, with the reason (kept beside it, shown struck through). */
export function WithdrawForm({
  title,
  testid,
  withdraw,
  onDone,
  onCancel,
}: {
  title: string;
  testid: string;
  withdraw: (reason: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const w = useWrite(onDone);
  return (
    <FormShell
      title={title}
      testid={testid}
      busy={w.busy}
      error={w.error}
      onSubmit={(e) => w.run(e, () => withdraw(reason.trim()))}
      onCancel={onCancel}
    >
      <label className="wide">
        {t('withdrawReason')}
        <textarea
          value={reason}
          rows={2}
          maxLength={2000}
          required
          onChange={(e) => setReason(e.target.value)}
          data-testid={`${testid}-reason`}
        />
      </label>
    </FormShell>
  );
}

/** Several codes of a vocabulary, each a checkbox (the page's language). */
export function VocabChecks({
  caption,
  vocab,
  value,
  onChange,
  testid,
}: {
  caption: string;
  vocab: Readonly<Record<string, { zh: string; en: string }>>;
  value: string[];
  onChange: (codes: string[]) => void;
  testid?: string;
}) {
  const { lang } = useI18n();
  return (
    <fieldset className="wide vocab-checks" data-testid={testid}>
      <legend>{caption}</legend>
      {Object.entries(vocab).map(([code, v]) => (
        <label key={code}>
          <input
            type="checkbox"
            value={code}
            checked={value.includes(code)}
            onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((c) => c !== code))}
          />
          {v[lang]}
        </label>
      ))}
    </fieldset>
  );
}

/** A link that opens the reason form taking a record off file (testids `<testid>-open`, `<testid>-reason`, `<testid>-save`). */
export function Withdraw({ open, onOpen, ...form }: Parameters<typeof WithdrawForm>[0] & { open: boolean; onOpen: () => void }) {
  if (open) return <WithdrawForm {...form} />;
  return (
    <button type="button" className="link" onClick={onOpen} data-testid={`${form.testid}-open`}>
      {form.title}
    </button>
  );
}
