import { storage } from 'wxt/utils/storage';
import { TabStateSchema, emptyTabState, type TabState } from './tab-state';

// Read-modify-write of one tab's state is serialised per tab: webRequest events arrive in bursts
// and two concurrent updates must not lose each other's evidence.
const chains = new Map<number, Promise<unknown>>();
const key = (tabId: number) => `session:tab:${tabId}` as const;

export async function readTab(tabId: number, now = Date.now()): Promise<TabState> {
  const raw = await storage.getItem<unknown>(key(tabId));
  if (raw == null) return emptyTabState(tabId, now);
  const parsed = TabStateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn(`[dm-doctor] state of tab ${tabId} was unreadable and was reset:`, parsed.error.issues[0]?.message);
  return emptyTabState(tabId, now);
}

export function updateTab(tabId: number, change: (s: TabState) => TabState | void): Promise<TabState> {
  const prev = chains.get(tabId) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(async () => {
    const current = await readTab(tabId);
    const updated = change(current) ?? current;
    await storage.setItem(key(tabId), updated);
    return updated;
  });
  chains.set(tabId, next);
  void next.finally(() => {
    if (chains.get(tabId) === next) chains.delete(tabId);
  });
  return next;
}

export async function removeTab(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}

/** The TikTok tab with the most recent report, for a popup opened elsewhere (other tabs ignored). */
export async function mostRecentTab(): Promise<number | null> {
  const all = await storage.snapshot('session');
  let best: { id: number; at: number } | null = null;
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith('tab:')) continue;
    const parsed = TabStateSchema.safeParse(v);
    if (!parsed.success || !/(^|\.)tiktok\.com(\/|$)/.test(parsed.data.where ?? '')) continue;
    if (!best || parsed.data.reportedAt > best.at) best = { id: parsed.data.tabId, at: parsed.data.reportedAt };
  }
  return best?.id ?? null;
}
