import { browser } from 'wxt/browser';
import { readTab, removeTab } from './tab-store';
import { applyNavigation } from './tab-events';
import { isTikTokUrl } from './tab-access';
import { BROWSER, change, logged, markNotLoadedTabs } from './tabs';

/** The tab lifecycle: install, close, leaving TikTok. Registered synchronously at worker start. */
export function registerTabListeners(): void {
  // Chrome leaves tabs opened before an install or update without a content script: mark their
  // inboxes (grey "?" badge until the tab navigates or reports; the popup offers "Reload this tab").
  if (BROWSER === 'chrome')
    browser.runtime.onInstalled.addListener(() => void markNotLoadedTabs().catch(logged('marking tabs opened before install')));

  // Through the tab's update chain: an event still queued for the tab cannot recreate its state.
  browser.tabs.onRemoved.addListener((tabId) => void removeTab(tabId).catch(logged('removing a closed tab')));
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    // Without the `tabs` permission, tab.url is only visible for TikTok tabs: no url means elsewhere.
    // Checked once loading completes: while loading, tab.url can still be the previous page.
    // Only tabs we already know: other sites' tabs get no state at all.
    if (info.status !== 'complete' || isTikTokUrl(tab.url)) return;
    void readTab(tabId)
      .then((s) =>
        s.where || s.onMessages
          ? change(tabId, (t) => applyNavigation(t, { where: '', onMessages: false, requestId: null, at: Date.now() }))
          : undefined,
      )
      .catch(logged('leaving TikTok'));
  });
}
