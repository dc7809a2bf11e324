import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
/**
 * The page's one translation mechanism, behind `useI18n()`:
 *   t(key)           the page's own words (zh.ts is the contract, en.ts mirrors it)
 *   term(vocab, code) a code of an API vocabulary (server/vocab: minerals, statuses, outcomes …)
 *   text(sentence)   a sentence the server produced ({ code, params, message, message_zh })
 */
import { label, type Lang, type Vocab } from '../../../server/vocab';
import { en } from './en';
import { textOf } from './text';
import { zh, type Messages } from './zh';

export type { Lang } from '../../../server/vocab';
export const MESSAGES: Record<Lang, Messages> = { zh, en };
export const LANG_KEY = 'kq.lang';

/** Fill `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage blocked */
  }
  return 'zh';
}

export type T = (key: keyof Messages, vars?: Record<string, string | number>) => string;
interface I18n {
  lang: Lang;
  t: T;
  /** The name of `code` in an API vocabulary, or the code itself when unknown. */
  term(v: Vocab, code: string | null | undefined): string;
  /** A server sentence in the page's language. */
  text(x: unknown): string;
  setLang(l: Lang): void;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      /* storage blocked */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${MESSAGES[lang].appTitle} · ${MESSAGES[lang].syntheticBadge}`;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => fill(MESSAGES[lang][key], vars),
      term: (v, code) => label(v, code, lang),
      text: (x) => textOf(x, lang),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
