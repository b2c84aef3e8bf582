// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, bcp47 } from '../../../src/i18n/langs';

// What the browser really gets: _locales in both production builds (npm run build).

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
type Messages = Record<string, { message: string; description?: string }>;

function read(build: string, lang: string): Messages {
  const file = join(build, '_locales', lang, 'messages.json');
  if (!existsSync(file)) throw new Error(`No production build at ${build}: run "npm run build" first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

describe.each(BUILDS)('built _locales (%s)', (build) => {
  it('has every language, each with the English keys (plus its own plural categories)', () => {
    expect(readdirSync(join(build, '_locales')).sort()).toEqual([...LANGS].sort());
    const en = read(build, 'en');
    for (const lang of LANGS) {
      const cats = new Intl.PluralRules(bcp47(lang)).resolvedOptions().pluralCategories.filter((c) => c !== 'one' && c !== 'other');
      const extra = (k: string) => cats.some((c) => k.endsWith(`_${c}`) && `${k.slice(0, -c.length - 1)}_other` in en);
      expect(
        Object.keys(read(build, lang))
          .filter((k) => !extra(k))
          .sort(),
        lang,
      ).toEqual(Object.keys(en).sort());
    }
  });

  it("ships messages only (the translators' descriptions stay in the repo)", () => {
    for (const lang of LANGS)
      for (const [k, v] of Object.entries(read(build, lang))) expect(Object.keys(v), `${lang}:${k}`).toEqual(['message']);
  });

  it('names the extension in every language through the manifest, English by default', () => {
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as {
      name: string;
      description: string;
      default_locale: string;
    };
    expect(manifest).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en' });
    for (const lang of LANGS) expect(read(build, lang).extName?.message, lang).toMatch(/DM Doctor/);
  });
});
