import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { fixtureHtml, popupInfo, firefoxSuite, type FirefoxSession } from '../harness/firefox';
import { HOST_PAGES } from '../../fixtures/index';
import { BUSINESS_UIDS, businessChatUrl } from '../../fixtures/make-fixtures';

// Firefox: a business account's inbox. The Business Suite top page hosts the chat in a same-origin
// iframe that it rebuilds on a conversation click; the iframe's reports are the tab's evidence and
// the hint shows inside the iframe. Build first: npm run build.

const SUITE = HOST_PAGES.find((p) => p.file === 'business-suite-inbox.html')!;
const suiteUrl = (uid: string) => `https://www.tiktok.com/business-suite/messages?from=homepage&lang=en&u=${uid}`;
const launch = firefoxSuite();

async function openSuite(ff: FirefoxSession, uid: string): Promise<Page> {
  ff.proxy.page(businessChatUrl(BUSINESS_UIDS.failed), fixtureHtml('business-failed-e5.html'));
  ff.proxy.page(businessChatUrl(BUSINESS_UIDS.healthy), fixtureHtml('business-healthy.html'));
  // the top page after the SPA's conversation switch is served too, should anything reload it
  ff.proxy.page(`https://www.tiktok.com/business-suite/messages?lang=en&u=${BUSINESS_UIDS.healthy}`, fixtureHtml(SUITE.file));
  return ff.openTikTok(suiteUrl(uid), fixtureHtml(SUITE.file));
}

/** The current chat iframe's frame (the element is replaced on a conversation switch). */
async function chatFrame(page: Page, uid: string): Promise<Frame> {
  const el = await page.waitForSelector(`iframe[src$="u=${uid}"]`, { timeout: 10_000 });
  const frame = await el!.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
  return frame;
}

const hints = (where: Page | Frame) => where.evaluate(() => document.querySelectorAll('dm-doctor-hint').length);

/** The toolbar badge of a tab, read from an extension page (the popup). */
const badgeText = (extensionPage: Page, tabId: number) =>
  extensionPage.evaluate(
    (id) =>
      (
        globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string> } } }
      ).browser.browserAction.getBadgeText({ tabId: id }),
    tabId,
  );

describe('Firefox: business inbox (Business Suite + chat iframe)', () => {
  it('a failed business chat: problem with its cause, badge, hint inside the iframe; a switch to a healthy chat clears it', async () => {
    const ff = await launch();
    const page = await openSuite(ff, BUSINESS_UIDS.failed);
    const frame = await chatFrame(page, BUSINESS_UIDS.failed);
    await frame.waitForSelector('dm-doctor-hint[data-cause-id="recipient-settings"][data-settled="true"]', { timeout: 10_000 });
    expect(await frame.evaluate(() => document.querySelector('dm-doctor-hint')?.parentElement === document.body)).toBe(true);
    expect(await hints(page), 'hints in the Business Suite top document').toBe(0);

    const tabId = await ff.tabIdOf(page);
    const popup = await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'problem', 15_000);
    expect(await popupInfo(popup)).toMatchObject({ state: 'problem', settled: 'true', tabId: String(tabId) });
    expect(await popup.$eval('[data-testid="top-cause"]', (el) => el.getAttribute('data-cause-id'))).toBe('recipient-settings');
    expect(await popup.$eval('[data-testid="notice-text"]', (el) => el.textContent)).toMatch(
      /^The message couldn’t be sent due to receiver’s settings/,
    );
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5000 }).toBe('!');
    await popup.close();

    await page.bringToFront();
    await page.click(`[data-conv-id*=":${BUSINESS_UIDS.healthy}:"]`);
    const next = await chatFrame(page, BUSINESS_UIDS.healthy);
    expect(await page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(1);
    const cleared = await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'no-problem', 15_000);
    expect(await popupInfo(cleared)).toMatchObject({ state: 'no-problem', settled: 'true' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await hints(next)).toBe(0);
    expect(await hints(page)).toBe(0);
    await expect.poll(() => badgeText(cleared, tabId), { timeout: 5000 }).toBe('');
  });

  it('a healthy business chat: no hint, no problem, no badge', async () => {
    const ff = await launch();
    const page = await openSuite(ff, BUSINESS_UIDS.healthy);
    const frame = await chatFrame(page, BUSINESS_UIDS.healthy);
    const popup = await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'no-problem', 15_000);
    expect(await popupInfo(popup)).toMatchObject({ state: 'no-problem', settled: 'true' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hints(frame)).toBe(0);
    expect(await hints(page)).toBe(0);
    expect(await badgeText(popup, await ff.tabIdOf(page))).toBe('');
  });
});
