import { describe, expect, it } from 'vitest';
import { fixtureHtml, lateInstallSuite } from '../harness/chromium-suite';
import { popupState } from '../harness/popup';
import { axeViolations } from '../harness/axe';

// Chrome does not inject content scripts into tabs that were open before the extension was
// installed or updated. Such an inbox, with a failed message on screen, must not read "no problem":
// the popup says the tab needs a reload and offers it in one click (tabs.reload, no permission).

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const launch = lateInstallSuite({ artifacts: 'not-loaded-' });

describe('Chromium: a TikTok tab opened before the extension was installed', () => {
  it('reads not-loaded with one "Reload this tab" first; the reload brings the content script and the real cause', async () => {
    const s = await launch();
    s.serve(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const tiktok = await s.open(CHAT);
    expect(await tiktok.locator('[data-e2e="dm-warning"] svg').count()).toBe(1); // the failure is on screen

    const { extensionId, worker } = await s.install();
    const tabId = await worker.evaluate(async (url) => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
      ).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? null;
    }, CHAT);
    expect(tabId).not.toBeNull();
    await tiktok.waitForTimeout(1000);
    expect(await tiktok.locator('dm-doctor-hint').count(), 'no content script in the old tab').toBe(0);
    // the grey "?" on the toolbar, set at install
    const badge = () =>
      worker.evaluate(
        async (id) =>
          (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({
            tabId: id,
          }),
        tabId!,
      );
    await expect.poll(badge, { timeout: 5000 }).toBe('?');
    // the old page keeps talking to TikTok: its network events must not wipe the mark
    await tiktok.evaluate(() => fetch('/api/im/ping').catch(() => undefined));
    await tiktok.waitForTimeout(1000);
    expect(await badge()).toBe('?');

    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 20_000 });
    expect(await popupState(popup)).toMatchObject({ state: 'ui-unrecognized', settled: 'true', tabId: String(tabId) });
    const root = popup.locator('[data-testid="popup"]');
    expect(await root.getAttribute('data-reason')).toBe('not-loaded');
    expect(await popup.locator('[data-testid="fix-action"]').count()).toBe(1);
    expect(await popup.locator('[data-testid="popup"] > [data-testid="fix-action"][data-action="reload-tab"]').count()).toBe(1);
    expect(await popup.locator('[data-testid="top-cause"]').count()).toBe(0);
    // before anything else that can be clicked
    const firstClickable = await popup.evaluate(() =>
      document.querySelector('a[href], button, input, select, textarea, summary, [tabindex]')?.getAttribute('data-action'),
    );
    expect(firstClickable).toBe('reload-tab');
    expect(await popup.locator('.intro h2').textContent()).toBe('Reload this tab to start DM Doctor here');
    expect(await axeViolations(popup), 'axe on the not-loaded popup').toEqual([]);

    const reloaded = tiktok.waitForEvent('load');
    await popup.click('[data-testid="fix-action"][data-action="reload-tab"]');
    await reloaded;
    // the same popup follows the reloaded tab to its real answer
    await popup.waitForSelector('[data-testid="popup"][data-state="problem"][data-settled="true"]', { timeout: 20_000 });
    expect(await root.getAttribute('data-reason')).toBeNull();
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('sending-too-fast');
    await expect.poll(() => tiktok.locator('dm-doctor-hint').getAttribute('data-cause-id'), { timeout: 10_000 }).toBe('sending-too-fast');
    await expect.poll(badge, { timeout: 5000 }).toBe('!');
  });
});
