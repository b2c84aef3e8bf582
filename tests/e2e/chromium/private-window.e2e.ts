import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { BUILD } from '../../../scripts/browsers/paths';
import { popupState } from '../harness/popup';
import { sleep } from '../harness/reliability';

const launch = chromiumSuite({ artifacts: 'private-' });

// Private windows (DESIGN.md, trust boundary): a popup only ever describes tabs of its own window
// kind. Chromium runs the extension in "spanning" mode: one background and one session storage for
// normal and incognito tabs, so the separation is the background's to enforce.
//
// Set-up: the extension is allowed in incognito through chrome://extensions' own API
// (developerPrivate.updateExtensionConfiguration, what the "Allow in Incognito" switch calls), and
// the incognito window is opened by the extension (windows.create). Playwright does not manage the
// incognito profile, so www.tiktok.com is answered by the local TLS server (--host-resolver-rules)
// for every window alike.

const PRIVATE_CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const NORMAL_CHAT = 'https://www.tiktok.com/messages?lang=en&u=42424242424';
const NOTICE = 'You are sending messages too fast. Take a rest.';
let s: ChromiumSession | undefined;

type Ext = {
  chrome: {
    developerPrivate: { updateExtensionConfiguration(c: object): Promise<void>; updateProfileConfiguration(c: object): Promise<void> };
  };
};
type WorkerChrome = {
  chrome: {
    windows: { create(o: object): Promise<{ id: number; incognito: boolean; tabs?: { id: number }[] }>; remove(id: number): Promise<void> };
    tabs: { query(q: object): Promise<{ id?: number; url?: string; incognito: boolean; status?: string }[]> };
    extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  };
};

/**
 * Allows the extension in incognito; returns an extension page to drive it from (the extension
 * reloads, and Playwright does not follow its new worker: pages have the same APIs).
 */
async function allowInIncognito(s: ChromiumSession): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome://extensions/?id=${s.extensionId}`);
  // developer mode first: otherwise the reload that follows disables a command-line unpacked extension
  await page.evaluate(() => (globalThis as unknown as Ext).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  await page.evaluate(
    (id) => (globalThis as unknown as Ext).chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true }),
    s.extensionId,
  );
  await page.close();
  const ext = await s.context.newPage();
  // (blocked while the extension reloads: retried)
  await expect
    .poll(
      () =>
        ext.goto(`chrome-extension://${s.extensionId}/privacy.html`).then(
          () => true,
          () => false,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect
    .poll(() => ext.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.extension.isAllowedIncognitoAccess()), {
      timeout: 10_000,
    })
    .toBe(true);
  return ext;
}

/** Opens `url` in a new incognito window (made by the extension); returns its tab id once loaded. */
async function openPrivate(ext: Page, url: string): Promise<{ tabId: number; windowId: number }> {
  const w = await ext.evaluate(
    (u: string) => (globalThis as unknown as WorkerChrome).chrome.windows.create({ incognito: true, url: u }),
    url,
  );
  expect(w.incognito).toBe(true);
  const tabId = w.tabs![0]!.id;
  await expect
    .poll(
      async () =>
        (await ext.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.tabs.query({}))).find((t) => t.id === tabId)?.status,
      { timeout: 15_000 },
    )
    .toBe('complete');
  return { tabId, windowId: w.id };
}

const sessionOf = (ext: Page) =>
  ext.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.session.get(null),
  );

async function popupText(popup: Page): Promise<string> {
  return `${await popup.evaluate(() => document.body.innerText)}\n${(await popup.locator('[data-testid="report-text"]').textContent()) ?? ''}`;
}

describe('Chromium: private windows', () => {
  it("a private tab's failed-message diagnosis never shows in a normal window's popup, ?tab= included; it goes when the tab closes", async () => {
    s = await launch({ extensionDir: BUILD.chromeE2e, localHosts: ['www.tiktok.com'] });
    const pages: Record<string, string> = {
      [new URL(PRIVATE_CHAT).pathname + new URL(PRIVATE_CHAT).search]: fixtureHtml('dm-new-failed-e1-too-fast.html'),
      [new URL(NORMAL_CHAT).pathname + new URL(NORMAL_CHAT).search]: fixtureHtml('dm-new-healthy.html'),
    };
    s.wss.onHttp = (req, res) => {
      const html = pages[req.url ?? ''];
      if (html === undefined) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    };
    const ext = await allowInIncognito(s);

    const { tabId: privateTab, windowId } = await openPrivate(ext, PRIVATE_CHAT);
    // The extension does see the private tab: its failure is diagnosed and kept (for a private popup).
    await expect
      .poll(async () => JSON.stringify((await sessionOf(ext))[`tab:${privateTab}`] ?? null), { timeout: 15_000 })
      .toContain(NOTICE);

    // A normal window, with a healthy TikTok tab of its own.
    const normal = await s.open(NORMAL_CHAT);
    const normalTab = await s.tabId(normal);
    await sleep(1500);

    // ?tab=<private id> from a normal window: not-tiktok, no tab id, nothing of the private tab.
    const byId = await s.popup(`?tab=${privateTab}`);
    expect(await popupState(byId)).toMatchObject({ state: 'not-tiktok', tabId: '', settled: 'true' });
    expect(await popupText(byId)).not.toContain(NOTICE);
    expect(await popupText(byId)).not.toContain('sending-too-fast');
    // No ?tab=: the private tab is the most recent TikTok tab, yet the popup picks the normal one.
    const plain = await s.popup();
    expect(await popupState(plain)).toMatchObject({ state: 'no-problem', tabId: String(normalTab) });
    expect(await popupText(plain)).not.toContain(NOTICE);
    // Asked directly, as a popup in a normal window would: the same answers.
    const direct = (
      await byId.evaluate(
        (id) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { state: string; tabId: number | null; report: string } }> } };
            }
          ).chrome.runtime.sendMessage({
            dmDoctor: 'popupGetView',
            data: { tabId: id, activeTabId: null, activeUrl: null, incognito: false },
          }),
        privateTab,
      )
    ).data;
    expect({ state: direct.state, tabId: direct.tabId }).toEqual({ state: 'not-tiktok', tabId: null });
    expect(direct.report).not.toContain(NOTICE);
    // … and a popup opened as a tab cannot claim to be private: its own tab says it is not.
    const claimed = (
      await byId.evaluate(
        (id) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { state: string } }> } } }
          ).chrome.runtime.sendMessage({
            dmDoctor: 'popupGetView',
            data: { tabId: id, activeTabId: null, activeUrl: null, incognito: true },
          }),
        privateTab,
      )
    ).data;
    expect(claimed.state).toBe('not-tiktok');

    // Closing the private window removes the private tab's state.
    await ext.evaluate((id: number) => (globalThis as unknown as WorkerChrome).chrome.windows.remove(id), windowId);
    await expect.poll(async () => Object.keys(await sessionOf(ext)).includes(`tab:${privateTab}`), { timeout: 10_000 }).toBe(false);
    expect(JSON.stringify(await sessionOf(ext))).not.toContain(NOTICE);
  });
});
