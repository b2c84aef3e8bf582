import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { isInboxRoute } from '../src/tiktok/routes';
import { onMessage, sendMessage } from '../src/contracts/protocol';
import { PageReportSchema } from '../src/contracts/page-report';
import { registerNetworkObserver } from '../src/network/observer';
import { readTab, updateTab, removeTab, purgeStaleTabs } from '../src/background/tab-store';
import { applyAnswer, applyNavigation, applyNetEvent, applyPageReport } from '../src/background/tab-events';
import { QUESTION_IDS } from '../src/diagnosis/rules';
import { isTikTokUrl as isTikTok, pickTab, senderIncognito, visibleTab } from '../src/background/tab-access';
import { readSettings, writeSettings } from '../src/background/settings';
import { buildView, diagnosisOf, reportedReason } from '../src/background/view';
import { isNotLoaded } from '../src/background/script-presence';
import { setBadge } from '../src/background/badge';
import { runChecksForTab, isRunning } from '../src/checks/run';
import { externalChecksGranted, registerConsentMirror, syncExternalChecksSetting } from '../src/checks/consent';
import { hintUpdateOf } from '../src/background/status';
import type { TabState } from '../src/background/tab-state';
import type { TabView } from '../src/contracts/tab-view';
import { z } from 'zod';

const BROWSER = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
/** Checks run from a popup with no TikTok tab keep their state here, one key per window kind. */
const noTab = (incognito: boolean) => (incognito ? -2 : -1);
/** Every promise the background starts on its own is handled: a failure is logged, never unhandled. */
const logged = (what: string) => (err: unknown) => console.warn(`[dm-doctor] ${what} failed:`, err);

// The extension CSP forbids eval: tell zod not to try its Function-based fast path.
z.config({ jitless: true });

export default defineBackground(() => {
  // Listeners are registered synchronously, at the top level of the worker.
  registerConsentMirror();
  registerNetworkObserver({
    event: (tabId, e) => void change(tabId, (s) => applyNetEvent(s, e)).catch(logged('a network event')),
    navigation: (tabId, nav) => void change(tabId, (s) => applyNavigation(s, nav)).catch(logged('a navigation')),
  });
  // State of tabs closed while the worker was stopped, and of check runs with no tab, goes at once.
  purgeStaleTabs().catch(logged('the stale-state purge'));

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

  // Popup messages: senders are checked by the messenger (SENDER_POLICY); each names its window
  // kind, and a tab of the other kind is answered as no tab at all (a not-tiktok view).
  const PopupTab = { incognito: z.boolean().optional() };
  onMessage('popupGetView', async ({ data, sender }) => {
    const req = z.object({ tabId: z.number().int().nullable(), activeTabId: z.number().int().nullable(), activeUrl: z.string().nullable(), ...PopupTab }).safeParse(data);
    const incognito = senderIncognito(sender, req.success ? req.data.incognito : undefined);
    if (!req.success) return view(null, false, incognito);
    const target = await pickTab(req.data, incognito);
    return view(target.tabId, target.onTikTok, incognito);
  });

  onMessage('popupRunChecks', async ({ data, sender }) => {
    const req = z.object({ tabId: z.number().int().nullable(), ...PopupTab }).safeParse(data);
    const incognito = senderIncognito(sender, req.success ? req.data.incognito : undefined);
    const tab = req.success ? await visibleTab(req.data.tabId, incognito) : null;
    const tabId = tab && req.success ? req.data.tabId : null;
    await startChecks(tabId, incognito);
    return view(tabId, isTikTok(tab?.url), incognito);
  });

  const Answer = z.object({ tabId: z.number().int(), questionId: z.enum(QUESTION_IDS), answer: z.boolean(), ...PopupTab });
  onMessage('popupAnswer', async ({ data, sender }) => {
    const req = Answer.safeParse(data);
    const incognito = senderIncognito(sender, req.success ? req.data.incognito : undefined);
    const tab = req.success ? await visibleTab(req.data.tabId, incognito) : null;
    if (!req.success || !tab || !isTikTok(tab.url)) return view(null, false, incognito);
    await change(req.data.tabId, (s) => applyAnswer(s, req.data.questionId, req.data.answer));
    return view(req.data.tabId, true, incognito);
  });

  onMessage('anySetSettings', async ({ data }) => {
    const req = z.object({ hintsEnabled: z.boolean().optional(), externalChecksAllowed: z.boolean().optional() }).safeParse(data);
    if (!req.success) return;
    await writeSettings(req.data);
    // No message can switch outside checks on: the background records the browser's permission itself.
    if (req.data.externalChecksAllowed !== undefined) await syncExternalChecksSetting();
    const tabs = await browser.tabs.query({ url: '*://*.tiktok.com/*' });
    await Promise.all(tabs.map((tab) => (tab.id != null ? readTab(tab.id).then((s) => push(tab.id!, s)) : undefined)));
  });

  // Chrome leaves tabs opened before an install or update without a content script: mark their
  // inboxes (grey "?" badge until the tab navigates or reports; the popup offers "Reload this tab").
  if (BROWSER === 'chrome') browser.runtime.onInstalled.addListener(() => void markNotLoadedTabs().catch(logged('marking tabs opened before install')));

  // Through the tab's update chain: an event still queued for the tab cannot recreate its state.
  browser.tabs.onRemoved.addListener((tabId) => void removeTab(tabId).catch(logged('removing a closed tab')));
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    // Without the `tabs` permission, tab.url is only visible for TikTok tabs: no url means elsewhere.
    // Checked once loading completes: while loading, tab.url can still be the previous page.
    // Only tabs we already know: other sites' tabs get no state at all.
    if (info.status === 'complete' && !isTikTok(tab.url)) {
      void readTab(tabId)
        .then((s) => (s.where || s.onMessages ? change(tabId, (t) => applyNavigation(t, { where: '', onMessages: false, requestId: null, at: Date.now() })) : undefined))
        .catch(logged('leaving TikTok'));
    }
  });
});

/** Runs the checks for a tab (or for no tab, from a popup elsewhere); results land in its state. */
async function startChecks(tabId: number | null, incognito: boolean): Promise<void> {
  const key = tabId ?? noTab(incognito);
  // runChecksForTab marks the tab as running synchronously (a run in flight is joined): the view
  // returned next says so. Outside probes ask permissions.contains themselves (src/checks/run.ts).
  runChecksForTab(key, {
    update: (id, fn) => change(id, fn),
    net: async (id) => (await readTab(id)).net,
  })
    .catch(logged('a check run'))
    // A run with no tab is kept only while a popup may still be reading it.
    .finally(() => tabId == null && setTimeout(() => void (isRunning(key) ? undefined : removeTab(key).catch(logged('dropping a no-tab run'))), NO_TAB_KEEP_MS));
}

const NO_TAB_KEEP_MS = 60_000;

async function change(tabId: number, fn: (s: TabState) => TabState | void): Promise<void> {
  const s = await updateTab(tabId, fn);
  await push(tabId, s);
}

async function push(tabId: number, s: TabState): Promise<void> {
  if (tabId < 0) return; // a check run with no tab: no badge, no hint
  const settings = await readSettings();
  const d = diagnosisOf(s, Date.now());
  await setBadge(tabId, d, reportedReason(s));
  const update = hintUpdateOf(s, d, settings, isRunning(tabId));
  await sendMessage('backgroundHintUpdate', update, tabId).catch(() => undefined); // no content script there
}

/**
 * An inbox tab whose content script does not answer: Chrome injects none into tabs opened before
 * the extension was installed or updated (src/background/script-presence.ts). Only asked for a tab with
 * no page report, so a popup on a tab the content script reports from pays nothing.
 */
async function notLoaded(tabId: number, s: TabState, known?: { url?: string; status?: string }): Promise<boolean> {
  const tab = known ?? (await browser.tabs.get(tabId).catch(() => undefined));
  return isNotLoaded({ url: tab?.url, status: tab?.status, hasReport: s.page !== null }, () => sendMessage('backgroundPing', null, tabId));
}

async function markNotLoadedTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: '*://*.tiktok.com/*' }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id != null && (await notLoaded(tab.id, await readTab(tab.id)))) await change(tab.id, (s) => ({ ...s, notLoaded: true }));
  }
}

async function view(tabId: number | null, onTikTok: boolean, incognito: boolean): Promise<TabView> {
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
