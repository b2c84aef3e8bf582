import type { Browser, Page } from 'puppeteer-core';
import type { HttpsProxy } from './https-proxy';

// The Firefox session a test drives (launched by firefox-launch.ts).

/**
 * Latency of fixture documents. Firefox may deliver webRequest's main_frame event to the background
 * after the content script's first report from the new page; the background keeps such a report
 * (src/background/tab-events.ts), so fixtures are served at once, which exercises exactly that race.
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
