import { describe, expect, it } from 'vitest';
import { fixtureHtml, popupInfo, firefoxSuite } from '../harness/firefox';
import { readFileSync } from 'node:fs';

// Firefox: the popup states not covered elsewhere — not-tiktok, ui-unrecognized and checking —
// each with what it shows (texts from the locale files).
const en = JSON.parse(readFileSync('locales/en/ui.json', 'utf8')) as Record<string, { message: string }>;
const launch = firefoxSuite();

describe('Firefox: popup states', () => {
  it('not-tiktok for a tab id that names no tab, with what DM Doctor does and a link to TikTok messages', async () => {
    const ff = await launch();
    const popup = await ff.openPopup('?tab=999999');
    expect(await popupInfo(popup)).toMatchObject({ state: 'not-tiktok', settled: 'true' });
    expect(await popup.$eval('.intro h2', (e) => e.textContent)).toBe(en.popup_not_tiktok_title!.message);
    expect(await popup.$eval('.intro a.primary', (e) => e.getAttribute('href'))).toBe('https://www.tiktok.com/messages');
    expect(await popup.$$eval('[data-testid="check"]', (els) => els.length)).toBe(9);
  });

  it('ui-unrecognized when no landmark appears, said honestly', async () => {
    const ff = await launch();
    const page = await ff.openTikTok('https://www.tiktok.com/messages?lang=en&u=7301948089581', fixtureHtml('damaged.html'));
    const popup = await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'ui-unrecognized', 20_000);
    expect(await popupInfo(popup)).toMatchObject({ state: 'ui-unrecognized', settled: 'true' });
    expect(await popup.$eval('.intro h2', (e) => e.textContent)).toBe(en.popup_unrecognized_title!.message);
  });

  it('checking while the probes run on a TikTok tab with nothing reported yet, each check "running"', async () => {
    const ff = await launch();
    ff.proxy.route((req) => (req.path?.startsWith('/robots.txt') || req.host === 'im-api.tiktok.com' ? 'hang' : undefined));
    const page = await ff.openTikTok(
      'https://www.tiktok.com/foryou',
      '<html><head><title>For You</title></head><body><main>feed</main></body></html>',
    );
    const popup = await ff.openPopupFor(page);
    expect((await popupInfo(popup)).state).toBe('no-problem');
    await popup.click('[data-testid="check-again"]');
    await popup.waitForSelector('[data-testid="popup"][data-state="checking"][data-settled="false"]', { timeout: 10_000 });
    expect(await popup.$$eval('[data-testid="check"][data-status="running"]', (els) => els.length)).toBeGreaterThan(0);
    expect(await popup.$eval('.intro h2', (e) => e.textContent)).toBe(en.popup_checking_title!.message);
  });
});
