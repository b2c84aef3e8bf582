import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { popupState } from '../harness/popup';
import { HOST_PAGES } from '../../fixtures/index';
import { BUSINESS_UIDS, businessChatUrl } from '../../fixtures/make-fixtures';

const launch = chromiumSuite();

// A business account's inbox: the Business Suite top page (/business-suite/messages) hosts the chat
// in a same-origin iframe (/messages?…scene=business) that it rebuilds on a conversation click.
// The iframe's reports are the tab's evidence and the hint shows inside the iframe.

const SUITE = HOST_PAGES.find((p) => p.file === 'business-suite-inbox.html')!;
const suiteUrl = (uid: string) => `https://www.tiktok.com/business-suite/messages?from=homepage&lang=en&u=${uid}`;
let s: ChromiumSession;

beforeEach(async () => {
  s = await launch();
  s.serve('https://www.tiktok.com/business-suite/messages', fixtureHtml(SUITE.file)); // any query
  s.serve(businessChatUrl(BUSINESS_UIDS.failed), fixtureHtml('business-failed-e5.html'));
  s.serve(businessChatUrl(BUSINESS_UIDS.healthy), fixtureHtml('business-healthy.html'));
});

const badge = async (tabId: number) => {
  const w = await s.worker();
  return w.evaluate(async (id) => {
    const action = (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }
    ).chrome.action;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
};

/** The current chat iframe (the element is replaced on a conversation switch). */
async function chatFrame(page: Page, uid: string): Promise<Frame> {
  const el = await page.waitForSelector(`iframe[src$="u=${uid}"]`, { timeout: 10_000 });
  const frame = await el.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState('load');
  return frame;
}

/** A settled popup for the tab once `until` holds (a settled popup stops polling: reopen). */
async function popupWhen(tabId: number, until: (p: Page) => Promise<boolean>, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const popup = await s.popup(`?tab=${tabId}`);
    if (await until(popup)) return popup;
    if (Date.now() > deadline) return popup;
    await popup.close();
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Border-box distance (px) between the hint and the failed row's warning icon, inside the frame. */
const hintToIcon = (frame: Frame) =>
  frame.evaluate(() => {
    const host = document.querySelector('dm-doctor-hint');
    const card = host?.shadowRoot?.firstElementChild?.nextElementSibling ?? host;
    const icon = document.querySelector('[data-e2e="dm-warning"] svg');
    if (!card || !icon) return null;
    const a = card.getBoundingClientRect();
    const b = icon.getBoundingClientRect();
    const dx = Math.max(0, b.left - a.right, a.left - b.right);
    const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
    return Math.hypot(dx, dy);
  });

describe('Chromium: business inbox (Business Suite + chat iframe)', () => {
  it('a failed business chat: problem with its cause, badge, hint inside the iframe beside the failure; a switch to a healthy chat clears all', async () => {
    const page = await s.open(suiteUrl(BUSINESS_UIDS.failed));
    const frame = await chatFrame(page, BUSINESS_UIDS.failed);
    await frame.waitForSelector('dm-doctor-hint[data-cause-id="recipient-settings"][data-settled="true"]', { timeout: 10_000 });
    expect(await frame.evaluate(() => document.querySelector('dm-doctor-hint')?.parentElement === document.body)).toBe(true);
    expect(await hintToIcon(frame)).toBeLessThanOrEqual(160);
    expect(await page.evaluate(() => document.querySelectorAll('dm-doctor-hint').length), 'hints in the Business Suite top document').toBe(
      0,
    );

    const tabId = await s.tabId(page);
    const popup = await popupWhen(tabId, async (p) => (await popupState(p)).state === 'problem');
    expect(await popupState(popup)).toMatchObject({ state: 'problem', settled: 'true', tabId: String(tabId) });
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('recipient-settings');
    expect(await popup.locator('[data-testid="notice-text"]').textContent()).toMatch(
      /^The message couldn’t be sent due to receiver’s settings/,
    );
    await expect.poll(async () => (await badge(tabId)).text, { timeout: 5000 }).toBe('!');
    // A conversation click: the Business Suite replaces the iframe with one for the other (healthy) chat.
    await page.locator('[data-conv-id*=":7301948089582:"]').click();
    const next = await chatFrame(page, BUSINESS_UIDS.healthy);
    expect(await page.locator('iframe').count()).toBe(1);
    const cleared = await popupWhen(tabId, async (p) => (await popupState(p)).state === 'no-problem');
    expect(await popupState(cleared)).toMatchObject({ state: 'no-problem', settled: 'true' });
    await next.waitForTimeout(1000);
    expect(await next.evaluate(() => document.querySelectorAll('dm-doctor-hint').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('dm-doctor-hint').length)).toBe(0);
    await expect.poll(async () => (await badge(tabId)).text, { timeout: 10_000 }).toBe('');
  });

  it('when the chat iframe goes away, its evidence goes with it', async () => {
    const page = await s.open(suiteUrl(BUSINESS_UIDS.failed));
    const frame = await chatFrame(page, BUSINESS_UIDS.failed);
    await frame.waitForSelector('dm-doctor-hint[data-cause-id="recipient-settings"][data-settled="true"]', { timeout: 10_000 });
    const tabId = await s.tabId(page);
    await page.evaluate(() => document.querySelector('iframe')?.remove());
    const popup = await popupWhen(tabId, async (p) => (await popupState(p)).state === 'ui-unrecognized', 20_000);
    expect(await popupState(popup)).toMatchObject({ state: 'ui-unrecognized', settled: 'true' });
    expect(await popup.locator('[data-testid="popup"]').getAttribute('data-reason')).toBe('page-changed');
    await expect.poll(async () => (await badge(tabId)).text, { timeout: 5000 }).not.toBe('!');
  });

  it('a healthy business chat: no hint, no problem, no badge', async () => {
    const page = await s.open(suiteUrl(BUSINESS_UIDS.healthy));
    const frame = await chatFrame(page, BUSINESS_UIDS.healthy);
    const tabId = await s.tabId(page);
    const popup = await popupWhen(tabId, async (p) => (await popupState(p)).state === 'no-problem');
    expect(await popupState(popup)).toMatchObject({ state: 'no-problem', settled: 'true' });
    await frame.waitForTimeout(1500);
    expect(await frame.evaluate(() => document.querySelectorAll('dm-doctor-hint').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('dm-doctor-hint').length)).toBe(0);
    expect((await badge(tabId)).text).toBe('');
  });

  it('a Business Suite page whose chat frame never comes is not "no problem"', async () => {
    // the same top page without its script: no chat iframe is ever built
    const url = suiteUrl('7301948089599');
    s.serve(url, fixtureHtml(SUITE.file).replace(/<script>\(function[\s\S]*?<\/script>/, ''));
    const page = await s.open(url);
    expect(await page.locator('iframe').count()).toBe(0);
    const tabId = await s.tabId(page);
    const popup = await popupWhen(tabId, async (p) => (await popupState(p)).state === 'ui-unrecognized', 20_000);
    expect(await popupState(popup)).toMatchObject({ state: 'ui-unrecognized', settled: 'true' });
    expect(await popup.locator('[data-testid="popup"]').getAttribute('data-reason')).toBe('page-changed');
  });
});
