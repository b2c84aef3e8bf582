import * as storage from './store';
import { browser } from 'wxt/browser';
import { isTikTokWhere } from '../tiktok/urls';
import { TabStateSchema, emptyTabState, type TabState } from '../contracts/tab-state';

// Read-modify-write of one tab's state is serialised per tab: webRequest events arrive in bursts
// and two concurrent updates must not lose each other's evidence. Removal goes through the same
// chain, and a closed tab's state is never created again: a late event (a webRequest error or a
// page report that was already on its way) finds the tab gone and writes nothing. State is only
// ever created for a tab the browser still has (tab ids are never reused within a session).
// Negative ids are check runs with no tab (see entrypoints/background.ts); they are not tabs.
const chains = new Map<number, Promise<unknown>>();
const key = (tabId: number) => `session:tab:${tabId}` as const;

async function tabExists(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)) != null;
  } catch {
    return false;
  }
}

function enqueue<T>(tabId: number, step: () => Promise<T>): Promise<T> {
  const prev = chains.get(tabId) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(step);
  chains.set(tabId, next);
  const done = () => {
    if (chains.get(tabId) === next) chains.delete(tabId);
  };
  next.then(done, done);
  return next;
}

export async function readTab(tabId: number, now = Date.now()): Promise<TabState> {
  const raw = await storage.getItem(key(tabId));
  if (raw == null) return emptyTabState(tabId, now);
  const parsed = TabStateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn(`[dm-doctor] state of tab ${tabId} was unreadable and was reset:`, parsed.error.issues[0]?.message);
  return emptyTabState(tabId, now);
}

export function updateTab(tabId: number, change: (s: TabState) => TabState | undefined): Promise<TabState> {
  return enqueue(tabId, async () => {
    const raw = await storage.getItem(key(tabId));
    if (raw == null && tabId >= 0 && !(await tabExists(tabId))) {
      const gone = emptyTabState(tabId, Date.now());
      return change(gone) ?? gone; // computed for the caller, never stored
    }
    const current = await readTab(tabId);
    const updated = change(current) ?? current;
    await storage.setItem(key(tabId), updated);
    return updated;
  });
}

/** Forgets a tab's state, after the updates already queued for it. */
export function removeTab(tabId: number): Promise<void> {
  return enqueue(tabId, () => storage.removeItem(key(tabId)));
}

/**
 * At start-up: removes the state of tabs that no longer exist (closed while the worker was stopped)
 * and of check runs with no tab. Returns the ids removed.
 */
export async function purgeStaleTabs(): Promise<number[]> {
  const all = await storage.snapshot('session');
  const ids = Object.keys(all)
    .map((k) => /^tab:(-?\d+)$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
  const stale: number[] = [];
  for (const id of ids) if (id < 0 || !(await tabExists(id))) stale.push(id);
  await Promise.all(stale.map(removeTab));
  return stale;
}

/**
 * The TikTok tab with the most recent report that `accept` allows (the asking popup's window kind),
 * for a popup opened elsewhere; other tabs ignored.
 */
export async function mostRecentTab(accept: (tabId: number) => Promise<boolean> = async () => true): Promise<number | null> {
  const all = await storage.snapshot('session');
  const candidates: { id: number; at: number }[] = [];
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith('tab:')) continue;
    const parsed = TabStateSchema.safeParse(v);
    if (!parsed.success || parsed.data.tabId < 0 || !isTikTokWhere(parsed.data.where)) continue;
    candidates.push({ id: parsed.data.tabId, at: parsed.data.reportedAt });
  }
  for (const c of candidates.sort((a, b) => b.at - a.at)) if (await accept(c.id)) return c.id;
  return null;
}
