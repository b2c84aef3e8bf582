import { describe, expect, it } from 'vitest';
import { fixtureHtml, popupInfo, firefoxSuite } from '../harness/firefox';

// Firefox in French: intl.locale.requested = 'fr' (with the firefox-esr-l10n-fr language pack
// installed) makes browser.i18n pick _locales/fr. Build first: npm run build.

const CHAT = 'https://www.tiktok.com/messages?lang=fr&u=7301948089581';

const launch = firefoxSuite();

describe('Firefox in French', () => {
  it('shows the popup and the hint in French', async () => {
    const ff = await launch({ locale: 'fr' });
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    await page.waitForSelector('dm-doctor-hint[data-cause-id="sending-too-fast"][data-settled="true"]', { timeout: 10_000 });
    const hintText = await page.evaluate(() => document.querySelector('dm-doctor-hint')?.shadowRoot?.textContent ?? '');
    expect(hintText).toContain('Tu envoies des messages trop vite');

    const popup = await ff.openPopupFor(page);
    expect(await popupInfo(popup)).toMatchObject({ state: 'problem', settled: 'true' });
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await popup.$eval('[data-testid="top-cause"] h2', (el) => el.textContent)).toBe('Tu envoies des messages trop vite');
    // TikTok's own notice stays verbatim, whatever the language
    expect(await popup.$eval('[data-testid="notice-text"]', (el) => el.textContent)).toBe(
      'You are sending messages too fast. Take a rest.',
    );
  });
});
