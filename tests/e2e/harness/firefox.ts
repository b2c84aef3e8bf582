import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { BUILD, requireBuild } from '../../../scripts/browsers/paths';
import { startHttpsProxy, type HttpsProxy } from './https-proxy';

// Firefox (MV2 build) driven by puppeteer-core over WebDriver BiDi, with every request sent to the
// local MITM proxy (https-proxy.ts) that plays tiktok.com. One fresh profile per launch.

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'dm-doctor@dm-doctor.github.io';
/** Fixed so tests can open moz-extension://<uuid>/popup.html (pref extensions.webextensions.uuids). */
export const EXTENSION_UUID = '3f6b0c52-8d1e-4a7b-9c2d-5e4f6a7b8c9d';
export const ARTIFACTS_DIR = resolve('test-results/firefox');

/**
 * Latency of fixture documents. Firefox may deliver webRequest's main_frame event to the background
 * after the content script's first report from the new page; the background keeps such a report
 * (src/state/tab-events.ts), so fixtures are served at once, which exercises exactly that race.
 */
export const PAGE_LATENCY_MS = 0;

export const POPUP = '[data-testid="popup"]';
export const SETTLED_POPUP = '[data-testid="popup"][data-settled="true"]';

export interface LaunchOptions {
  /** unpacked build: a snapshotBuild() copy of .output/firefox-mv2 (or -e2e) */
  extensionDir: string;
  /** e.g. 'fr': sets intl.locale.requested (needs the firefox-esr-l10n-<lang> package) */
  locale?: string;
  prefs?: Record<string, unknown>;
}

export interface FirefoxSession {
  browser: Browser;
  proxy: HttpsProxy;
  uuid: string;
  /** moz-extension://<uuid>/ */
  extensionOrigin: string;
  /**
   * Serves `html` at `url` (a www.tiktok.com URL) and opens it in a new tab, loaded. The document
   * is answered after `delayMs` (default PAGE_LATENCY_MS, see there).
   */
  openTikTok(url: string, html: string, opts?: { delayMs?: number }): Promise<Page>;
  /** Opens popup.html (with an optional query such as `?tab=3`) in a new tab; resolves once settled. */
  openPopup(query?: string, opts?: { settled?: boolean; timeout?: number }): Promise<Page>;
  /** Opens the popup for the tab showing `page` (`popup.html?tab=<its id>`); resolves once settled. */
  openPopupFor(page: Page, opts?: { settled?: boolean; timeout?: number }): Promise<Page>;
  /** The extension's tab id of a TikTok page (asked from an extension page, by URL). */
  tabIdOf(page: Page): Promise<number>;
  /** Runs `fn` in a fresh extension page (privacy.html), where `browser.*` is available, then closes it. */
  inExtension<T>(fn: () => Promise<T> | T): Promise<T>;
  /**
   * Opens popups for `target`'s tab until `until(popup)` holds (a settled popup does not poll, so
   * evidence that lands after it opened needs a new one); returns that popup, closes the others.
   */
  popupWhen(target: Page, until: (popup: Page) => Promise<boolean>, timeout?: number): Promise<Page>;
  /**
   * Clicks "check again" in `popup` (opened for `target`) and returns a popup showing the finished
   * run with the statuses. If the clicked popup settles before the run shows (the background used to
   * answer "not running" before the run registered), a fresh popup is opened.
   */
  runChecks(popup: Page, target: Page, timeout?: number): Promise<{ popup: Page; checks: Record<string, string> }>;
  /** Every open tab. */
  pages(): Promise<Page[]>;
  /** Screenshot + HTML of every tab under test-results/firefox/<name>-<n>.{png,html}, plus the proxy log. */
  saveArtifacts(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Prefs that keep Firefox quiet and pointed at the proxy. */
export function firefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    // Everything, TikTok and not, goes to the test proxy; it refuses non-TikTok hosts.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks': '',
    // No DNS of our own: no prefetch, no DNS-over-HTTPS, no HTTP/3 (it would bypass an HTTP proxy).
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.trr.mode': 5,
    'network.http.http3.enable': false,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    // Background traffic.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.disabledForTesting': true,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'identity.fxaccounts.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    // Honoured only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 on release builds (services-settings/Utils).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.discovery.enabled': false,
    // The extension gets a known moz-extension:// origin.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  };
}

/** The Firefox binary (FIREFOX_PATH or the Debian ESR); one clear error when it is missing. */
export function requireFirefox(): string {
  if (!existsSync(FIREFOX_PATH)) {
    const err = new Error(`Firefox not found at ${FIREFOX_PATH}: install it with "apt-get install -y firefox-esr firefox-esr-l10n-fr" or set FIREFOX_PATH`);
    err.stack = err.message; // the message says it all
    throw err;
  }
  return FIREFOX_PATH;
}

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
        const tabs: { id?: number; url?: string }[] = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({});
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
      while (!(await checksDone(shown).catch(() => false))) {
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
      return { popup: shown, checks: await checkStatuses(shown) };
    },
    pages: () => browser.pages(),
    async saveArtifacts(name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const base = name.replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
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
async function openExtensionPage(browser: Browser, url: string, timeout = 20_000): Promise<Page> {
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

export function fixtureHtml(file: string): string {
  return readFileSync(resolve('tests/fixtures', file), 'utf8');
}

/** The popup's root attributes. */
export async function popupInfo(page: Page): Promise<{ state: string; tabId: string; settled: string }> {
  return page.$eval(POPUP, (el) => ({
    state: el.getAttribute('data-state') ?? '',
    tabId: el.getAttribute('data-tab-id') ?? '',
    settled: el.getAttribute('data-settled') ?? '',
  }));
}

/** The hint host's attributes, or null when there is none in document.body. */
export async function hintInfo(page: Page): Promise<{ causeId: string | null; settled: string | null; openShadow: boolean; inBody: boolean } | null> {
  return page.evaluate(() => {
    const el = document.querySelector('dm-doctor-hint');
    if (!el) return null;
    return {
      causeId: el.getAttribute('data-cause-id'),
      settled: el.getAttribute('data-settled'),
      // A content script's open shadow root is visible to the page as el.shadowRoot.
      openShadow: el.shadowRoot !== null && el.shadowRoot.mode === 'open',
      inBody: el.parentElement === document.body,
    };
  });
}

export async function checkStatuses(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="check"]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-check-id') ?? '', e.getAttribute('data-status') ?? ''])));
}

export async function evidenceClasses(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="evidence"]', (els) => els.map((e) => e.getAttribute('data-evidence-class') ?? ''));
}

/** The JSON half of the popup's copyable report. */
export async function reportJson(page: Page): Promise<{ network: { where: string; kind: string; class?: string; error?: string; status?: number }[]; evidence: string[]; ranking: { cause: string }[] }> {
  const text = await page.$eval('[data-testid="report-text"]', (e) => e.textContent ?? '');
  return JSON.parse(text.slice(text.indexOf('JSON:\n') + 'JSON:\n'.length));
}

/** True once the popup shows a finished check run: settled, nothing running, `online` has a result. */
export async function checksDone(popup: Page): Promise<boolean> {
  return popup.evaluate(() => {
    const root = document.querySelector('[data-testid="popup"]');
    const online = document.querySelector('[data-testid="check"][data-check-id="online"]');
    const running = document.querySelector('[data-testid="check"][data-status="running"]');
    return root?.getAttribute('data-settled') === 'true' && online?.getAttribute('data-status') !== 'skipped' && !running;
  });
}

/**
 * For a test file: checks Firefox, snapshots the production build (or `DMD_FIREFOX_BUILD`) once for
 * the file, and returns a launcher for a fresh-profile session per test.
 */
export function firefoxSuite(opts: Omit<LaunchOptions, 'extensionDir'> = {}): (more?: Omit<LaunchOptions, 'extensionDir'>) => Promise<FirefoxSession> {
  let build: ReturnType<typeof snapshotBuild> | undefined;
  beforeAll(() => {
    requireFirefox();
    build = snapshotBuild(BUILD.firefox); // fails with "run npm run build" when there is no build
  });
  afterAll(() => build?.remove());
  return (more = {}) => launchFirefox({ ...opts, ...more, extensionDir: process.env.DMD_FIREFOX_BUILD ?? build!.dir });
}
