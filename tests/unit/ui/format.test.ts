import { describe, expect, it } from 'vitest';
import { clockTime, plural, relativeTime } from '../../../src/i18n/format';

// A fake lookup over whole sentences per plural category, as the locale files hold them.
const MESSAGES: Record<string, string> = {
  n_one: '$1 problem',
  n_other: '$1 problems',
  n_few: '$1 problemy', // only a language with a "few" category ever asks for it
};
const t = (key: string, subs?: (string | number)[]) => (MESSAGES[key] ?? key).replace('$1', String(subs?.[0] ?? ''));

describe('plural', () => {
  it("picks the whole sentence for the language's plural category", () => {
    expect(plural(t, 'en', 'n', 1)).toBe('1 problem');
    expect(plural(t, 'en', 'n', 0)).toBe('0 problems');
    expect(plural(t, 'en', 'n', 2)).toBe('2 problems');
    // French: 0 and 1 are "one"
    expect(plural(t, 'fr', 'n', 0)).toBe('0 problem');
    expect(plural(t, 'fr', 'n', 1)).toBe('1 problem');
    expect(plural(t, 'fr', 'n', 3)).toBe('3 problems');
    // Polish: 2–4 are "few", which this table has
    expect(plural(t, 'pl', 'n', 3)).toBe('3 problemy');
  });

  it('falls back to "other" when a language file lacks a category (e.g. French "many")', () => {
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(plural(t, 'fr', 'n', 1_000_000)).toBe('1000000 problems');
  });
});

describe('relativeTime and clockTime', () => {
  it('says times the way the language does', () => {
    expect(relativeTime('en', -2 * 60_000)).toBe('2 minutes ago');
    expect(relativeTime('fr', -2 * 60_000)).toBe('il y a 2 minutes');
    expect(relativeTime('en', 5 * 60_000)).toBe('in 5 minutes');
    expect(relativeTime('en', -30_000)).toBe('30 seconds ago');
    expect(relativeTime('en', -3 * 3_600_000)).toBe('3 hours ago');
    expect(relativeTime('en', 0)).toBe('now');
  });

  it('writes a clock time per language', () => {
    const at = new Date(2026, 0, 2, 14, 32).getTime();
    expect(clockTime('fr', at)).toBe('14:32');
    expect(clockTime('en', at)).toMatch(/^2:32\sPM$/);
  });
});
