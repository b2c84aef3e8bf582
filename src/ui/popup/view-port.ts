import { browser } from 'wxt/browser';
import { POPUP_PORT } from '../../contracts/protocol';
import type { Input } from '../../contracts/schemas';
import type { TabView } from '../../contracts/tab-view';

// The popup's subscription to its tab's view, opened when the popup's script is evaluated — before
// the first render, not in an effect (Preact runs effects after the next frame) — so the port, the
// worker's wake-up and the window-kind question all run while the page paints "Loading…". The
// background pushes a new view whenever the tab's state changes (the moment the hint gets its
// update): no polling. A port the browser closes (the worker was stopped) is opened again.

type ViewRequest = Input<'popupGetView'>;

/** a port closed by the browser (the worker stopped) is opened again, this many times in a row */
const RECONNECTS = 3;
const RECONNECT_MS = 100;

/**
 * The popup's window kind, told to the background with every request: a popup only ever sees tabs
 * of its own kind (DESIGN.md). Tab state comes only from the background, never from storage.
 */
export const incognitoP: Promise<boolean> = browser.windows.getCurrent().then(
  (w) => !!w.incognito || !!browser.extension?.inIncognitoContext,
  () => !!browser.extension?.inIncognitoContext,
);

/** What this popup asks about: `?tab=<id>` (a tab named by the tests or the hint), else the active tab. */
async function viewRequest(): Promise<ViewRequest> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) {
    const id = Number(param);
    // `?tab=` naming no tab is `not-tiktok`
    return { tabId: Number.isInteger(id) ? id : -1, activeTabId: null, activeUrl: null, incognito: await incognitoP };
  }
  // the window kind and the active tab are asked at the same time
  const [incognito, [active]] = await Promise.all([incognitoP, browser.tabs.query({ active: true, currentWindow: true })]);
  return { tabId: null, activeTabId: active?.id ?? null, activeUrl: active?.url ?? null, incognito };
}

export interface ViewSource {
  /** the latest view (null until the first arrives) and whether the port gave up */
  current(): { view: TabView | null; error: boolean };
  /** called on every new view or error; returns the unsubscribe */
  listen(fn: () => void): () => void;
  close(): void;
}

/** Opens the port at once and asks for the view as soon as the request is known. */
export function openViewSource(): ViewSource {
  let view: TabView | null = null;
  let error = false;
  let closed = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let retries = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const fn of listeners) fn();
  };
  const fail = () => {
    error = true;
    emit();
  };
  // The request does not depend on the port: it is computed once and sent on every (re)connection.
  const request = viewRequest();
  const open = () => {
    // connected before the request is known: the worker wakes (or answers) meanwhile
    const p = browser.runtime.connect({ name: POPUP_PORT });
    port = p;
    p.onMessage.addListener((v) => {
      retries = 0;
      view = v as TabView;
      emit();
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      if (closed) return;
      if (retries++ < RECONNECTS) setTimeout(open, RECONNECT_MS);
      else fail();
    });
    request.then((req) => {
      if (port === p) p.postMessage(req);
    }, fail);
  };
  try {
    open();
  } catch {
    fail();
  }
  return {
    current: () => ({ view, error }),
    listen(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    close() {
      closed = true;
      port?.disconnect();
    },
  };
}
