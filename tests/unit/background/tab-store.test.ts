import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mostRecentTab, purgeStaleTabs, type readTab, removeTab, updateTab } from '../../../src/background/tab-store';

// Tab lifecycle (issue 13): removal goes through the per-tab update chain, a closed tab's state is
// never created again by a late event, stale keys go at start-up, no promise is left unhandled.

const session = () => fakeBrowser.storage.session.get(null) as Promise<Record<string, unknown>>;
const mark = (where: string) => (s: Awaited<ReturnType<typeof readTab>>) => ({ ...s, where });

async function openTab(url = 'https://www.tiktok.com/messages'): Promise<number> {
  return (await fakeBrowser.tabs.create({ url })).id!;
}
/** Closes a tab the way the browser does before tabs.onRemoved fires: tabs.get no longer finds it. */
let gone = new Set<number>();
function close(id: number): void {
  gone.add(id);
}

beforeEach(() => {
  fakeBrowser.reset();
  gone = new Set();
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    if (gone.has(id)) throw new Error(`No tab with id: ${id}.`);
    return get(id);
  });
});

describe('tab store: a closed tab stays closed', () => {
  it('stores updates of an open tab, and removal deletes them', async () => {
    const id = await openTab();
    await updateTab(id, mark('www.tiktok.com/messages'));
    expect(Object.keys(await session())).toEqual([`tab:${id}`]);
    await removeTab(id);
    expect(await session()).toEqual({});
  });

  it('removal waits for the updates queued before it, and a late event after it writes nothing', async () => {
    const id = await openTab();
    const queued = [updateTab(id, mark('a')), updateTab(id, mark('b'))];
    close(id);
    const removed = removeTab(id);
    const late = updateTab(id, mark('late'));
    await Promise.all([...queued, removed]);
    expect((await late).where).toBe('late'); // computed for the caller …
    expect(await session()).toEqual({}); // … never stored
  });

  it('an event for a tab that no longer exists (closed while the worker slept) creates nothing', async () => {
    await updateTab(424242, mark('www.tiktok.com/messages'));
    expect(await session()).toEqual({});
  });

  it('a failing update rejects its own promise only: the chain goes on, nothing is unhandled', async () => {
    const id = await openTab();
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown) => unhandled.push(r);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        updateTab(id, () => {
          throw new Error('reducer broke');
        }),
      ).rejects.toThrow('reducer broke');
      await expect(removeTab(id)).resolves.toBeUndefined();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('tab store: start-up purge', () => {
  it('removes the state of tabs that no longer exist and of check runs with no tab, keeps open tabs', async () => {
    const open = await openTab();
    await fakeBrowser.storage.session.set({
      [`tab:${open}`]: { x: 1 },
      'tab:999': { x: 2 },
      'tab:-1': { x: 3 },
      'tab:-2': { x: 4 },
      'checks-last': { at: 1 },
    });
    expect((await purgeStaleTabs()).sort((a, b) => a - b)).toEqual([-2, -1, 999]);
    expect(Object.keys(await session()).sort()).toEqual(['checks-last', `tab:${open}`]);
  });

  it('a purged tab cannot be recreated by a late event either', async () => {
    await fakeBrowser.storage.session.set({ 'tab:77': { x: 1 } });
    close(77);
    await purgeStaleTabs();
    await updateTab(77, mark('late'));
    expect(await session()).toEqual({});
  });
});

describe('tab store: the most recent TikTok tab, filtered', () => {
  it('skips tabs the asker may not see (another window kind) and no-tab runs', async () => {
    const a = await openTab();
    const b = await openTab();
    await updateTab(a, (s) => ({ ...s, where: 'www.tiktok.com/messages', reportedAt: 100 }));
    await updateTab(b, (s) => ({ ...s, where: 'www.tiktok.com/messages', reportedAt: 200 }));
    await updateTab(-1, (s) => ({ ...s, where: 'www.tiktok.com/messages', reportedAt: 300 }));
    expect(await mostRecentTab()).toBe(b);
    expect(await mostRecentTab(async (id) => id !== b)).toBe(a);
    expect(await mostRecentTab(async () => false)).toBeNull();
  });
});
