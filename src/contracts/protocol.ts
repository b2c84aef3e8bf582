import { browser, type Browser } from 'wxt/browser';
import type { Input } from './schemas';
import { isTikTokFrame } from '../tiktok/urls';
import type { TabView } from './tab-view';
import type { HintUpdate } from './hint-update';
import type { WhatsNew } from './whats-new';

// One typed protocol, named by direction. What the background receives is validated by its router
// against src/contracts/schemas.ts (the request types below are inferred from there, type-only, so
// this file brings no zod into the content script). Hand-written over runtime/tabs messaging (rather
// than a library) to keep the content script small: no polyfill, no error serialiser.
export interface ProtocolMap {
  /** content → background: what the page shows now */
  contentPageReport(report: Input<'contentPageReport'>): void;
  /** background → content: the tab's latest diagnosis for the hint */
  backgroundHintUpdate(update: HintUpdate): void;
  /**
   * popup → background: the view of one tab (null tab = pick one as DESIGN.md says). `incognito`:
   * the popup's own window kind; it only ever sees tabs of that kind.
   */
  popupGetView(req: Input<'popupGetView'>): TabView;
  /** popup → background: run the connectivity checks for a tab */
  popupRunChecks(req: Input<'popupRunChecks'>): TabView;
  /** popup → background: answer the diagnosis question */
  popupAnswer(req: Input<'popupAnswer'>): TabView;
  /** popup → background: settings changed (the extension's own pages only) */
  anySetSettings(req: Input<'anySetSettings'>): void;
  /** options page → background: the quiet "what's new" note an update left (versions only), or null */
  optionsGetWhatsNew(req: Input<'optionsGetWhatsNew'>): WhatsNew | null;
  /** content → background: the person dismissed the hint for this failure */
  contentDismiss(req: Input<'contentDismiss'>): void;
  /** content → background: "Turn off hints" in the hint (the only setting a TikTok tab may change, and only to off) */
  contentHintsOff(req: Input<'contentHintsOff'>): void;
  /** background → content: is a content script running in this tab? (answers true) */
  backgroundPing(req: null): true;
  /**
   * popup → content: the open chat's @handle, for the "open their profile" button. Answered only by
   * the frame that watches the inbox; the popup keeps it in memory, never stores or reports it.
   */
  popupChatHandle(req: null): string | null;
}

export type Type = keyof ProtocolMap;

/**
 * The popup's subscription: a `runtime.connect` port of this name; the popup posts one
 * `popupGetView` request, the background posts a TabView each time the tab's state changes.
 */
export const POPUP_PORT = 'popup-view';

/**
 * Who may send each message (DESIGN.md, trust boundary). `extension`: the extension's own pages and
 * background (its id, a URL under its base URL). `tiktok-tab`: a content script in a tab on
 * https://www.tiktok.com (any frame: the business chat iframe is same-origin). Checked by the
 * messenger before any handler runs; a message missing here is refused.
 */
export type SenderKind = 'extension' | 'tiktok-tab';
export const SENDER_POLICY: Readonly<Record<Type, SenderKind>> = {
  contentPageReport: 'tiktok-tab',
  contentDismiss: 'tiktok-tab',
  contentHintsOff: 'tiktok-tab',
  backgroundHintUpdate: 'extension',
  backgroundPing: 'extension',
  popupChatHandle: 'extension',
  popupGetView: 'extension',
  popupRunChecks: 'extension',
  popupAnswer: 'extension',
  anySetSettings: 'extension',
  optionsGetWhatsNew: 'extension',
};

export interface Self {
  id: string;
  /** runtime.getURL(''): chrome-extension://<id>/ or moz-extension://<uuid>/ */
  base: string;
}

/** Whether `sender` may send a message of `type` (see SENDER_POLICY). */
export function senderAllowed(
  type: string,
  sender: Sender | undefined,
  self: Self = { id: browser.runtime.id, base: browser.runtime.getURL('') },
): boolean {
  const kind = Object.hasOwn(SENDER_POLICY, type) ? SENDER_POLICY[type as Type] : undefined;
  if (!kind || !sender || sender.id !== self.id || !self.base) return false;
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(self.base);
  if (kind === 'extension') return fromOwnPage;
  return !fromOwnPage && sender.tab?.id != null && sender.tab.id >= 0 && isTikTokFrame(sender.url);
}
export type Data<K extends Type> = Parameters<ProtocolMap[K]>[0];
export type Reply<K extends Type> = ReturnType<ProtocolMap[K]>;
interface Envelope {
  dmDoctor: Type;
  data: unknown;
}
export type Sender = Browser.runtime.MessageSender;

/** The error a refused sender gets back. */
export const REFUSED = 'refused: sender not allowed';

const isEnvelope = (m: unknown): m is Envelope => typeof m === 'object' && m !== null && typeof (m as Envelope).dmDoctor === 'string';

/** To the background (no tabId) or to one tab's content scripts (all frames). */
export async function sendMessage<K extends Type>(type: K, data: Data<K>, tabId?: number): Promise<Reply<K>> {
  const msg: Envelope = { dmDoctor: type, data };
  const reply = tabId === undefined ? await browser.runtime.sendMessage(msg) : await browser.tabs.sendMessage(tabId, msg);
  if (isEnvelope(reply) && reply.dmDoctor === type && (reply as { error?: string }).error)
    throw new Error((reply as { error?: string }).error);
  return (reply as { data: Reply<K> } | undefined)?.data as Reply<K>;
}

/** Handles one message type; the handler's result (or promise) is the reply. Returns a remover. */
export function onMessage<K extends Type>(
  type: K,
  handler: (m: { data: Data<K>; sender: Sender }) => Reply<K> | Promise<Reply<K>>,
): () => void {
  const listener = (msg: unknown, sender: Sender, sendResponse: (r: unknown) => void): true | undefined => {
    if (!isEnvelope(msg) || msg.dmDoctor !== type) return undefined;
    const reply = (r: unknown) => {
      try {
        sendResponse(r);
      } catch {
        // the sender went away (a closed popup, a navigated frame): nobody to answer
      }
    };
    if (!senderAllowed(type, sender)) {
      console.warn(`[dm-doctor] refused ${type} from`, sender?.url ?? 'an unknown sender');
      reply({ dmDoctor: type, error: REFUSED });
      return undefined;
    }
    Promise.resolve()
      .then(() => handler({ data: msg.data as Data<K>, sender }))
      .then(
        (data) => reply({ dmDoctor: type, data }),
        (err: unknown) => reply({ dmDoctor: type, error: String(err) }),
      );
    return true; // the reply comes asynchronously
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
