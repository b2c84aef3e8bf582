import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { firefoxSuite, fixtureHtml, popupInfo, GECKO_ID } from '../harness/firefox';

// Private browsing (DESIGN.md, trust boundary): a popup only ever describes tabs of its own window
// kind. Firefox gives a temporarily installed add-on access to private windows; the private window
// is opened by the extension itself (windows.create), and the proxy serves it like any other.

const PRIVATE_CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const NORMAL_CHAT = 'https://www.tiktok.com/messages?lang=en&u=42424242424';
const NOTICE = 'You are sending messages too fast. Take a rest.';
const launch = firefoxSuite();

type Ext = {
  browser: {
    windows: {
      getCurrent(): Promise<{ id: number; incognito: boolean }>;
      update(id: number, o: object): Promise<unknown>;
      create(o: object): Promise<{ id: number; incognito: boolean; tabs?: { id: number }[] }>;
      remove(id: number): Promise<void>;
    };
    tabs: { get(id: number): Promise<{ status?: string; incognito: boolean }> };
    storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
    extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  };
};

/**
 * Grants the add-on "Run in Private Windows" the way about:addons' switch does (ExtensionPermissions,
 * from a privileged about: page: the remote agent runs with system access), then reloads it.
 */
async function allowInPrivate(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  void page.goto('about:addons').catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  const out = await page.evaluate(async (id) => {
    try {
      // biome-ignore lint/suspicious/noExplicitAny: Firefox's privileged modules have no types here
      const g = globalThis as unknown as { ChromeUtils: { importESModule(u: string): Record<string, any> } };
      const { ExtensionPermissions } = g.ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { AddonManager } = g.ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
      await (await AddonManager.getAddonByID(id)).reload();
      return 'ok';
    } catch (e) {
      return `error: ${String(e)}`;
    }
  }, GECKO_ID);
  expect(out).toBe('ok');
  await page.close();
}

const windowIsPrivate = (p: Page) => p.evaluate(async () => (await (globalThis as unknown as Ext).browser.windows.getCurrent()).incognito);

async function popupText(popup: Page): Promise<string> {
  return popup.evaluate(() => `${document.body.innerText}\n${document.querySelector('[data-testid="report-text"]')?.textContent ?? ''}`);
}

describe('Firefox: private windows', () => {
  it("a private tab's failed-message diagnosis never shows in a normal window's popup, ?tab= included; it goes when the window closes", async () => {
    const ff = await launch();
    ff.proxy.page(PRIVATE_CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const normal = await ff.openTikTok(NORMAL_CHAT, fixtureHtml('dm-new-healthy.html'));
    const normalTab = await ff.tabIdOf(normal);
    await allowInPrivate(ff.browser);
    await expect
      .poll(() => ff.inExtension(() => (globalThis as unknown as Ext).browser.extension.isAllowedIncognitoAccess()).catch(() => false), {
        timeout: 15_000,
        interval: 500,
      })
      .toBe(true);
    // (the add-on reloaded: extension pages opened from here on)
    const ext = await ff.openPopup('?tab=-1'); // an extension page in the normal window, to drive it
    const normalWindow = await ext.evaluate(async () => (await (globalThis as unknown as Ext).browser.windows.getCurrent()).id);

    // (page.evaluate sends the function's source: the URL is written out in it)
    const w = await ff.inExtension(() =>
      (globalThis as unknown as Ext).browser.windows.create({
        incognito: true,
        url: 'https://www.tiktok.com/messages?lang=en&u=7301948089581',
      }),
    );
    expect(w.incognito).toBe(true);
    const privateTab = w.tabs![0]!.id;
    const session = async () => ff.inExtension(() => (globalThis as unknown as Ext).browser.storage.session.get(null));
    // the extension sees the private tab: its failure is diagnosed and kept (for a private popup)
    await expect
      .poll(async () => JSON.stringify((await session())[`tab:${privateTab}`] ?? null), { timeout: 20_000, interval: 500 })
      .toContain(NOTICE);

    // New tabs open in the focused window: now the private one. A popup there sees its own tab …
    const inPrivate = await ff.openPopup(`?tab=${privateTab}`);
    expect(await windowIsPrivate(inPrivate)).toBe(true);
    expect(await popupInfo(inPrivate)).toMatchObject({ state: 'problem', tabId: String(privateTab) });
    // … a popup in the normal window does not.
    await ext.evaluate((id) => (globalThis as unknown as Ext).browser.windows.update(id, { focused: true }), normalWindow);
    const byId = await ff.openPopup(`?tab=${privateTab}`);
    expect(await windowIsPrivate(byId)).toBe(false);
    expect(await popupInfo(byId)).toMatchObject({ state: 'not-tiktok', tabId: '', settled: 'true' });
    expect(await popupText(byId)).not.toContain(NOTICE);
    expect(await popupText(byId)).not.toContain('sending-too-fast');
    // no ?tab=: the private tab reported last, yet the normal window's popup picks the normal tab
    const plain = await ff.openPopup();
    expect(await windowIsPrivate(plain)).toBe(false);
    expect(await popupInfo(plain)).toMatchObject({ state: 'no-problem', tabId: String(normalTab) });
    expect(await popupText(plain)).not.toContain(NOTICE);

    // closing the private window removes the private tab's state
    await ext.evaluate((id) => (globalThis as unknown as Ext).browser.windows.remove(id), w.id);
    await expect
      .poll(async () => Object.keys(await session()).includes(`tab:${privateTab}`), { timeout: 10_000, interval: 500 })
      .toBe(false);
    expect(JSON.stringify(await session())).not.toContain(NOTICE);
  });
});
