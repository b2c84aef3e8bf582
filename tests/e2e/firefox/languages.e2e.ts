import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixtureHtml, popupInfo, firefoxSuite } from '../harness/firefox';

// Issue #15 in Firefox: intl.locale.requested with Debian's firefox-esr-l10n-de / -ar language packs
// makes browser.i18n pick _locales/de or _locales/ar. German (the longest) and Arabic (right to left).

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const causes = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/causes.json`, 'utf8')) as Record<string, { message: string }>;
const launch = firefoxSuite();

describe.each(['de', 'ar'])('Firefox in %s', (lang) => {
  it('popup and hint in the language and its direction; the fix button within 600 px at 400 px', async () => {
    const words = causes(lang);
    const ff = await launch({ locale: lang });
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-failed-e2-friends-only.html'));
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const inHint = await page.evaluate(() => {
      const box = document.querySelector('dm-doctor-hint')?.shadowRoot?.querySelector<HTMLElement>('.hint');
      return { text: box?.textContent ?? '', dir: box?.dir, lang: box?.lang };
    });
    expect(inHint.text).toContain(words.cause_not_friends_title!.message);
    expect(inHint).toMatchObject({ dir: lang === 'ar' ? 'rtl' : 'ltr', lang });

    const popup = await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'problem', 20_000);
    await popup.setViewport({ width: 400, height: 600 });
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      lang,
      lang === 'ar' ? 'rtl' : 'ltr',
    ]);
    expect(await popup.$eval('[data-testid="top-cause"] h2', (el) => el.textContent)).toBe(words.cause_not_friends_title!.message);
    const fold = await popup.evaluate(() => {
      const el = document.querySelector('[data-testid="top-cause"] [data-testid="fix-action"]');
      return { width: document.documentElement.scrollWidth, fix: el ? el.getBoundingClientRect().bottom + window.scrollY : null };
    });
    expect(fold.width, JSON.stringify(fold)).toBeLessThanOrEqual(400);
    expect(fold.fix ?? Infinity, JSON.stringify(fold)).toBeLessThanOrEqual(600);
  });
});
