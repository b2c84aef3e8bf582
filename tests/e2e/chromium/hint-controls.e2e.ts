import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { popupState } from '../harness/popup';
import { FIXTURES } from '../../fixtures/index';

const launch = chromiumSuite();

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const E2 = FIXTURES.find((f) => f.file === 'dm-new-failed-e2-friends-only.html')!;
let s: ChromiumSession;

beforeEach(async () => {
  s = await launch();
});

const badge = (tabId: number) =>
  s
    .inWorker(() => Promise.resolve(null))
    .then(async () => {
      const w = await s.worker();
      return w.evaluate(
        async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
        tabId,
      );
    });

describe('Chromium: fix links, badge, dismiss and the hints switch', () => {
  it("links the popup to the help article and the hint to the person's profile; the badge names the cause", async () => {
    s.serve(CHAT, fixtureHtml(E2.file));
    const page = await s.open(CHAT);
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-settled'), { timeout: 10_000 }).toBe('true');
    const tabId = await s.tabId(page);
    const popup = await s.popup(`?tab=${tabId}`);
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('not-friends');
    const fix = popup.locator('[data-testid="top-cause"] [data-testid="fix-action"]');
    expect(await fix.getAttribute('data-action')).toBe('open-url');
    // the hint and the popup (asking the tab's content script) both open the open chat's profile;
    // the handle is kept in memory only
    const profile = `https://www.tiktok.com/@${E2.handle!.replace(/^@/, '')}`;
    await expect.poll(() => fix.getAttribute('href'), { timeout: 5000 }).toBe(profile);
    const hintHref = await page.evaluate(() =>
      document.querySelector('dm-doctor-hint')?.shadowRoot?.querySelector('a.fix')?.getAttribute('href'),
    );
    expect(hintHref).toBe(profile);
    const b = await badge(tabId);
    expect(b.text).toBe('!');
    expect(b.title).toContain(await popup.locator('#top-title').textContent());
    // leaving /messages clears the badge and the hint
    await page.evaluate(() => history.pushState({}, '', '/foryou'));
    await expect.poll(() => page.locator('dm-doctor-hint').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await badge(tabId)).text, { timeout: 10_000 }).toBe('');
  });

  it('keeps a dismissed hint dismissed for that failure, and the hints switch removes and restores it', async () => {
    s.serve(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const page = await s.open(CHAT);
    const hint = page.locator('dm-doctor-hint');
    await expect.poll(() => hint.getAttribute('data-settled'), { timeout: 10_000 }).toBe('true');
    // Details opens the explanation inside the hint
    await page.locator('dm-doctor-hint button.more').click();
    expect(await page.locator('dm-doctor-hint .details').isVisible()).toBe(true);
    await page.locator('dm-doctor-hint button.dismiss').click();
    expect(await hint.count()).toBe(0);
    await page.waitForTimeout(1500); // the watcher rescans every second: it must not come back
    expect(await hint.count()).toBe(0);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect((await popupState(popup)).state).toBe('problem'); // dismissing hides the hint, not the diagnosis

    // a new failure in the same chat gets its own hint
    await page.evaluate(() => {
      const failed = [...document.querySelectorAll('[data-e2e="dm-warning"]')]
        .find((w) => w.querySelector('svg'))!
        .closest('[data-e2e="dm-new-chat-item"]')!;
      const copy = failed.cloneNode(true) as Element;
      const time = copy.querySelector('[class*="DivTimeContainer"]');
      if (time) time.textContent = '9:59 PM';
      else copy.append(Object.assign(document.createElement('span'), { textContent: 'another message' }));
      const rows = document.querySelectorAll('[data-e2e="dm-new-chat-item"]');
      rows[rows.length - 1]!.after(copy);
    });
    await expect.poll(() => hint.count(), { timeout: 10_000 }).toBe(1);

    const toggle = popup.locator('[data-testid="hints-toggle"]');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await toggle.isVisible()).toBe(false); // settings wait behind their disclosure
    await popup.locator('details.settings > summary').click();
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => hint.count(), { timeout: 10_000 }).toBe(0);
    await toggle.click();
    await expect.poll(() => hint.count(), { timeout: 10_000 }).toBe(1);
  });
});
