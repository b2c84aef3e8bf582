import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { BUILD } from '../../../scripts/browsers/paths';
import { launchFirefox, snapshotBuild } from './firefox-launch';
import { requireFirefox } from './firefox-prefs';
import type { FirefoxSession, LaunchOptions } from './firefox-session';
import * as read from './page-readers';

// What a Firefox spec imports: the suite, the session type and the page readers. The parts:
// firefox-prefs.ts (binary, identity, prefs), firefox-session.ts (the session's interface),
// firefox-launch.ts (launch, extension pages, artifacts), page-readers.ts (shared with Chromium).

export { ARTIFACTS_DIR, launchFirefox, openExtensionPage, snapshotBuild } from './firefox-launch';
export { EXTENSION_UUID, FIREFOX_PATH, GECKO_ID, firefoxPrefs, requireFirefox } from './firefox-prefs';
export { PAGE_LATENCY_MS, POPUP, SETTLED_POPUP, type FirefoxSession, type LaunchOptions } from './firefox-session';

export function fixtureHtml(file: string): string {
  return readFileSync(resolve('tests/fixtures', file), 'utf8');
}

/** The popup's root attributes ('' for a missing one). */
export async function popupInfo(page: Page): Promise<{ state: string; tabId: string; settled: string }> {
  const r = await page.evaluate(read.popupRoot);
  return { state: r.state ?? '', tabId: r.tabId ?? '', settled: r.settled ?? '' };
}

export const hintInfo = (page: Page) => page.evaluate(read.hintInfo);
export const checkStatuses = (page: Page) => page.evaluate(read.checkStatuses);
export const evidenceClasses = (page: Page) => page.evaluate(read.evidenceClasses);
export const checksDone = (page: Page) => page.evaluate(read.checksDone);
export const reportJson = async (page: Page) => read.parseReportJson(await page.evaluate(read.reportText));

/**
 * For a test file: checks Firefox, snapshots the production build (or `DMD_FIREFOX_BUILD`) once for
 * the file, and returns a launcher for a fresh-profile session per test.
 */
export function firefoxSuite(
  opts: Omit<LaunchOptions, 'extensionDir'> = {},
): (more?: Omit<LaunchOptions, 'extensionDir'>) => Promise<FirefoxSession> {
  let build: ReturnType<typeof snapshotBuild> | undefined;
  beforeAll(() => {
    requireFirefox();
    build = snapshotBuild(BUILD.firefox); // fails with "run npm run build" when there is no build
  });
  afterAll(() => build?.remove());
  return (more = {}) => launchFirefox({ ...opts, ...more, extensionDir: process.env.DMD_FIREFOX_BUILD ?? build!.dir });
}

/**
 * One Firefox for the whole file (launched before the first test, closed after the last); a failed
 * test saves its tabs. Returns a getter for the session.
 */
export function firefoxFileSession(opts: Omit<LaunchOptions, 'extensionDir'> = {}): () => FirefoxSession {
  let build: ReturnType<typeof snapshotBuild> | undefined;
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    requireFirefox();
    build = snapshotBuild(BUILD.firefox);
    session = await launchFirefox({ ...opts, extensionDir: process.env.DMD_FIREFOX_BUILD ?? build.dir });
  });
  afterAll(async () => {
    await session?.close();
    build?.remove();
  });
  afterEach(async (ctx) => {
    if (session && ctx.task.result?.state === 'fail') await session.saveArtifacts(ctx.task.name).catch(() => undefined);
  });
  return () => {
    if (!session) throw new Error('the Firefox session is not launched yet (use it inside a test)');
    return session;
  };
}
