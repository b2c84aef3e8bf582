import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLife, watchLocation } from '../../../src/content/life';

// The content script's life ends when its extension goes (reloaded, updated, removed: no runtime.id),
// and everything it listens to goes with it; the inbox's address is followed from the Navigation API's
// `navigate` event, or checked every second where the browser has no Navigation API.

const runtime = fakeBrowser.runtime as unknown as { id?: string };
let id: string | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  id = runtime.id;
});
afterEach(() => {
  runtime.id = id;
  vi.useRealTimers();
});

describe('life', () => {
  it('ends when the extension is gone, once, and only then', () => {
    const life = createLife();
    const ended = vi.fn();
    life.onInvalidated(ended);
    expect(life.isValid).toBe(true);
    expect(ended).not.toHaveBeenCalled();
    runtime.id = undefined;
    expect(life.isValid).toBe(false);
    expect(life.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
  });
  it('stops listening when it ends', () => {
    const life = createLife();
    const fn = vi.fn();
    life.listen(window, 'pagehide', fn);
    window.dispatchEvent(new Event('pagehide'));
    runtime.id = undefined;
    void life.isValid;
    window.dispatchEvent(new Event('pagehide'));
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

/** A window stand-in: its own address, timers and, when given, a Navigation API. */
function fakeWindow(navigation?: EventTarget) {
  const loc = { href: 'https://www.tiktok.com/foryou' };
  return { location: loc, navigation, setInterval, clearInterval } as unknown as Window & { location: { href: string } };
}
const navigate = (nav: EventTarget, url: string) => nav.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));

describe('watchLocation', () => {
  it('follows the Navigation API: each new address once, none after the life ended', () => {
    const nav = new EventTarget();
    const life = createLife();
    const seen: string[] = [];
    watchLocation(life, (u) => seen.push(u.pathname), fakeWindow(nav));
    navigate(nav, 'https://www.tiktok.com/foryou'); // the same address: nothing
    navigate(nav, 'https://www.tiktok.com/messages?u=1');
    navigate(nav, 'https://www.tiktok.com/messages?u=1');
    navigate(nav, 'https://www.tiktok.com/@someone');
    runtime.id = undefined;
    void life.isValid;
    navigate(nav, 'https://www.tiktok.com/messages');
    expect(seen).toEqual(['/messages', '/@someone']);
  });
  it('without a Navigation API, checks the address every second until the life ends', () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const life = createLife();
    const seen: string[] = [];
    watchLocation(life, (u) => seen.push(u.pathname), win);
    win.location.href = 'https://www.tiktok.com/messages';
    vi.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['/messages']);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['/messages']);
    runtime.id = undefined;
    win.location.href = 'https://www.tiktok.com/foryou';
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['/messages']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
