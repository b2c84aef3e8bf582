import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { notifyPopups, registerPopupPorts } from '../../../src/background/popup-port';
import { POPUP_PORT } from '../../../src/contracts/protocol';
import type { TabView } from '../../../src/contracts/tab-view';

// The popup's subscription: views are pushed when a tab changes, only to the extension's own pages,
// only for a well-formed request; an unsettled view is sent again until it settles.

const BASE = fakeBrowser.runtime.getURL('');
const REQ = { tabId: 5, activeTabId: null, activeUrl: null, incognito: false };

function fakePort(url: string, name = POPUP_PORT) {
  const onMsg: ((m: unknown) => void)[] = [];
  const onGone: (() => void)[] = [];
  const port = {
    name,
    sender: { id: fakeBrowser.runtime.id, url },
    onMessage: { addListener: (f: (m: unknown) => void) => onMsg.push(f) },
    onDisconnect: { addListener: (f: () => void) => onGone.push(f) },
    postMessage: vi.fn(),
    disconnect: vi.fn(),
  };
  return {
    port,
    post: (m: unknown) => {
      for (const f of onMsg) f(m);
    },
    close: () => {
      for (const f of onGone) f();
    },
  };
}
const view = (settled: boolean, state: TabView['state'] = 'no-problem') => ({ tabId: 5, state, settled }) as TabView;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('popup port', () => {
  let viewOf: ReturnType<typeof vi.fn>;
  let connect: (port: unknown) => void;
  beforeEach(() => {
    fakeBrowser.reset();
    // WXT's fake browser has no runtime.onConnect: a minimal one
    Object.defineProperty(fakeBrowser.runtime, 'onConnect', {
      configurable: true,
      value: { addListener: (f: (port: unknown) => void) => (connect = f) },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    viewOf = vi.fn(async () => view(true));
    registerPopupPorts(viewOf as never);
  });

  it('answers a popup page with its view, and again each time a tab changes', async () => {
    const p = fakePort(`${BASE}popup.html`);
    connect(p.port);
    p.post(REQ);
    await flush();
    expect(viewOf).toHaveBeenCalledWith(REQ, p.port.sender);
    expect(p.port.postMessage).toHaveBeenCalledTimes(1);
    viewOf.mockResolvedValueOnce(view(true, 'problem'));
    notifyPopups();
    await flush();
    expect(p.port.postMessage).toHaveBeenLastCalledWith(view(true, 'problem'));
    p.close();
    notifyPopups();
    await flush();
    expect(p.port.postMessage).toHaveBeenCalledTimes(2);
  });

  it('refuses a port from a TikTok page (a content script) and never computes a view for it', async () => {
    const p = fakePort('https://www.tiktok.com/messages');
    connect(p.port);
    p.post(REQ);
    await flush();
    expect(p.port.disconnect).toHaveBeenCalled();
    expect(viewOf).not.toHaveBeenCalled();
  });

  it('drops a malformed request', async () => {
    const p = fakePort(`${BASE}popup.html`);
    connect(p.port);
    p.post({ tabId: 'every tab' });
    await flush();
    expect(p.port.disconnect).toHaveBeenCalled();
    expect(viewOf).not.toHaveBeenCalled();
  });

  it('sends an unsettled view again until it settles', async () => {
    vi.useFakeTimers();
    try {
      viewOf.mockResolvedValueOnce(view(false)).mockResolvedValueOnce(view(false)).mockResolvedValue(view(true));
      const p = fakePort(`${BASE}popup.html`);
      connect(p.port);
      p.post(REQ);
      await vi.advanceTimersByTimeAsync(5000);
      expect(p.port.postMessage).toHaveBeenCalledTimes(3);
      expect(p.port.postMessage).toHaveBeenLastCalledWith(view(true));
    } finally {
      vi.useRealTimers();
    }
  });
});
