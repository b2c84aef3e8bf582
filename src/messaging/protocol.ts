import { browser, type Browser } from 'wxt/browser';
import type { PageReport } from './page-report';
import type { TabView } from '../state/tab-view';
import type { HintUpdate } from './hint-update';

// One typed protocol, named by direction. Every handler in the background validates its input with
// zod: content scripts run inside TikTok's page. Hand-written over runtime/tabs messaging (rather
// than a library) to keep the content script small: no polyfill, no error serialiser.
export interface ProtocolMap {
  /** content → background: what the page shows now */
  contentPageReport(report: PageReport): void;
  /** background → content: the tab's latest diagnosis for the hint */
  backgroundHintUpdate(update: HintUpdate): void;
  /** popup → background: the view of one tab (null tab = pick one as DESIGN.md says) */
  popupGetView(req: { tabId: number | null; activeTabId: number | null; activeUrl: string | null }): TabView;
  /** popup → background: run the connectivity checks for a tab */
  popupRunChecks(req: { tabId: number | null }): TabView;
  /** popup → background: answer the diagnosis question */
  popupAnswer(req: { tabId: number; questionId: string; answer: boolean }): TabView;
  /** content/popup → background: settings changed */
  anySetSettings(req: { hintsEnabled?: boolean; externalChecksAllowed?: boolean }): void;
  /** content → background: the person dismissed the hint for this failure */
  contentDismiss(req: { failureId: string }): void;
  /** background → content: is a content script running in this tab? (answers true) */
  backgroundPing(req: null): true;
}

type Type = keyof ProtocolMap;
type Data<K extends Type> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends Type> = ReturnType<ProtocolMap[K]>;
interface Envelope {
  dmDoctor: Type;
  data: unknown;
}
export type Sender = Browser.runtime.MessageSender;

const isEnvelope = (m: unknown): m is Envelope => typeof m === 'object' && m !== null && typeof (m as Envelope).dmDoctor === 'string';

/** To the background (no tabId) or to one tab's content scripts (all frames). */
export async function sendMessage<K extends Type>(type: K, data: Data<K>, tabId?: number): Promise<Reply<K>> {
  const msg: Envelope = { dmDoctor: type, data };
  const reply = tabId === undefined ? await browser.runtime.sendMessage(msg) : await browser.tabs.sendMessage(tabId, msg);
  if (isEnvelope(reply) && reply.dmDoctor === type && (reply as { error?: string }).error) throw new Error((reply as { error?: string }).error);
  return (reply as { data: Reply<K> } | undefined)?.data as Reply<K>;
}

/** Handles one message type; the handler's result (or promise) is the reply. Returns a remover. */
export function onMessage<K extends Type>(type: K, handler: (m: { data: Data<K>; sender: Sender }) => Reply<K> | Promise<Reply<K>>): () => void {
  const listener = (msg: unknown, sender: Sender, sendResponse: (r: unknown) => void): true | undefined => {
    if (!isEnvelope(msg) || msg.dmDoctor !== type) return undefined;
    Promise.resolve()
      .then(() => handler({ data: msg.data as Data<K>, sender }))
      .then(
        (data) => sendResponse({ dmDoctor: type, data }),
        (err: unknown) => sendResponse({ dmDoctor: type, error: String(err) }),
      );
    return true; // the reply comes asynchronously
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
