import { browser } from 'wxt/browser';
import { sendMessage } from '../contracts/protocol';
import type { TabState } from '../contracts/tab-state';
import type { TabView } from '../contracts/tab-view';
import { isInboxRoute } from '../tiktok/routes';
import { runChecksForTab, isRunning } from './check-runner';
import { externalChecksGranted } from './consent';
import { readTab, updateTab, removeTab } from './tab-store';
import { readSettings } from './settings';
import { buildView } from './view';
import { isNotLoaded } from './script-presence';
import { setBadge } from './badge';
import { hintUpdateOf, reportedReason, tabStatus } from './status';
import { notifyPopups } from './popup-port';

// The one writer of a tab's state and the one place that turns it into what the person sees:
// every change goes through `change` (the tab's update chain), then `push` diagnoses once and sets
// the badge and the hint from the same status the popup's view is built from; open popups get
// their view again at the same moment (src/background/popup-port.ts).

export { BROWSER } from './env';
import { BROWSER } from './env';
/** Checks run from a popup with no TikTok tab keep their state here, one key per window kind. */
export const noTab = (incognito: boolean) => (incognito ? -2 : -1);
/** A run with no tab is kept only while a popup may still be reading it. */
const NO_TAB_KEEP_MS = 60_000;
/** Every promise the background starts on its own is handled: a failure is logged, never unhandled. */
export const logged = (what: string) => (err: unknown) => console.warn(`[dm-doctor] ${what} failed:`, err);

export async function change(tabId: number, fn: (s: TabState) => TabState | undefined): Promise<void> {
  const s = await updateTab(tabId, fn);
  await push(tabId, s);
  notifyPopups();
}

export async function push(tabId: number, s: TabState): Promise<void> {
  if (tabId < 0) return; // a check run with no tab: no badge, no hint
  const running = isRunning(tabId);
  const status = tabStatus(s, { now: Date.now(), onTikTok: true, running, inboxTab: s.onMessages });
  await setBadge(tabId, status.diagnosis, reportedReason(s));
  await sendMessage('backgroundHintUpdate', hintUpdateOf(s, status, await readSettings()), tabId).catch(() => undefined); // no content script there
}

/** Re-sends every TikTok tab's hint (after a settings change). */
export async function pushAll(): Promise<void> {
  const tabs = await browser.tabs.query({ url: '*://*.tiktok.com/*' });
  await Promise.all(tabs.flatMap(({ id }) => (id != null ? [readTab(id).then((s) => push(id, s))] : [])));
  notifyPopups();
}

/** Runs the checks for a tab (or for no tab, from a popup elsewhere); results land in its state. */
export function startChecks(tabId: number | null, incognito: boolean): void {
  const key = tabId ?? noTab(incognito);
  // runChecksForTab marks the tab as running synchronously (a run in flight is joined): the view
  // returned next says so. Outside probes ask permissions.contains themselves (src/checks/run.ts).
  runChecksForTab(key, { update: (id, fn) => change(id, fn), net: async (id) => (await readTab(id)).net })
    .catch(logged('a check run'))
    .finally(
      () =>
        tabId == null &&
        setTimeout(() => void (isRunning(key) ? undefined : removeTab(key).catch(logged('dropping a no-tab run'))), NO_TAB_KEEP_MS),
    );
}

/**
 * An inbox tab whose content script does not answer: Chrome injects none into tabs opened before
 * the extension was installed or updated (src/background/script-presence.ts). Only asked for a tab
 * with no page report, so a popup on a tab the content script reports from pays nothing.
 */
async function notLoaded(tabId: number, s: TabState, known?: { url?: string; status?: string }): Promise<boolean> {
  const tab = known ?? (await browser.tabs.get(tabId).catch(() => undefined));
  return isNotLoaded({ url: tab?.url, status: tab?.status, hasReport: s.page !== null }, () => sendMessage('backgroundPing', null, tabId));
}

export async function markNotLoadedTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: '*://*.tiktok.com/*' }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id != null && (await notLoaded(tab.id, await readTab(tab.id)))) await change(tab.id, (s) => ({ ...s, notLoaded: true }));
  }
}

/** The popup's view of one tab (null: no TikTok tab, the not-tiktok view with the no-tab checks). */
export async function view(tabId: number | null, onTikTok: boolean, incognito: boolean): Promise<TabView> {
  const s = await readTab(tabId ?? noTab(incognito));
  const tab = tabId != null && onTikTok ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  return buildView(tabId, s, {
    notLoaded: !!tab && tabId != null && (await notLoaded(tabId, s, tab)),
    inboxTab: isInboxRoute(tab?.url ?? ''),
    now: Date.now(),
    onTikTok,
    // the toggle shows the browser's permission itself, not a stored flag
    settings: { ...(await readSettings()), externalChecksAllowed: await externalChecksGranted() },
    browser: BROWSER,
    running: isRunning(tabId ?? noTab(incognito)),
    version: browser.runtime.getManifest().version,
    browserVersion: navigator.userAgent.match(/(?:Chrome|Firefox)\/([\d.]+)/)?.[1] ?? 'unknown',
  });
}
