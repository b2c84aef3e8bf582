import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { onTestFinished } from 'vitest';
import { requireBuild } from '../../../scripts/browsers/paths';
import { EXTENSION_UUID, firefoxPrefs, requireFirefox } from './firefox-prefs';
import { PAGE_LATENCY_MS, POPUP, SETTLED_POPUP, type FirefoxSession, type LaunchOptions } from './firefox-session';
import { startHttpsProxy } from './https-proxy';
import { checksDone, checkStatuses } from './page-readers';

// Firefox (MV2 build) driven by puppeteer-core over WebDriver BiDi, with every request sent to the
// local MITM proxy (https-proxy.ts) that plays tiktok.com. One fresh profile per launch.

export const ARTIFACTS_DIR = resolve('test-results/firefox');

export async function launchFirefox(opts: LaunchOptions): Promise<FirefoxSession> {
  const executablePath = requireFirefox();
  const extensionDir = requireBuild(resolve(opts.extensionDir));
  const proxy = await startHttpsProxy();
  const prefs: Record<string, unknown> = { ...firefoxPrefs(proxy.port) };
  if (opts.locale) {
    prefs['intl.locale.requested'] = opts.locale;
    prefs['intl.accept_languages'] = opts.locale;
  }
  Object.assign(prefs, opts.prefs);

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: prefs,
      // moz-extension:// pages can only be opened with system access for the remote agent.
      args: ['--remote-allow-system-access'],
      protocolTimeout: 60_000,
      env: {
        ...process.env,
        // Firefox refuses every non-local connection itself (the proxy is local), and this also
        // lets services.settings.server point remote settings at nothing.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
    });
  } catch (err) {
    await proxy.close();
    throw err;
  }
  let closed = false;
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}/`;

  const session: FirefoxSession = {
    browser,
    proxy,
    uuid: EXTENSION_UUID,
    extensionOrigin,
    async openTikTok(url, html, o = {}) {
      proxy.page(url, html, { delayMs: o.delayMs ?? PAGE_LATENCY_MS });
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openPopup(query = '', o = {}) {
      const page = await openExtensionPage(browser, `${extensionOrigin}popup.html${query}`);
      await page.waitForSelector(o.settled === false ? POPUP : SETTLED_POPUP, { timeout: o.timeout ?? 20_000 });
      return page;
    },
    async openPopupFor(page, o) {
      return session.openPopup(`?tab=${await session.tabIdOf(page)}`, o);
    },
    async tabIdOf(page) {
      const url = page.url();
      const ids = await session.inExtension(async () => {
        const tabs: { id?: number; url?: string }[] = await (
          globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
        ).browser.tabs.query({});
        return tabs.map((t) => [t.id ?? -1, t.url ?? ''] as const);
      });
      const match = ids.filter(([, u]) => u === url).map(([id]) => id);
      if (match.length !== 1) throw new Error(`expected one tab at ${url}, found ${match.length} among ${JSON.stringify(ids)}`);
      return match[0]!;
    },
    async inExtension(fn) {
      const page = await openExtensionPage(browser, `${extensionOrigin}privacy.html`);
      try {
        return (await page.evaluate(fn)) as Awaited<ReturnType<typeof fn>>;
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async popupWhen(target, until, timeout = 10_000) {
      const tabId = await session.tabIdOf(target);
      const deadline = Date.now() + timeout;
      for (;;) {
        const popup = await session.openPopup(`?tab=${tabId}`);
        if (await until(popup)) return popup;
        if (Date.now() > deadline) throw new Error(`the popup for tab ${tabId} never showed what was expected within ${timeout} ms`);
        await popup.close();
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async runChecks(popup, target, timeout = 20_000) {
      const deadline = Date.now() + timeout;
      await popup.click('[data-testid="check-again"]');
      // Normally the popup turns unsettled while the run goes on, then shows the results.
      await popup.waitForSelector(`${POPUP}[data-settled="false"]`, { timeout: 2_000 }).catch(() => undefined);
      let shown = popup;
      while (!(await shown.evaluate(checksDone).catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`the check run did not show within ${timeout} ms`);
        const settled = await shown.$eval(POPUP, (el) => el.getAttribute('data-settled') === 'true').catch(() => false);
        if (settled) {
          // Settled without results: the answer to the click said "not running" before the run
          // registered (src/checks/run.ts before 19e36ae), so this popup stopped polling. A new
          // popup reads the state afresh.
          if (shown !== popup) await shown.close().catch(() => undefined);
          shown = await session.openPopupFor(target);
        } else {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      return { popup: shown, checks: await shown.evaluate(checkStatuses) };
    },
    pages: () => browser.pages(),
    async saveArtifacts(name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const base =
        name
          .replace(/[^a-z0-9-]+/gi, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 80) || 'test';
      const pages = await browser.pages().catch(() => [] as Page[]);
      let n = 0;
      for (const page of pages) {
        n += 1;
        const file = join(ARTIFACTS_DIR, `${base}-${n}`);
        await page.screenshot({ path: `${file}.png` as `${string}.png` }).catch(() => undefined);
        const html = await page.content().catch((err: unknown) => `<!-- could not read: ${String(err)} -->`);
        writeFileSync(`${file}.html`, `<!-- ${page.url()} -->\n${html}`);
      }
      writeFileSync(join(ARTIFACTS_DIR, `${base}-proxy-log.json`), JSON.stringify(proxy.requests, null, 1));
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await proxy.close();
    },
  };

  try {
    await browser.installExtension(extensionDir);
  } catch (err) {
    await session.close();
    throw err;
  }

  // Inside a test: save artifacts if it failed, then close (onTestFinished runs before onTestFailed,
  // so both happen here). Outside a test (beforeAll) the caller closes.
  try {
    onTestFinished(async ({ task }) => {
      // (an `it.fails` test is 'fail' here when it failed as expected: nothing to save)
      if (task.result?.state === 'fail' && !task.fails) await session.saveArtifacts(task.name).catch(() => undefined);
      await session.close();
    });
  } catch {
    /* not inside a test */
  }
  return session;
}

/**
 * A private copy of a build (call it in beforeAll, remove it in afterAll). A temporary add-on reads
 * its files lazily, and a rebuild of .output/ during the run (other people build too) would swap
 * the popup's hashed chunks under it or remove the folder between tests. Throws "run npm run
 * build first" when there is no build.
 */
export function snapshotBuild(dir: string): { dir: string; remove(): void } {
  const copy = mkdtempSync(join(tmpdir(), 'dmd-firefox-ext-'));
  cpSync(requireBuild(resolve(dir)), copy, { recursive: true });
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}

/**
 * A new tab on a moz-extension:// page. Awaiting goto on such a URL never resolves over BiDi, and
 * evaluating while the tab leaves about:blank can hit the dying realm ("right-hand side of 'in'
 * should be an object, got null"), so this polls, tolerating those errors, until the page is loaded.
 */
export async function openExtensionPage(browser: Browser, url: string, timeout = 20_000): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
    if (ready.startsWith(url) && ready.endsWith('|complete')) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeout} ms (last: ${ready || 'no answer'})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
