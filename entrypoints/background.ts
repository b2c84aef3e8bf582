import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../src/messaging/protocol';
import { PageReportSchema } from '../src/state/tab-state';
import { registerNetworkObserver } from '../src/network/observer';
import { readTab, updateTab, removeTab, mostRecentTab } from '../src/state/tab-store';
import { applyNavigation, applyNetEvent, applyPageReport } from '../src/state/tab-events';
import { readSettings, writeSettings } from '../src/state/settings';
import { buildView, diagnosisOf, reportedReason } from '../src/state/view';
import { isNotLoaded } from '../src/state/script-presence';
import { setBadge } from '../src/state/badge';
import { runChecksForTab, isRunning } from '../src/checks/run';
import { hintUpdateOf } from '../src/state/hint';
import type { TabState } from '../src/state/tab-state';
import type { TabView } from '../src/state/tab-view';
import { z } from 'zod';

const BROWSER = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
const isTikTok = (url: string | undefined) => !!url && /^https?:\/\/([a-z0-9-]+\.)*tiktok\.com(\/|$)/i.test(url);

// The extension CSP forbids eval: tell zod not to try its Function-based fast path.
z.config({ jitless: true });

export default defineBackground(() => {
  // Listeners are registered synchronously, at the top level of the worker.
  registerNetworkObserver({
    event: (tabId, e) => void change(tabId, (s) => applyNetEvent(s, e)),
    navigation: (tabId, nav) => void change(tabId, (s) => applyNavigation(s, nav)),
  });

  onMessage('contentPageReport', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const parsed = PageReportSchema.safeParse(data);
    if (tabId == null || !parsed.success) {
      console.warn('[dm-doctor] rejected a page report:', parsed.success ? 'no tab' : parsed.error.issues[0]?.message);
      return;
    }
    const report = { ...parsed.data, topFrame: parsed.data.topFrame && sender.frameId === 0 };
    await change(tabId, (s) => applyPageReport(s, report, Date.now()));
  });

  onMessage('contentDismiss', async ({ data, sender }) => {
    const parsed = z.object({ failureId: z.string().max(64) }).safeParse(data);
    if (sender.tab?.id == null || !parsed.success) return;
    await change(sender.tab.id, (s) => ({ ...s, dismissed: [...s.dismissed.filter((d) => d !== parsed.data.failureId), parsed.data.failureId].slice(-50) }));
  });

  onMessage('popupGetView', async ({ data }) => {
    const req = z.object({ tabId: z.number().int().nullable(), activeTabId: z.number().int().nullable(), activeUrl: z.string().nullable() }).safeParse(data);
    if (!req.success) return view(null, false);
    const target = await pickTab(req.data);
    return view(target.tabId, target.onTikTok);
  });

  onMessage('popupRunChecks', async ({ data }) => {
    const req = z.object({ tabId: z.number().int().nullable() }).safeParse(data);
    const tabId = req.success ? req.data.tabId : null;
    const onTikTok = tabId != null && isTikTok(await tabUrl(tabId));
    await startChecks(tabId);
    return view(tabId, onTikTok);
  });

  onMessage('popupAnswer', async ({ data }) => {
    const req = z.object({ tabId: z.number().int(), questionId: z.string().max(40), answer: z.boolean() }).safeParse(data);
    if (!req.success) return view(null, false);
    await change(req.data.tabId, (s) => ({ ...s, answers: { ...s.answers, [req.data.questionId]: req.data.answer } }));
    return view(req.data.tabId, true);
  });

  onMessage('anySetSettings', async ({ data }) => {
    const req = z.object({ hintsEnabled: z.boolean().optional(), externalChecksAllowed: z.boolean().optional() }).safeParse(data);
    if (!req.success) return;
    await writeSettings(Object.fromEntries(Object.entries(req.data).filter(([, v]) => v !== undefined)));
    const tabs = await browser.tabs.query({ url: '*://*.tiktok.com/*' });
    await Promise.all(tabs.map((tab) => (tab.id != null ? readTab(tab.id).then((s) => push(tab.id!, s)) : undefined)));
  });

  // Chrome leaves tabs opened before an install or update without a content script: mark their
  // inboxes (grey "?" badge until the tab navigates or reports; the popup offers "Reload this tab").
  if (BROWSER === 'chrome') browser.runtime.onInstalled.addListener(() => void markNotLoadedTabs());

  browser.tabs.onRemoved.addListener((tabId) => void removeTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    // Without the `tabs` permission, tab.url is only visible for TikTok tabs: no url means elsewhere.
    // Checked once loading completes: while loading, tab.url can still be the previous page.
    // Only tabs we already know: other sites' tabs get no state at all.
    if (info.status === 'complete' && !isTikTok(tab.url)) {
      void readTab(tabId).then((s) => (s.where || s.onMessages ? change(tabId, (t) => applyNavigation(t, { where: '', onMessages: false, requestId: null, at: Date.now() })) : undefined));
    }
  });
});

/** Runs the checks for a tab (or for no tab, from a popup elsewhere); results land in its state. */
async function startChecks(tabId: number | null): Promise<void> {
  const key = tabId ?? -1;
  const settings = await readSettings();
  // runChecksForTab marks the tab as running synchronously: the view returned next says so.
  runChecksForTab(key, {
    update: (fn) => change(key, fn),
    allowExternal: settings.externalChecksAllowed,
    browser: BROWSER,
    net: async () => (await readTab(key)).net,
  }).catch((err) => console.warn('[dm-doctor] check run failed', err));
}

async function change(tabId: number, fn: (s: TabState) => TabState | void): Promise<void> {
  const s = await updateTab(tabId, fn);
  await push(tabId, s);
}

async function push(tabId: number, s: TabState): Promise<void> {
  const settings = await readSettings();
  const d = diagnosisOf(s, Date.now());
  await setBadge(tabId, d, reportedReason(s));
  const update = hintUpdateOf(s, d, settings, isRunning(tabId));
  await sendMessage('backgroundHintUpdate', update, tabId).catch(() => undefined); // no content script there
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

async function pickTab(req: { tabId: number | null; activeTabId: number | null; activeUrl: string | null }): Promise<{ tabId: number | null; onTikTok: boolean }> {
  if (req.tabId != null) return { tabId: req.tabId, onTikTok: isTikTok(await tabUrl(req.tabId)) };
  if (req.activeTabId != null && isTikTok(req.activeUrl ?? (await tabUrl(req.activeTabId)))) return { tabId: req.activeTabId, onTikTok: true };
  const recent = await mostRecentTab();
  if (recent != null && isTikTok(await tabUrl(recent))) return { tabId: recent, onTikTok: true };
  return { tabId: req.activeTabId, onTikTok: false };
}

/**
 * An inbox tab whose content script does not answer: Chrome injects none into tabs opened before
 * the extension was installed or updated (src/state/script-presence.ts). Only asked for a tab with
 * no page report, so a popup on a tab the content script reports from pays nothing.
 */
async function notLoaded(tabId: number, s: TabState): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return isNotLoaded({ url: tab?.url, status: tab?.status, hasReport: s.page !== null }, () => sendMessage('backgroundPing', null, tabId));
}

async function markNotLoadedTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: '*://*.tiktok.com/*' }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id != null && (await notLoaded(tab.id, await readTab(tab.id)))) await change(tab.id, (s) => ({ ...s, notLoaded: true }));
  }
}

async function view(tabId: number | null, onTikTok: boolean): Promise<TabView> {
  const s = await readTab(tabId ?? -1);
  return buildView(tabId, s, {
    notLoaded: onTikTok && tabId != null && (await notLoaded(tabId, s)),
    now: Date.now(),
    onTikTok,
    settings: await readSettings(),
    browser: BROWSER,
    running: isRunning(tabId ?? -1),
    version: browser.runtime.getManifest().version,
    browserVersion: navigator.userAgent.match(/(?:Chrome|Firefox)\/([\d.]+)/)?.[1] ?? 'unknown',
  });
}
