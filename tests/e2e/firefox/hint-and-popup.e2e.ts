import { describe, expect, it } from 'vitest';
import { fixtureHtml, hintInfo, popupInfo, firefoxSuite } from '../harness/firefox';
import { HANDLE_MARKER, MARKER } from '../../fixtures/index';

// Firefox (MV2 production build): the content script, the in-page hint and the popup, with a fresh
// profile per test and tiktok.com played by the local proxy. Build first: npm run build.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const launch = firefoxSuite();

describe('Firefox: content script, hint and popup', () => {
  it('shows the hint and the popup cause for a failed message with a known notice (E1)', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    await page.waitForSelector('dm-doctor-hint[data-cause-id="sending-too-fast"][data-settled="true"]', { timeout: 10_000 });
    expect(await hintInfo(page)).toEqual({ causeId: 'sending-too-fast', settled: 'true', openShadow: true, inBody: true });
    // announced politely to screen readers, from inside the open shadow root
    expect(await page.evaluate(() => !!document.querySelector('dm-doctor-hint')?.shadowRoot?.querySelector('[aria-live="polite"]'))).toBe(
      true,
    );

    const popup = await ff.openPopupFor(page);
    expect(await popupInfo(popup)).toMatchObject({ state: 'problem', settled: 'true', tabId: String(await ff.tabIdOf(page)) });
    const top = await popup.$eval('[data-testid="top-cause"]', (el) => ({
      cause: el.getAttribute('data-cause-id'),
      confidence: el.getAttribute('data-confidence'),
      actions: el.querySelectorAll('[data-testid="fix-action"]').length,
      notice: el.querySelector('[data-testid="notice-text"]')?.textContent,
    }));
    expect(top).toEqual({
      cause: 'sending-too-fast',
      confidence: 'high',
      actions: 1,
      notice: 'You are sending messages too fast. Take a rest.',
    });
  });

  it('does not watch /foryou, and attaches when the SPA navigates to /messages', async () => {
    const ff = await launch();
    // A failed bubble in the markup, but the route is not /messages: nothing may look at it.
    const page = await ff.openTikTok('https://www.tiktok.com/foryou', fixtureHtml('dm-new-failed-e1-too-fast.html'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await hintInfo(page)).toBeNull();
    const popup = await ff.openPopupFor(page);
    expect(await popupInfo(popup)).toMatchObject({ state: 'no-problem', settled: 'true' });
    await popup.close();

    await page.bringToFront();
    await page.evaluate(() => history.pushState({}, '', '/messages?lang=en&u=7301948089581'));
    await page.waitForSelector('dm-doctor-hint[data-cause-id="sending-too-fast"]', { timeout: 10_000 });
    expect((await hintInfo(page))?.inBody).toBe(true);
    const onMessages = await ff.openPopupFor(page);
    expect(await popupInfo(onMessages)).toMatchObject({ state: 'problem', settled: 'true' });
    await onMessages.close();

    // and leaves again: the hint goes, the tab is no longer a problem
    await page.bringToFront();
    await page.evaluate(() => history.pushState({}, '', '/foryou'));
    await page.waitForFunction(() => !document.querySelector('dm-doctor-hint'), { timeout: 10_000 });
    await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'no-problem');
  });

  it('shows no hint and no problem on a healthy chat, and keeps message text out of the report', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-healthy.html'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await hintInfo(page)).toBeNull();
    const popup = await ff.openPopupFor(page);
    expect(await popupInfo(popup)).toMatchObject({ state: 'no-problem', settled: 'true' });
    expect(await popup.$('[data-testid="top-cause"]')).toBeNull();
    const report = await popup.$eval('[data-testid="report-text"]', (el) => el.textContent ?? '');
    expect(report).toContain('State: no-problem');
    expect(report).not.toContain(MARKER);
    expect(report).not.toContain(HANDLE_MARKER);
    expect(await popup.evaluate(() => document.body.textContent ?? '')).not.toContain(MARKER);
  });

  // BUG (entrypoints/background.ts tabs.onUpdated + src/background/tab-store.ts mostRecentTab): every
  // non-TikTok tab that finishes loading gets a tab state with a fresh `reportedAt`, so "the TikTok
  // tab with the most recent report" resolves to that other tab (here the popup's own tab, or a tab
  // on another site) and the popup says not-tiktok. Remove `.fails` once fixed.
  it('without ?tab=, describes the TikTok tab with the most recent report even after another tab loaded', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const tabId = String(await ff.tabIdOf(page));
    const elsewhere = await ff.browser.newPage();
    await elsewhere.goto('data:text/html,<h1>elsewhere</h1>');
    const popup = await ff.openPopup();
    expect(await popupInfo(popup)).toMatchObject({ state: 'problem', tabId });
  });
});
