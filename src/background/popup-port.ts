import { browser, type Browser } from 'wxt/browser';
import { POPUP_PORT, senderAllowed } from '../contracts/protocol';
import { InputSchemas, type Input } from '../contracts/schemas';
import type { TabView } from '../contracts/tab-view';

// The popup subscribes to its tab's view over a port instead of polling: the background posts a new
// view whenever a tab's state changes (the same moment the hint gets its update), so the popup and
// the hint never disagree. While a view is not settled (a check running, a page not yet reported)
// it is re-sent once a second, so time-based changes (the 8 s report deadline) arrive too.

const UNSETTLED_RESEND_MS = 1000;

type Port = Browser.runtime.Port;
type ViewOf = (req: Input<'popupGetView'>, sender: Browser.runtime.MessageSender) => TabView | Promise<TabView>;

interface Watcher {
  req: Input<'popupGetView'>;
  timer?: ReturnType<typeof setTimeout>;
}

const watchers = new Map<Port, Watcher>();

/** Accepts popup ports from the extension's own pages only; the request is checked like a message. */
export function registerPopupPorts(viewOf: ViewOf): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== POPUP_PORT) return;
    if (!senderAllowed('popupGetView', port.sender)) {
      console.warn('[dm-doctor] refused a popup port from', port.sender?.url ?? 'an unknown sender');
      port.disconnect();
      return;
    }
    port.onMessage.addListener((msg) => {
      const parsed = InputSchemas.popupGetView.safeParse(msg);
      if (!parsed.success) {
        console.warn('[dm-doctor] rejected a popup subscription:', parsed.error.issues[0]?.message);
        port.disconnect();
        return;
      }
      watchers.set(port, { req: parsed.data });
      void send(port, viewOf);
    });
    port.onDisconnect.addListener(() => {
      clearTimeout(watchers.get(port)?.timer);
      watchers.delete(port);
    });
  });
  notify = () => {
    for (const port of watchers.keys()) void send(port, viewOf);
  };
}

let notify = (): void => undefined;

/** A tab's state changed: every open popup gets its view again (there are one or two at most). */
export function notifyPopups(): void {
  notify();
}

async function send(port: Port, viewOf: ViewOf): Promise<void> {
  const w = watchers.get(port);
  if (!w) return;
  clearTimeout(w.timer);
  try {
    const view = await viewOf(w.req, port.sender ?? {});
    if (!watchers.has(port)) return;
    port.postMessage(view);
    if (!view.settled) w.timer = setTimeout(() => void send(port, viewOf), UNSETTLED_RESEND_MS);
  } catch (err) {
    console.warn('[dm-doctor] a popup view failed:', err);
  }
}
