// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mergeLocales } from '../../../scripts/locales';
import { REASON_KEYS, CHECK_IDS } from '../../../src/checks/verdicts';
import { NET_ERROR_CLASSES } from '../../../src/network/error-class';
import { NET_ROLES } from '../../../src/network/evidence';
import { QUESTIONS } from '../../../src/diagnosis/rules';
import { LANGS, bcp47 } from '../../../src/i18n/langs';
import allowed from '../../../locales/same-as-english.json';

const locales = mergeLocales(process.cwd());
const en = locales.en!;
const fr = locales.fr!;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}
const SOURCES = [...files('src', /\.(ts|tsx)$/), ...files('entrypoints', /\.(ts|tsx)$/)];

/** Plural messages a language may add beyond English's _one/_other: its own Intl categories. */
function extraPlurals(lang: string): string[] {
  const bases = Object.keys(en)
    .filter((k) => /_one$/.test(k) && `${k.slice(0, -4)}_other` in en)
    .map((k) => k.slice(0, -4));
  const cats = new Intl.PluralRules(bcp47(lang)).resolvedOptions().pluralCategories.filter((c) => c !== 'one' && c !== 'other');
  return bases.flatMap((b) => cats.map((c) => `${b}_${c}`));
}
const LOCALE_DIRS = readdirSync('locales', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('locales', () => {
  it('every shipped language has its locale files, each saying its own code, and there is no other', () => {
    expect([...LOCALE_DIRS].sort()).toEqual([...LANGS].sort());
    for (const lang of LANGS) expect(locales[lang]?.lang_code?.message, lang).toBe(lang);
  });

  it("every language has exactly English's keys (plus its own plural categories), none empty", () => {
    for (const [lang, msgs] of Object.entries(locales)) {
      const extra = new Set(extraPlurals(lang));
      expect(
        Object.keys(msgs)
          .filter((k) => !extra.has(k))
          .sort(),
        lang,
      ).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(msgs)) expect(v.message.trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it('Arabic has a whole sentence for each of its plural categories', () => {
    for (const k of extraPlurals('ar')) expect(locales.ar, k).toHaveProperty(k);
  });

  it('every message in every locale file has a translator description, and each file has the same keys in every language', () => {
    const langs = LOCALE_DIRS;
    expect(langs).toEqual(expect.arrayContaining(['en', 'fr']));
    const missing: string[] = [];
    for (const lang of langs) {
      for (const file of readdirSync(join('locales', lang)).filter((f) => f.endsWith('.json'))) {
        const msgs = JSON.parse(readFileSync(join('locales', lang, file), 'utf8')) as Record<
          string,
          { message: string; description?: string }
        >;
        for (const [k, v] of Object.entries(msgs))
          if (typeof v.description !== 'string' || !v.description.trim()) missing.push(`${lang}/${file}: ${k}`);
        if (lang !== 'en') {
          const en = JSON.parse(readFileSync(join('locales', 'en', file), 'utf8')) as Record<string, unknown>;
          const extra = new Set(extraPlurals(lang));
          expect(
            Object.keys(msgs)
              .filter((k) => !extra.has(k))
              .sort(),
            `${lang}/${file}`,
          ).toEqual(Object.keys(en).sort());
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('French typography: no-break spaces before : ; ? ! and inside « », tu and no "ami(e)s"', () => {
    const bad: string[] = [];
    for (const [k, { message: m }] of Object.entries(fr)) {
      // a colon that ends a word or follows a space (not the one in about:… or chrome://)
      if (/[ \u202f]:|[^\s\u00a0/\d]:(\s|$)/.test(m.replace(/[a-z]+:\/\/\S*|about:\S+/g, ''))) bad.push(`${k}: colon`);
      if (/(^|[^\u202f])[;?!]/.test(m)) bad.push(`${k}: ; ? ! without U+202F`);
      if (/«(?!\u00a0)|(?<!\u00a0)»/.test(m)) bad.push(`${k}: « » without U+00A0`);
      if (/\(e\)s?\b/.test(m)) bad.push(`${k}: (e)s`);
    }
    expect(bad).toEqual([]);
    expect(fr.cause_not_friends_title!.message).toBe('Seuls ses amis peuvent lui écrire');
    expect(fr.popup_no_problem_title!.message).toMatch(/^Aucun problème détecté/);
  });

  it('plural counts have a message per category the language needs (at least "one" and "other")', () => {
    const bases = new Set(
      Object.keys(en)
        .filter((k) => /_one$/.test(k))
        .map((k) => k.replace(/_one$/, '')),
    );
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases)
      for (const lang of LANGS)
        for (const cat of ['one', 'other']) expect(locales[lang], `${lang}: ${base}_${cat}`).toHaveProperty(`${base}_${cat}`);
  });

  it('no message is a copy of the English, except those in locales/same-as-english.json', () => {
    const list = allowed as unknown as Record<string, Record<string, string>>;
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const ok = new Set([...Object.keys(list.all ?? {}), ...Object.keys(list[lang] ?? {})]);
      const same = Object.keys(en).filter((k) => locales[lang]![k]?.message === en[k]!.message && !ok.has(k));
      expect(same, lang).toEqual([]);
    }
  });

  it('placeholders match between languages', () => {
    const ph = (s: string) =>
      [...s.matchAll(/\$(\d)/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    for (const lang of LANGS) {
      for (const [k, v] of Object.entries(locales[lang]!)) {
        const base = en[k] ?? en[k.replace(/_(zero|two|few|many)$/, '_other')];
        expect(ph(v.message), `${lang}:${k}`).toBe(ph(base!.message));
      }
    }
  });

  it('right to left only for Arabic', () => {
    // the browser answers @@bidi_dir from the locale; the locale files must not fight it with marks
    for (const lang of LANGS)
      for (const [k, v] of Object.entries(locales[lang]!)) expect(/[\u202a-\u202e]/.test(v.message), `${lang}:${k}`).toBe(false);
  });

  it('every literal key the code asks for exists', () => {
    const missing: string[] = [];
    for (const f of SOURCES) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-z0-9_]+)'/gi)) if (!(m[1]! in en)) missing.push(`${f}: ${m[1]}`);
      for (const m of src.matchAll(/\bkey: '(ev_[a-z0-9_]+)'/g)) if (!(m[1]! in en)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('every computed key family is complete: reasons, checks, statuses, network classes, roles, questions, page kinds', () => {
    const keys = [
      ...REASON_KEYS.map((k) => `reason_${k.replace(/[^a-z0-9]+/gi, '_')}`),
      ...CHECK_IDS.map((id) => `check_${id.replace(/-/g, '_')}`),
      ...['pass', 'warn', 'fail', 'skipped', 'running'].map((st) => `status_${st}`),
      ...NET_ERROR_CLASSES.map((c) => `net_${c.replace(/-/g, '_')}`),
      ...NET_ROLES.map((r) => `role_${r.replace(/-/g, '_')}`),
      ...Object.keys(QUESTIONS).map((q) => `q_${q.replace(/-/g, '_')}`),
      ...['login', 'rate_limited', 'error', 'region_unavailable'].map((p) => `ev_page_${p}`),
      ...['rate_limited', 'server_error', 'auth', 'login_redirect'].map((h) => `ev_http_${h}`),
      ...['high', 'medium', 'low'].map((c) => `confidence_${c}`),
      'extName',
      'extDescription',
      'lang_code',
      'badge_title',
    ];
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it('components contain no hard-coded user-facing English', () => {
    const ui = SOURCES.filter((f) => f.endsWith('.tsx') || /src\/ui\/hint\.ts$/.test(f));
    expect(ui.length).toBeGreaterThan(5);
    expect(ui.flatMap((f) => hardCodedText(readFileSync(f, 'utf8')).map((t) => `${f}: ${t}`))).toEqual([]);
  });

  it('the hard-coded text scan finds what it should', () => {
    expect(hardCodedText('<p>Check again</p>')).toEqual(['text "Check again"']);
    expect(hardCodedText('<button aria-label="Close hint">x</button>')).toEqual(['aria-label="Close hint"']);
    expect(hardCodedText("el.textContent = 'Not sent';")).toEqual(["textContent 'Not sent'"]);
    expect(hardCodedText("<p>{t('popup_checks')}</p>")).toEqual([]);
  });
});

/** User-facing literal text in JSX or DOM code (type annotations and code are ignored). */
function hardCodedText(source: string): string[] {
  const src = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  for (const m of src.matchAll(/>\s*([^<>{}\n;:()=]*[A-Za-z]{3,}[^<>{}\n;:()=]*?)\s*<\//g)) out.push(`text "${m[1]!.trim()}"`);
  for (const m of src.matchAll(/\b(aria-label|title|alt|placeholder)="([^"]*[A-Za-z]{3,}[^"]*)"/g)) out.push(`${m[1]}="${m[2]}"`);
  for (const m of src.matchAll(/\.textContent\s*=\s*'([^']*[A-Za-z]{3,}[^']*)'/g)) out.push(`textContent '${m[1]}'`);
  return out;
}
