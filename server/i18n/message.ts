/**
 * Every sentence the server produces (warnings, readings, refusal reasons, planner reasons, step
 * descriptions) travels as one shape: a stable code the client can key on, the parameters that
 * filled it, and the sentence in both languages. The client shows `message_zh` or `message` by the
 * chosen language and never shows raw keys or English prose on the Chinese page.
 *
 * A module keeps its sentences in one catalogue, next to the code that says them:
 *
 *   const SAY = defineMessages({
 *     OFFSET_EXTENT_REQUIRED: {
 *       en: () => 'the receiving contract must name the offset extent',
 *       zh: () => '受让区块合同须载明抵扣面积及其具体范围',
 *     },
 *     DAYS_LEFT: { en: (p: { days: number }) => `${p.days} days left`, zh: (p) => `剩余 ${p.days} 天` },
 *   });
 *   warnings.push(say(SAY, 'DAYS_LEFT', { days: 12 }));
 */
export type MessageParams = Record<string, string | number | boolean | null>;

export interface Message {
  code: string;
  params: MessageParams;
  message: string;
  message_zh: string;
}

export interface MessageTemplate<P extends MessageParams> {
  en: (p: P) => string;
  zh: (p: P) => string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own parameter type
type Catalogue = Record<string, MessageTemplate<any>>;

/** Declare a module's sentences once; the types keep `say` calls honest about codes and params. */
export function defineMessages<T extends Catalogue>(catalogue: T): T {
  return catalogue;
}

/** One sentence from a catalogue, in both languages, with its code and parameters. */
export function say<T extends Catalogue, K extends keyof T & string>(
  catalogue: T,
  code: K,
  ...params: Parameters<T[K]['en']> extends [] ? [] : [Parameters<T[K]['en']>[0]]
): Message {
  const p = (params[0] ?? {}) as MessageParams;
  const t = catalogue[code];
  return { code, params: p, message: t.en(p), message_zh: t.zh(p) };
}

/** Is this value a Message (used where older string warnings are still being migrated)? */
export function isMessage(x: unknown): x is Message {
  return typeof x === 'object' && x !== null && typeof (x as Message).code === 'string' && typeof (x as Message).message_zh === 'string';
}

/**
 * A plain number as prose writes it: thousands grouped ('1378500.5' → '1,378,500.5'). For message texts only; the
 * params keep the plain number, which programs read.
 */
export function grouped(n: string | number): string {
  const [int, frac] = String(n).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
}
