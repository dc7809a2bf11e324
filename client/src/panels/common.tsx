import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/http';
import type { ExtensionStep } from '../api/contract';
import { fill, useI18n } from '../i18n';
import { formatValue, readableFormula } from '../format';
import { ERROR_DETAIL_KEYS, FILE_FORMATS, label } from '../../../server/vocab';

/** A read's state for a panel: loading, its value, not available (404/501 while being built), or its error. */
export type Load<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'unavailable' } | { state: 'error'; error: unknown };

/** Run `fn` when `deps` change (aborting the previous run); null while `fn` is null. */
export function useLoad<T>(fn: ((signal: AbortSignal) => Promise<T>) | null, deps: unknown[]): Load<T> | null {
  const [s, setS] = useState<Load<T> | null>(null);
  useEffect(() => {
    if (!fn) {
      setS(null);
      return;
    }
    const ac = new AbortController();
    setS({ state: 'loading' });
    fn(ac.signal).then(
      (value) => !ac.signal.aborted && setS({ state: 'ok', value }),
      (error) => {
        if (ac.signal.aborted) return;
        setS(error instanceof ApiError && error.unavailable ? { state: 'unavailable' } : { state: 'error', error });
      },
    );
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return s;
}

/** An API error in the page's language, with the lines/points at fault. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div className="error" role="alert" data-testid="error">
        <strong>{lang === 'zh' ? error.messageZh : error.message}</strong> <code>{error.code}</code>
        {error.details.length > 0 && (
          <ul>
            {error.details.slice(0, 50).map((d, i) => (
              <li key={i} data-testid="error-detail">
                {d.line !== undefined && <b>{fill(t('errorLine'), { n: String(d.line) })} </b>}
                {d.point !== undefined && <span>{fill(t('errorPoint'), { n: String(d.point) })} </span>}
                {Object.entries(d)
                  .filter(([k]) => k !== 'line' && k !== 'point')
                  .map(
                    ([k, v]) =>
                      `${label(ERROR_DETAIL_KEYS, k, lang)}: ${k === 'supported' && Array.isArray(v) ? v.map((f) => label(FILE_FORMATS, String(f), lang)).join('、') : formatValue(v)}`,
                  )
                  .join('; ')}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="error" role="alert" data-testid="error">
      {error instanceof Error ? error.message : String(error)}
    </div>
  );
}

/** "not available" for endpoints that answer 404 (not built yet). */
export function Unavailable() {
  const { t } = useI18n();
  return (
    <p className="muted" data-testid="not-available">
      {t('notAvailable')}
    </p>
  );
}

/** Render any JSON the server returns: objects as definition lists, arrays of objects as tables. */
export function AnyJson({ value, depth = 0 }: { value: unknown; depth?: number }): ReactNode {
  if (value === null || value === undefined || typeof value !== 'object') return <span>{formatValue(value)}</span>;
  if (!Array.isArray(value) && 'coordinates' in value && 'type' in value)
    return <span className="muted">({String((value as { type: unknown }).type)})</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      const cols = [...new Set(value.flatMap((v) => Object.keys(v as object)))].filter((k) => k !== 'geometry').slice(0, 8);
      return (
        <div className="table-wrap">
          <table className="any">
            <thead>
              <tr>
                {cols.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {value.slice(0, 100).map((row, i) => (
                <tr key={i}>
                  {cols.map((c) => (
                    <td key={c}>
                      {depth < 2 ? (
                        <AnyJson value={(row as Record<string, unknown>)[c]} depth={depth + 1} />
                      ) : (
                        formatValue((row as Record<string, unknown>)[c])
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    return <span>{formatValue(value)}</span>;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'geometry');
  return (
    <dl className="any">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{depth < 3 ? <AnyJson value={v} depth={depth + 1} /> : formatValue(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Progress({ value, text }: { value: number | null; text: string }) {
  return (
    <div className="progress" role="status" aria-live="polite" data-testid="progress">
      {value === null ? <progress /> : <progress value={value} max={1} />}
      <span>{text}</span>
    </div>
  );
}

/**
 * One server sentence in the page's language. A plain string (a module not yet speaking Messages) is
 * marked `data-legacy-text`, so the browser suite can tell it from the page's own words.
 */
export function Said({ x }: { x: unknown }) {
  const { text } = useI18n();
  return <span data-legacy-text={typeof x === 'string' ? '' : undefined}>{text(x)}</span>;
}

/** Server sentences (Messages, or strings not yet moved) as a list in the page's language. */
export function TextList({ items, className, testid }: { items: unknown[] | null | undefined; className?: string; testid?: string }) {
  if (!items?.length) return null;
  return (
    <ul className={className} data-testid={testid}>
      {items.map((x, i) => (
        <li key={i} data-code={typeof x === 'object' && x && 'code' in x ? String((x as { code: unknown }).code) : undefined}>
          <Said x={x} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The audit trail of a rule result as a readable list: what the step is (in the page's language), its
 * arithmetic (long numbers grouped, 元 in Chinese), then the rule id and the article it rests on.
 */
export function Steps({ steps, testid }: { steps: ExtensionStep[] | null | undefined; testid?: string }) {
  const { t, lang, text } = useI18n();
  if (!steps?.length) return null;
  return (
    <ol className="steps" data-testid={testid}>
      {steps.map((s, i) => (
        <li key={i}>
          {s.description && (
            <div>
              <Said x={s.description} />
            </div>
          )}
          {s.formula ? (
            <div className="mono formula">{readableFormula(text(s.formula), lang)}</div>
          ) : (
            s.value !== undefined &&
            typeof s.value !== 'object' && (
              <div>
                = <b>{formatValue(s.value)}</b>
              </div>
            )
          )}
          <div className="muted small">
            {t('rule')} {s.rule} · {s.citation}
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * A select over one vocabulary (server/vocab), each code by its label in the page's language: a filter's ("all" first,
 * the default) or a form field's (`all={false}`: one of the codes).
 */
export function VocabSelect({
  caption,
  value,
  testid,
  vocab,
  onChange,
  all = true,
  className,
}: {
  caption: string;
  value: string;
  testid?: string;
  vocab: Readonly<Record<string, { zh: string; en: string }>>;
  onChange: (code: string) => void;
  all?: boolean;
  className?: string;
}) {
  const { t, lang } = useI18n();
  return (
    <label className={className}>
      {caption}
      <select value={value} data-testid={testid} onChange={(e) => onChange(e.target.value)}>
        {all && <option value="">{t('all')}</option>}
        {Object.entries(vocab).map(([code, v]) => (
          <option key={code} value={code}>
            {v[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
