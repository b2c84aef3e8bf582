import { browser } from 'wxt/browser';
import { mostRecentTab } from './tab-store';

// Which tab a popup may describe (DESIGN.md "Which tab", trust boundary): only tabs of the popup's
// own window kind. A normal window never sees a private tab (not even with ?tab=<id>), and a private
// window never sees a normal one; a tab of the other kind is treated as no tab at all.

import { isTikTokUrl } from '../tiktok/urls';

export { isTikTokUrl };

export interface TabInfo {
  url: string | undefined;
  incognito: boolean;
}

/** The tab's URL (visible for TikTok tabs only, without the `tabs` permission) and kind; null if gone. */
export async function tabInfo(tabId: number): Promise<TabInfo | null> {
  if (!Number.isInteger(tabId) || tabId < 0) return null;
  try {
    const tab = await browser.tabs.get(tabId);
    return tab ? { url: tab.url, incognito: !!tab.incognito } : null;
  } catch {
    return null; // closed, or a private tab the extension may not see
  }
}

/** The tab if it exists and is of the asking popup's kind, else null. */
export async function visibleTab(tabId: number | null, incognito: boolean): Promise<TabInfo | null> {
  if (tabId == null) return null;
  const info = await tabInfo(tabId);
  return info && info.incognito === incognito ? info : null;
}

export interface PickRequest {
  tabId: number | null;
  activeTabId: number | null;
  activeUrl: string | null;
}

/** DESIGN.md: ?tab= if given; else the active tab when on TikTok; else the most recent TikTok tab. */
export async function pickTab(req: PickRequest, incognito: boolean): Promise<{ tabId: number | null; onTikTok: boolean }> {
  if (req.tabId != null) {
    const t = await visibleTab(req.tabId, incognito);
    return t ? { tabId: req.tabId, onTikTok: isTikTokUrl(t.url) } : { tabId: null, onTikTok: false };
  }
  const active = await visibleTab(req.activeTabId, incognito);
  if (active && isTikTokUrl(active.url ?? req.activeUrl ?? undefined)) return { tabId: req.activeTabId, onTikTok: true };
  const recent = await mostRecentTab(async (id) => isTikTokUrl((await visibleTab(id, incognito))?.url));
  if (recent != null) return { tabId: recent, onTikTok: true };
  return { tabId: active ? req.activeTabId : null, onTikTok: false };
}

/** The popup's window kind: the tab it runs in when it was opened as a tab, else what it says. */
export function senderIncognito(sender: { tab?: { incognito?: boolean } } | undefined, claimed: boolean | undefined): boolean {
  return sender?.tab ? !!sender.tab.incognito : !!claimed;
}
