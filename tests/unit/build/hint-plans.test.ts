import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hintPlan } from '../../../src/causes/hint-plan';
import { hintPlanKey, type HintPlan } from '../../../src/causes/hint-words';
import { CAUSE_IDS } from '../../../src/contracts/cause-ids';
import { msgKey } from '../../../src/i18n/keys';
import { isLang } from '../../../src/i18n/langs';

// The hint's plans are written into _locales at build time (wxt.config.ts) and read back by the
// background: each built package carries, in every language, every cause's plan for its own browser,
// and every message a plan names exists (in that language or in English, the browser's fallback).
// Needs the production builds (`npm run build`, which `npm test` runs first).

for (const [dir, browser] of [
  ['chrome-mv3', 'chrome'],
  ['firefox-mv2', 'firefox'],
] as const) {
  describe(`hint plans: ${dir}`, () => {
    const root = resolve('.output', dir, '_locales');
    it("every language has every cause's plan for this browser, naming only messages it has", () => {
      expect(existsSync(root), `${root}: run "npm run build" first`).toBe(true);
      const read = (lang: string) =>
        JSON.parse(readFileSync(resolve(root, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      const en = read('en');
      const langs = readdirSync(root);
      expect(langs.length).toBeGreaterThan(1);
      for (const lang of langs) {
        if (!isLang(lang)) throw new Error(`_locales/${lang}: not one of the extension's languages`);
        const messages = read(lang);
        for (const id of CAUSE_IDS) {
          const where = `${dir} ${lang} ${id}`;
          const shipped = messages[hintPlanKey(id)]?.message;
          expect(shipped, where).toBeTypeOf('string');
          const plan = JSON.parse(shipped!) as HintPlan;
          expect(plan, where).toEqual(hintPlan(id, browser, lang));
          const names = ['title', 'why', ...plan.steps, ...(plan.fix ? [plan.fix.label, plan.fix.profileLabel ?? 'title'] : [])];
          for (const name of names) {
            const key = msgKey('cause', id, name);
            expect(messages[key]?.message ?? en[key]?.message, `${where}: ${key}`).toBeTruthy();
          }
        }
      }
    });
  });
}
