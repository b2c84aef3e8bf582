import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { INVALID, registerRouter, type Handlers } from '../../../src/background/router';
import { InputSchemas } from '../../../src/contracts/schemas';
import { SENDER_POLICY, type onMessage, type Sender } from '../../../src/contracts/protocol';
import { handlers } from '../../../src/background/handlers';
import { readTab } from '../../../src/background/tab-store';

// The background's one door: every message it handles has a schema, and a handler never sees data
// that does not match it.

type Listener = (m: { data: unknown; sender: Sender }) => unknown;
function capture(): { listen: typeof onMessage; call: (type: string, data: unknown, sender?: Sender) => Promise<unknown> } {
  const routes = new Map<string, Listener>();
  const listen = ((type: string, fn: Listener) => {
    routes.set(type, fn);
    return () => routes.delete(type);
  }) as unknown as typeof onMessage;
  return { listen, call: async (type, data, sender = {}) => routes.get(type)!({ data, sender }) };
}

const spies = () =>
  Object.fromEntries(Object.keys(InputSchemas).map((k) => [k, vi.fn(async () => undefined)])) as unknown as Handlers &
    Record<string, ReturnType<typeof vi.fn>>;

const REPORT = {
  where: 'www.tiktok.com/messages',
  topFrame: true,
  onMessages: true,
  recognition: 'recognized',
  reason: null,
  observation: null,
  failureId: null,
  fresh: false,
  cleared: false,
  failureAt: null,
  seq: 3,
  pageId: 'p1',
};

describe('router: schemas before handlers', () => {
  it('every message the background receives (content → background, popup or options → background) has a schema, and no other', () => {
    const toBackground = Object.keys(SENDER_POLICY).filter(
      (t) => /^(content|any|options)/.test(t) || (t.startsWith('popup') && t !== 'popupChatHandle'),
    );
    expect(Object.keys(InputSchemas).sort()).toEqual(toBackground.sort());
  });

  it('malformed data is refused with an error reply and never reaches the handler', async () => {
    const { listen, call } = capture();
    const h = spies();
    registerRouter(h, listen);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bad: [string, unknown][] = [
      ['contentPageReport', { ...REPORT, where: 'x'.repeat(301) }],
      ['contentPageReport', { ...REPORT, observation: { hostile: true } }],
      ['contentDismiss', { failureId: 42 }],
      ['popupGetView', { tabId: 'all', activeTabId: null, activeUrl: null }],
      ['popupAnswer', { tabId: 1.5, questionId: 'follows-back', answer: true }],
      ['popupRunChecks', null],
      ['anySetSettings', { hintsEnabled: 'yes' }],
      // "Turn off hints" carries nothing: a TikTok tab cannot say "on" through it
      ['contentHintsOff', { hintsEnabled: true }],
      ['optionsGetWhatsNew', { from: 'x' }],
    ];
    for (const [type, data] of bad) await expect(call(type, data), type).rejects.toThrow(INVALID);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('well-formed data reaches the handler parsed (defaults applied), with its sender', async () => {
    const { listen, call } = capture();
    const h = spies();
    registerRouter(h, listen);
    const sender = { tab: { id: 4 }, frameId: 0 } as Sender;
    await call('contentPageReport', { ...REPORT, pageId: 7 }, sender);
    expect(h.contentPageReport).toHaveBeenCalledWith({ ...REPORT, pageId: '' }, sender);
    await call('anySetSettings', { hintsEnabled: false });
    expect(h.anySetSettings).toHaveBeenCalledWith({ hintsEnabled: false }, {});
  });
});

describe('handlers (fake browser)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('a sub-frame cannot claim to be the top frame', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.tiktok.com/messages' });
    await handlers.contentPageReport(
      { ...REPORT, recognition: 'recognized', reason: null } as never,
      { tab: { id: tab.id }, frameId: 3 } as Sender,
    );
    expect((await readTab(tab.id!)).page?.topFrame).toBe(false);
  });

  it('dismissals are kept once each, at most 50', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.tiktok.com/messages' });
    const sender = { tab: { id: tab.id }, frameId: 0 } as Sender;
    for (let i = 0; i < 60; i++) await handlers.contentDismiss({ failureId: `f${i}` }, sender);
    await handlers.contentDismiss({ failureId: 'f59' }, sender);
    const { dismissed } = await readTab(tab.id!);
    expect(dismissed).toHaveLength(50);
    expect(dismissed.at(-1)).toBe('f59');
    expect(new Set(dismissed).size).toBe(50);
  });
});
