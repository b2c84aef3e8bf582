// Numbers and times in words, for every language the extension ships. Counts pick a whole
// sentence per plural category (Intl.PluralRules): a message `<base>_one`, `<base>_other`, and
// where a language needs them `<base>_few`, `<base>_many`, `<base>_two`, `<base>_zero`. The number
// is the message's $1. A category a language's file lacks falls back to `<base>_other`, so adding
// a language means adding its messages, never code.

import { bcp47 } from './langs';

export type Lookup = (key: string, subs?: (string | number)[]) => string;

/** The sentence for `n` things, e.g. plural(t, 'fr', 'popup_checks_ok', 2) → "2 OK". */
export function plural(t: Lookup, lang: string, base: string, n: number): string {
  let category: string;
  try {
    category = new Intl.PluralRules(bcp47(lang)).select(n);
  } catch {
    category = n === 1 ? 'one' : 'other';
  }
  const key = `${base}_${category}`;
  const s = t(key, [n]);
  return s && s !== key ? s : t(`${base}_other`, [n]);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "2 minutes ago", "in 5 minutes", "now" — in the given language. */
export function relativeTime(lang: string, deltaMs: number): string {
  const abs = Math.abs(deltaMs);
  const [unit, size] = UNITS.find(([, ms]) => abs >= ms) ?? UNITS[UNITS.length - 1]!;
  const value = Math.round(deltaMs / size);
  try {
    return new Intl.RelativeTimeFormat(bcp47(lang), { numeric: 'auto' }).format(value, unit);
  } catch {
    return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(value, unit);
  }
}

/** A clock time such as "14:32" or "2:32 PM", as the language writes it. */
export function clockTime(lang: string, at: number): string {
  try {
    return new Intl.DateTimeFormat(bcp47(lang), { hour: 'numeric', minute: '2-digit' }).format(at);
  } catch {
    return new Date(at).toISOString().slice(11, 16);
  }
}
