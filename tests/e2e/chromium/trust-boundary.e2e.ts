import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { BUILD } from '../../../scripts/browsers/paths';
import { popupState } from '../harness/popup';
import { sleep, storageDump } from '../harness/reliability';

const launch = chromiumSuite({ artifacts: 'trust-' });

// The trust boundary (DESIGN.md; issue 13). A content script runs inside TikTok's page: if the page
// were compromised it could drive the content script's own `chrome.runtime.sendMessage`. Here the
// test does exactly that, through CDP in the content script's isolated world, and the background
// must refuse every popup message (another tab's view, answers, settings, check runs). A script in
// the page's own world has no way to the background at all, and the extension posts nothing to it.

const CHAT_A = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const CHAT_B = 'https://www.tiktok.com/messages?lang=en&u=42424242424';
const REFUSED = 'refused: sender not allowed';
let s: ChromiumSession | undefined;

/** Evaluates `expression` in the content script's isolated world of `page`'s top frame. */
async function inContentWorld(s: ChromiumSession, page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp: CDPSession = await s.context.newCDPSession(page);
  const worlds: { id: number; frameId: string }[] = [];
  cdp.on(
    'Runtime.executionContextCreated',
    (e: { context: { id: number; origin: string; auxData?: { frameId?: string; type?: string } } }) => {
      if (e.context.origin === `chrome-extension://${s.extensionId}` && e.context.auxData?.type === 'isolated')
        worlds.push({ id: e.context.id, frameId: e.context.auxData.frameId ?? '' });
    },
  );
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  await expect.poll(() => worlds.some((w) => w.frameId === frameTree.frame.id), { timeout: 10_000 }).toBe(true);
  const world = worlds.find((w) => w.frameId === frameTree.frame.id)!;
  return async (expression) => {
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ''}`);
    return r.result.value;
  };
}

type Ext = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
const send = (type: string, data: unknown) => `chrome.runtime.sendMessage(${JSON.stringify({ dmDoctor: type, data })})`;

describe('Chromium: the trust boundary', () => {
  it("a content script cannot read another tab's view, answer for it, enable outside checks or run checks", async () => {
    // the production build: outside checks are not granted, so nothing may turn them on
    s = await launch();
    s.serve(CHAT_A, fixtureHtml('dm-new-failed-e2-friends-only.html'));
    s.serve(CHAT_B, fixtureHtml('dm-new-healthy.html'));
    const a = await s.open(CHAT_A);
    await a.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const tabA = await s.tabId(a);
    const b = await s.open(CHAT_B);
    const evalB = await inContentWorld(s, b);

    // The channel works: the content script's own message is accepted (no error in the reply) …
    const report = {
      where: 'www.tiktok.com/messages',
      topFrame: true,
      onMessages: true,
      recognition: 'waiting',
      reason: null,
      observation: null,
      failureId: null,
      fresh: false,
      cleared: false,
      failureAt: null,
      seq: 0,
      pageId: 'probe',
    };
    expect(await evalB(send('contentPageReport', report))).toEqual({ dmDoctor: 'contentPageReport' });
    // … and every popup message from it is refused.
    const requestsBefore = s.extensionRequests.length;
    expect(await evalB(send('popupGetView', { tabId: tabA, activeTabId: null, activeUrl: null }))).toEqual({
      dmDoctor: 'popupGetView',
      error: REFUSED,
    });
    expect(await evalB(send('popupGetView', { tabId: null, activeTabId: tabA, activeUrl: CHAT_A }))).toEqual({
      dmDoctor: 'popupGetView',
      error: REFUSED,
    });
    expect(await evalB(send('popupAnswer', { tabId: tabA, questionId: 'follows-back', answer: true }))).toEqual({
      dmDoctor: 'popupAnswer',
      error: REFUSED,
    });
    expect(await evalB(send('anySetSettings', { externalChecksAllowed: true, hintsEnabled: false }))).toEqual({
      dmDoctor: 'anySetSettings',
      error: REFUSED,
    });
    expect(await evalB(send('popupRunChecks', { tabId: tabA }))).toEqual({ dmDoctor: 'popupRunChecks', error: REFUSED });
    await sleep(1000);

    // Nothing changed: no answer stored, settings untouched, no check run, no request made.
    const { local, session } = await storageDump(s);
    const stateA = session[`tab:${tabA}`] as { answers: Record<string, boolean>; checks: unknown };
    expect(stateA.answers).toEqual({});
    expect(stateA.checks).toBeNull();
    expect((local.settings as { externalChecksAllowed?: boolean } | undefined)?.externalChecksAllowed ?? false).toBe(false);
    expect((local.settings as { hintsEnabled?: boolean } | undefined)?.hintsEnabled ?? true).toBe(true);
    expect(s.extensionRequests.slice(requestsBefore)).toEqual([]);

    // The same request from the extension's own page is answered (the refusal is about the sender).
    const popup = await s.popup(`?tab=${tabA}`);
    const fromPopup = (await popup.evaluate(
      (id) =>
        (globalThis as unknown as Ext).chrome.runtime.sendMessage({
          dmDoctor: 'popupGetView',
          data: { tabId: id, activeTabId: null, activeUrl: null },
        }),
      tabA,
    )) as { data?: { state: string; tabId: number } };
    expect(fromPopup.data).toMatchObject({ state: 'problem', tabId: tabA });
    expect((await popupState(popup)).state).toBe('problem');
  });

  it("a script in the page's own world has no way to the background, and posting messages to the page does nothing", async () => {
    s = await launch();
    s.serve(CHAT_A, fixtureHtml('dm-new-failed-e2-friends-only.html'));
    s.serve(CHAT_B, fixtureHtml('dm-new-healthy.html'));
    const a = await s.open(CHAT_A);
    await a.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const tabA = await s.tabId(a);
    const b = await s.open(CHAT_B);
    await sleep(500);
    const attempts = await b.evaluate(
      async ({ id, tab }) => {
        const out: string[] = [];
        const msg = { dmDoctor: 'anySetSettings', data: { externalChecksAllowed: true } };
        // what a page script might try: the extension's id, window messages in every shape
        const rt = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        if (rt?.sendMessage) {
          try {
            out.push(`answered: ${JSON.stringify(await rt.sendMessage(id, msg))}`);
          } catch (e) {
            out.push(`error: ${String(e)}`);
          }
        } else out.push('no chrome.runtime in the page');
        window.postMessage(msg, '*');
        window.postMessage({ dmDoctor: 'popupGetView', data: { tabId: tab, activeTabId: null, activeUrl: null } }, '*');
        document.dispatchEvent(new CustomEvent('dmDoctor', { detail: msg }));
        await new Promise((r) => setTimeout(r, 500));
        return out;
      },
      { id: s.extensionId, tab: tabA },
    );
    expect(attempts.every((a) => !a.startsWith('answered'))).toBe(true);
    await sleep(500);
    const { local, session } = await storageDump(s);
    expect((local.settings as { externalChecksAllowed?: boolean } | undefined)?.externalChecksAllowed ?? false).toBe(false);
    expect((session[`tab:${tabA}`] as { answers: object }).answers).toEqual({});
  });

  it('the page receives no message event from the extension, in any frame', async () => {
    s = await launch({ extensionDir: BUILD.chromeE2e });
    const business = 'https://www.tiktok.com/messages?allow_label=true&lang=en&scene=business&u=7301948089581';
    const inbox = 'https://www.tiktok.com/messages?lang=en';
    s.serve(business, fixtureHtml('business-failed-e5.html'));
    s.serve(inbox, fixtureHtml('dm-new-no-chat.html'));
    s.serve(CHAT_B, fixtureHtml('dm-new-healthy.html'));
    await s.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __dmdMessages: string[] }).__dmdMessages = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
    });
    // the business chat: a same-origin iframe with a failure, where the content script runs too
    const page = await s.open(inbox);
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.id = 'business-frame';
      f.style.cssText = 'width:600px;height:500px';
      document.body.append(f);
    }, business);
    const frame = await (await page.waitForSelector('#business-frame')).contentFrame();
    await frame!.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    const chat = await s.open(CHAT_B);
    s.serve(CHAT_A, fixtureHtml('dm-new-failed-e2-friends-only.html'));
    const failed = await s.open(CHAT_A);
    await failed.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    await sleep(500);
    // the listener works: a message the page posts itself is seen
    await failed.evaluate(() => window.postMessage('page-control', '*'));
    await sleep(100);
    const seen = async (p: { evaluate: Page['evaluate'] }) =>
      p.evaluate(() => (window as unknown as { __dmdMessages?: string[] }).__dmdMessages ?? null);
    expect(await seen(failed)).toEqual(['"page-control"']);
    expect(await seen(chat)).toEqual([]);
    expect(await seen(page)).toEqual([]);
    expect(await seen(frame!)).toEqual([]);
  });
});
