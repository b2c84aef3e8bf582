import { describe, expect, it } from 'vitest';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { evidenceClasses, popupState, runChecksFromPopup } from '../harness/popup';
import type { Page } from 'playwright-core';

const launch = chromiumSuite();

// Issue 11 item 9: TikTok's servers answering 5xx on several hosts is an outage, not a glitch.
// The chat's failed bubble is in the fixture; the page then sends to the IM API (as TikTok's page
// does) and the popup's "check again" probes www, the IM API and the socket host.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
let s: ChromiumSession | undefined;

/** The page sends `n` times to the IM API (the send and its retries). */
async function pageSends(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.evaluate(() =>
      fetch('https://im-api.tiktok.com/v1/message/send?aid=1988', { method: 'POST', mode: 'no-cors', body: 'x' }).catch(() => undefined),
    );
  }
}

/** Waits until the popup's evidence shows the 5xx answers, then runs the checks from the popup. */
async function checkAgain(popup: Page): Promise<Record<string, string>> {
  await expect
    .poll(
      async () => {
        await popup.reload();
        await popup.waitForSelector('[data-testid="popup"][data-settled="true"]');
        return evidenceClasses(popup);
      },
      { timeout: 15_000 },
    )
    .toContain('http-server-error');
  return runChecksFromPopup(popup);
}

async function topCause(popup: Page): Promise<{ id: string | null; confidence: string | null }> {
  const top = popup.locator('[data-testid="top-cause"]');
  return { id: await top.getAttribute('data-cause-id'), confidence: await top.getAttribute('data-confidence') };
}

describe('Chromium: TikTok server trouble', () => {
  it("503 on the send and its retry, then on the check's www, IM API and socket requests → tiktok-outage, not a glitch", async () => {
    s = await launch();
    s.serve(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    s.handle((url) =>
      url.host === 'im-api.tiktok.com' || (url.host === 'www.tiktok.com' && url.pathname === '/robots.txt')
        ? { status: 503, body: 'Service Unavailable' }
        : undefined,
    );
    s.wss.mode = 503;
    const page = await s.open(CHAT);
    await pageSends(page, 2);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    const statuses = await checkAgain(popup);
    // reachable, so the network is not to blame: the servers are
    expect(statuses).toMatchObject({ 'reach-www': 'pass', 'reach-im-api': 'pass' });
    expect((await popupState(popup)).state).toBe('problem');
    const top = await topCause(popup);
    expect(top).toEqual({ id: 'tiktok-outage', confidence: 'high' });
    expect(top.id).not.toBe('temporary-glitch');
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-cause-id'), { timeout: 10_000 }).toBe('tiktok-outage');
  });

  it('control: a single 503 on the send, healthy checks → not a high-confidence outage', async () => {
    s = await launch();
    s.serve(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    let sends = 0;
    s.handle((url) =>
      url.host === 'im-api.tiktok.com' && url.pathname.startsWith('/v1/message/send') && sends++ === 0
        ? { status: 503, body: '' }
        : undefined,
    );
    const page = await s.open(CHAT);
    await pageSends(page, 1);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    const statuses = await checkAgain(popup);
    expect(statuses).toMatchObject({ 'reach-www': 'pass', 'reach-im-api': 'pass', 'im-websocket': 'pass' });
    expect((await popupState(popup)).state).toBe('problem');
    const top = await topCause(popup);
    expect(top.id === 'tiktok-outage' && top.confidence === 'high').toBe(false);
    expect(top.id).toBe('temporary-glitch');
  });
});
