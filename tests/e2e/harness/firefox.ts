import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { onTestFinished } from 'vitest';
import { startHttpsProxy, type HttpsProxy } from './https-proxy';

// Firefox (MV2 build) driven by puppeteer-core over WebDriver BiDi, with every request sent to the
// local MITM proxy (https-proxy.ts) that plays tiktok.com. One fresh profile per launch.

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'dm-doctor@dm-doctor.github.io';
/** Fixed so tests can open moz-extension://<uuid>/popup.html (pref extensions.webextensions.uuids). */
export const EXTENSION_UUID = '3f6b0c52-8d1e-4a7b-9c2d-5e4f6a7b8c9d';
export const ARTIFACTS_DIR = resolve('test-results/firefox');

export const POPUP = '[data-testid="popup"]';
export const SETTLED_POPUP = '[data-testid="popup"][data-settled="true"]';

export interface LaunchOptions {
  /** unpacked build, e.g. .output/firefox-mv2 */
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
  /** Serves `html` at `url` (a www.tiktok.com URL) and opens it in a new tab, loaded. */
  openTikTok(url: string, html: string): Promise<Page>;
  /** Opens popup.html (with an optional query such as `?tab=3`) in a new tab; resolves once settled. */
  openPopup(query?: string, opts?: { settled?: boolean; timeout?: number }): Promise<Page>;
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
    'browser.discovery.enabled': false,
    // The extension gets a known moz-extension:// origin.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  };
}

export async function launchFirefox(opts: LaunchOptions): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: install it with "apt-get install -y firefox-esr firefox-esr-l10n-fr" or set FIREFOX_PATH`);
  }
  const extensionDir = resolve(opts.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run "npx wxt build -b firefox" first`);
  }
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
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: prefs,
      // moz-extension:// pages can only be opened with system access for the remote agent.
      args: ['--remote-allow-system-access'],
      protocolTimeout: 60_000,
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
    async openTikTok(url, html) {
      proxy.page(url, html);
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openPopup(query = '', o = {}) {
      const page = await browser.newPage();
      // Awaiting goto on a moz-extension:// URL never resolves over BiDi; wait for the DOM instead.
      void page.goto(`${extensionOrigin}popup.html${query}`).catch(() => undefined);
      await page.waitForSelector(o.settled === false ? POPUP : SETTLED_POPUP, { timeout: o.timeout ?? 20_000 });
      return page;
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
      if (task.result?.state === 'fail') await session.saveArtifacts(task.name).catch(() => undefined);
      await session.close();
    });
  } catch {
    /* not inside a test */
  }
  return session;
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
