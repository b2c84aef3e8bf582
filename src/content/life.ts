import { browser } from 'wxt/browser';

// The content script's life, and the inbox's address as TikTok changes it without loading a page.
// Written here instead of WXT's content-script context (its context, location watcher and entry
// wrapper were 8 % of the content script): this is all the script uses of them, and it posts nothing
// to the page (WXT's context tells other copies of the script it started with an event on `window`).

export interface Life {
  /**
   * False once the extension was reloaded, updated or removed: the browser leaves this script in the
   * page without its extension (no `runtime.id`). Asking is what notices it and ends the life.
   */
  readonly isValid: boolean;
  /** Runs `fn` when the life ends (at most once). */
  onInvalidated(fn: () => void): void;
  /** Listens on `target` until the life ends. */
  listen<K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void): void;
}

export function createLife(): Life {
  const ended = new AbortController();
  const { signal } = ended;
  return {
    get isValid() {
      if (!signal.aborted && browser.runtime?.id == null) ended.abort();
      return !signal.aborted;
    },
    onInvalidated: (fn) => signal.addEventListener('abort', fn, { once: true }),
    listen: (target, type, fn) => target.addEventListener(type, fn as EventListener, { signal }),
  };
}

interface NavigateEvent extends Event {
  destination: { url: string };
}

/**
 * Calls `onChange` with each new address of this document, from the Navigation API's `navigate`
 * event where the browser has it (as TikTok's router calls `pushState`), else from a check every
 * second; until the life ends.
 */
export function watchLocation(life: Life, onChange: (url: URL) => void, win: Window = window): void {
  let last = win.location.href;
  const seen = (href: string) => {
    if (href === last) return;
    last = href;
    onChange(new URL(href));
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    const fn = (e: Event) => seen((e as NavigateEvent).destination.url);
    navigation.addEventListener('navigate', fn);
    life.onInvalidated(() => navigation.removeEventListener('navigate', fn));
    return;
  }
  const id = win.setInterval(() => {
    if (life.isValid) seen(win.location.href);
  }, 1000);
  life.onInvalidated(() => win.clearInterval(id));
}
