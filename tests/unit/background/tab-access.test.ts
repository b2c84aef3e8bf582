import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pickTab, senderIncognito, visibleTab } from '../../../src/background/tab-access';

// Private windows (DESIGN.md, trust boundary): a popup only ever describes tabs of its own window
// kind, `?tab=` included. Tabs: 1 normal TikTok, 2 private TikTok, 3 normal elsewhere (no URL
// without the `tabs` permission), 4 private elsewhere.
const TABS: Record<number, { url?: string; incognito: boolean }> = {
  1: { url: 'https://www.tiktok.com/messages', incognito: false },
  2: { url: 'https://www.tiktok.com/messages', incognito: true },
  3: { incognito: false },
  4: { incognito: true },
};
const none = { activeTabId: null, activeUrl: null };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    const t = TABS[id];
    if (!t) throw new Error(`No tab with id: ${id}.`);
    return { id, index: 0, highlighted: false, active: false, pinned: false, windowId: t.incognito ? 20 : 10, ...t } as never;
  });
});

describe('pickTab: ?tab= names a tab', () => {
  it('a normal window never gets a private tab, even by id: not-tiktok, no tab id', async () => {
    expect(await pickTab({ tabId: 2, ...none }, false)).toEqual({ tabId: null, onTikTok: false });
    expect(await pickTab({ tabId: 4, ...none }, false)).toEqual({ tabId: null, onTikTok: false });
  });
  it('a private window gets its own tabs and never a normal one', async () => {
    expect(await pickTab({ tabId: 2, ...none }, true)).toEqual({ tabId: 2, onTikTok: true });
    expect(await pickTab({ tabId: 1, ...none }, true)).toEqual({ tabId: null, onTikTok: false });
  });
  it('same kind: a TikTok tab, a tab elsewhere, a tab that does not exist', async () => {
    expect(await pickTab({ tabId: 1, ...none }, false)).toEqual({ tabId: 1, onTikTok: true });
    expect(await pickTab({ tabId: 3, ...none }, false)).toEqual({ tabId: 3, onTikTok: false });
    expect(await pickTab({ tabId: 99, ...none }, false)).toEqual({ tabId: null, onTikTok: false });
    expect(await pickTab({ tabId: -1, ...none }, false)).toEqual({ tabId: null, onTikTok: false });
  });
});

describe('pickTab: no ?tab=', () => {
  it("the active tab counts only when it is of the popup's kind", async () => {
    expect(await pickTab({ tabId: null, activeTabId: 2, activeUrl: 'https://www.tiktok.com/messages' }, false)).toEqual({
      tabId: null,
      onTikTok: false,
    });
    expect(await pickTab({ tabId: null, activeTabId: 2, activeUrl: 'https://www.tiktok.com/messages' }, true)).toEqual({
      tabId: 2,
      onTikTok: true,
    });
  });
  it("the most recent TikTok tab of the popup's kind, never a more recent one of the other kind", async () => {
    await fakeBrowser.storage.session.set({
      'tab:1': {
        tabId: 1,
        where: 'www.tiktok.com/messages',
        onMessages: true,
        reportedAt: 100,
        page: null,
        pageAt: null,
        visitAt: 0,
        visitRequestId: null,
        net: [],
        answers: {},
        dismissed: [],
        checks: null,
      },
      'tab:2': {
        tabId: 2,
        where: 'www.tiktok.com/messages',
        onMessages: true,
        reportedAt: 900,
        page: null,
        pageAt: null,
        visitAt: 0,
        visitRequestId: null,
        net: [],
        answers: {},
        dismissed: [],
        checks: null,
      },
    });
    expect(await pickTab({ tabId: null, activeTabId: 3, activeUrl: null }, false)).toEqual({ tabId: 1, onTikTok: true });
    expect(await pickTab({ tabId: null, activeTabId: 4, activeUrl: null }, true)).toEqual({ tabId: 2, onTikTok: true });
    expect(await pickTab({ tabId: null, activeTabId: 3, activeUrl: null }, true)).toEqual({ tabId: 2, onTikTok: true }); // active tab of the other kind ignored
  });
});

describe('window kind of the asking popup', () => {
  it('a popup opened as a tab is judged by its tab, whatever it claims', () => {
    expect(senderIncognito({ tab: { incognito: true } }, false)).toBe(true);
    expect(senderIncognito({ tab: { incognito: false } }, true)).toBe(false);
    expect(senderIncognito({}, true)).toBe(true);
    expect(senderIncognito(undefined, undefined)).toBe(false);
  });
  it('visibleTab: same kind only', async () => {
    expect(await visibleTab(2, true)).toMatchObject({ incognito: true });
    expect(await visibleTab(2, false)).toBeNull();
    expect(await visibleTab(null, false)).toBeNull();
  });
});
