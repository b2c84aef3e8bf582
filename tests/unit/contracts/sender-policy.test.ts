import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onMessage, REFUSED, SENDER_POLICY, senderAllowed, type Sender } from '../../../src/contracts/protocol';

// The trust boundary (DESIGN.md): popup messages only from the extension's own pages, content
// messages only from content scripts in https://www.tiktok.com tabs (any frame). Fake senders
// shaped like what Chrome and Firefox hand to runtime.onMessage.

const ID = fakeBrowser.runtime.id;
const BASE = fakeBrowser.runtime.getURL('');
const POPUP_MESSAGES = [
  'popupGetView',
  'popupRunChecks',
  'popupAnswer',
  'anySetSettings',
  'popupChatHandle',
  'optionsGetWhatsNew',
] as const;
const CONTENT_MESSAGES = ['contentPageReport', 'contentDismiss', 'contentHintsOff'] as const;

const tab = (id: number) =>
  ({ id, index: 0, incognito: false, pinned: false, highlighted: false, windowId: 1, active: true }) as unknown as NonNullable<
    Sender['tab']
  >;
const senders = {
  popup: { id: ID, url: `${BASE}popup.html` },
  popupAsTab: { id: ID, url: `${BASE}popup.html?tab=7`, tab: tab(12) },
  background: { id: ID, url: `${BASE}background.js` },
  firefoxPopup: { id: ID, url: `${BASE}popup.html`, envType: 'addon_child' },
  inbox: { id: ID, url: 'https://www.tiktok.com/messages?lang=en', tab: tab(5), frameId: 0 },
  businessFrame: { id: ID, url: 'https://www.tiktok.com/messages?scene=business', tab: tab(5), frameId: 7 },
  httpFrame: { id: ID, url: 'http://www.tiktok.com/messages', tab: tab(5), frameId: 3 },
  subdomainFrame: { id: ID, url: 'https://ads.tiktok.com/x', tab: tab(5), frameId: 4 },
  lookalike: { id: ID, url: 'https://www.tiktok.com.evil.example/messages', tab: tab(5), frameId: 0 },
  userinfo: { id: ID, url: 'https://x:y@www.tiktok.com/messages', tab: tab(5), frameId: 0 },
  tiktokNoTab: { id: ID, url: 'https://www.tiktok.com/messages' },
  otherExtension: { id: 'another-extension', url: `${BASE}popup.html` },
  otherExtensionOnTikTok: { id: 'another-extension', url: 'https://www.tiktok.com/messages', tab: tab(5) },
  noId: { url: `${BASE}popup.html` },
  empty: {},
} satisfies Record<string, Sender & { envType?: string }>;
type Trigger = (msg: unknown, sender: Sender, reply: (r: unknown) => void) => Promise<unknown>;
type Name = keyof typeof senders;

const allowedFor = (type: string) => (Object.keys(senders) as Name[]).filter((n) => senderAllowed(type, senders[n] as Sender));

describe('SENDER_POLICY: one table, every message', () => {
  it('names an allowed sender kind for each message of the protocol', () => {
    expect(Object.keys(SENDER_POLICY).sort()).toEqual([
      'anySetSettings',
      'backgroundHintUpdate',
      'backgroundPing',
      'contentDismiss',
      'contentHintsOff',
      'contentPageReport',
      'optionsGetWhatsNew',
      'popupAnswer',
      'popupChatHandle',
      'popupGetView',
      'popupRunChecks',
    ]);
    for (const t of POPUP_MESSAGES) expect(SENDER_POLICY[t]).toBe('extension');
    for (const t of CONTENT_MESSAGES) expect(SENDER_POLICY[t]).toBe('tiktok-tab');
  });

  it.each(POPUP_MESSAGES)("%s: only the extension's own pages", (type) => {
    expect(allowedFor(type)).toEqual(['popup', 'popupAsTab', 'background', 'firefoxPopup']);
  });

  it.each(CONTENT_MESSAGES)('%s: only content scripts in https://www.tiktok.com tabs, frames included', (type) => {
    expect(allowedFor(type)).toEqual(['inbox', 'businessFrame']);
  });

  it('refuses a message type the table does not know, and a missing sender', () => {
    expect(allowedFor('popupDeleteEverything')).toEqual([]);
    expect(allowedFor('toString')).toEqual([]);
    expect(senderAllowed('popupGetView', undefined)).toBe(false);
  });
});

describe('the messenger checks the sender before the handler runs', () => {
  beforeEach(() => fakeBrowser.reset());

  async function deliver(type: string, data: unknown, sender: Sender | (typeof senders)[Name]): Promise<unknown> {
    return new Promise((resolve) => {
      void (fakeBrowser.runtime.onMessage.trigger as unknown as Trigger)({ dmDoctor: type, data }, sender as Sender, resolve);
    });
  }

  it("a content script asking for another tab's view gets a refusal, and the handler never runs", async () => {
    const handler = vi.fn(() => ({ secret: 'diagnosis of tab 9' }));
    onMessage('popupGetView', handler as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await deliver('popupGetView', { tabId: 9, activeTabId: null, activeUrl: null }, senders.inbox)).toEqual({
      dmDoctor: 'popupGetView',
      error: REFUSED,
    });
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('[dm-doctor] refused popupGetView from', 'https://www.tiktok.com/messages?lang=en');
    expect(await deliver('popupGetView', { tabId: 9, activeTabId: null, activeUrl: null }, senders.popup)).toEqual({
      dmDoctor: 'popupGetView',
      data: { secret: 'diagnosis of tab 9' },
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers, settings and check runs from a content script are refused the same way', async () => {
    const handlers = { popupAnswer: vi.fn(), anySetSettings: vi.fn(), popupRunChecks: vi.fn() };
    for (const [type, h] of Object.entries(handlers)) onMessage(type as 'popupAnswer', h as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const [type, sender] of [
      ['popupAnswer', senders.inbox],
      ['anySetSettings', senders.httpFrame],
      ['popupRunChecks', senders.otherExtensionOnTikTok],
    ] as const) {
      expect(await deliver(type, {}, sender)).toEqual({ dmDoctor: type, error: REFUSED });
    }
    for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled();
  });

  it("a TikTok page (or another content script) cannot ask a tab for the open chat's @handle: only the extension's pages can", async () => {
    const handler = vi.fn(() => '@someone');
    onMessage('popupChatHandle', handler);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const sender of [senders.inbox, senders.businessFrame, senders.otherExtensionOnTikTok, senders.httpFrame]) {
      expect(await deliver('popupChatHandle', null, sender)).toEqual({ dmDoctor: 'popupChatHandle', error: REFUSED });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await deliver('popupChatHandle', null, senders.popup)).toEqual({ dmDoctor: 'popupChatHandle', data: '@someone' });
  });

  it("a page report from the extension's own page, an http: frame or another TikTok host is refused", async () => {
    const handler = vi.fn();
    onMessage('contentPageReport', handler);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const sender of [senders.popup, senders.httpFrame, senders.subdomainFrame, senders.tiktokNoTab]) {
      expect(await deliver('contentPageReport', {}, sender)).toEqual({ dmDoctor: 'contentPageReport', error: REFUSED });
    }
    expect(handler).not.toHaveBeenCalled();
    await deliver('contentPageReport', {}, senders.businessFrame);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
