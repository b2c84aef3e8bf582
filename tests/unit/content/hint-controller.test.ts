import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Life } from '../../../src/content/life';
import { createHintController } from '../../../src/content/hint-controller';
import type { Watcher } from '../../../src/content/watcher';
import type { PageReport } from '../../../src/contracts/page-report';
import type { HintUpdate } from '../../../src/contracts/hint-update';

// The in-page hint's controller: the page's own answer at once, then the background's answer for
// the same report (seq + pageId) decides; dismissals, the hints switch, Escape.

const report = (over: Partial<PageReport> = {}): PageReport => ({
  where: 'www.tiktok.com/messages',
  topFrame: true,
  onMessages: true,
  recognition: 'recognized',
  reason: null,
  observation: {
    generation: 'dm-new',
    page: 'inbox',
    chatOpen: true,
    composer: 'present',
    failures: { total: 1, own: 1 },
    unsupportedMessage: false,
    notice: { text: 'You are sending messages too fast. Take a rest.', causeId: 'sending-too-fast', lang: 'en', source: 'send-fail-tip' },
  },
  failureId: 'f1',
  fresh: true,
  cleared: false,
  failureAt: 1,
  seq: 1,
  pageId: 'p',
  ...over,
});
const update = (over: Partial<HintUpdate> = {}): HintUpdate => ({
  state: 'problem',
  causeId: 'not-friends',
  earlier: false,
  hintsEnabled: true,
  dismissed: [],
  seq: 1,
  pageId: 'p',
  words: null,
  ...over,
});
const hint = () => document.querySelector<HTMLElement>('dm-doctor-hint');
const frames = () => new Promise((r) => setTimeout(r, 40));

let sent: unknown[];
let ctl: ReturnType<typeof createHintController>;
beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    sent.push(m);
    return undefined;
  });
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  const ctx = { onInvalidated: vi.fn() } as unknown as Life;
  const watcher = { anchor: () => null } as unknown as Watcher;
  ctl = createHintController(ctx, () => watcher);
});
afterEach(() => {
  ctl.remove();
  document.body.replaceChildren();
});

describe('hint controller', () => {
  it("shows the page's own answer at once, unsettled, then the background's answer for the same report", () => {
    ctl.onReport(report());
    expect(hint()?.dataset).toMatchObject({ causeId: 'sending-too-fast', settled: 'false' });
    ctl.onUpdate(update());
    expect(hint()?.dataset).toMatchObject({ causeId: 'not-friends', settled: 'true' });
  });

  it("ignores an answer about another frame's report (the business iframe) or an older one", () => {
    ctl.onReport(report({ seq: 2 }));
    ctl.onUpdate(update({ pageId: 'other-frame', seq: 2 }));
    expect(hint()?.dataset.causeId).toBe('sending-too-fast');
    ctl.onUpdate(update({ seq: 1 }));
    expect(hint()?.dataset.causeId).toBe('sending-too-fast');
  });

  it('goes when the background says there is no problem, when the failure is dismissed, or off /messages', () => {
    ctl.onReport(report());
    ctl.onUpdate(update({ state: 'no-problem', causeId: null }));
    expect(hint()).toBeNull();
    ctl.onUpdate(update({ dismissed: ['f1'] }));
    expect(hint()).toBeNull();
    ctl.onUpdate(update());
    expect(hint()).not.toBeNull();
    ctl.onReport(report({ onMessages: false, seq: 1 }));
    expect(hint()).toBeNull();
  });

  it('shows nothing, not even the instant answer, while hints are switched off', () => {
    ctl.onUpdate(update({ hintsEnabled: false, seq: 0 }));
    ctl.onReport(report());
    expect(hint()).toBeNull();
  });

  it('Escape dismisses it and tells the background which failure; not while TikTok has a dialog open', async () => {
    ctl.onReport(report());
    ctl.onUpdate(update());
    await frames();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.className = 'TUXModal';
    document.body.append(dialog);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(hint()).not.toBeNull();
    dialog.remove();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(hint()).toBeNull();
    expect(sent).toContainEqual({ dmDoctor: 'contentDismiss', data: { failureId: 'f1' } });
  });

  it('"Turn off hints" asks the background and hides the hint until hints are on again', async () => {
    ctl.onReport(report());
    ctl.onUpdate(update());
    await frames();
    const off = hint()!.shadowRoot!.querySelector<HTMLButtonElement>('button.off')!;
    off.click();
    expect(hint()).toBeNull();
    expect(sent).toContainEqual({ dmDoctor: 'contentHintsOff', data: null });
    ctl.onUpdate(update({ hintsEnabled: false }));
    ctl.onReport(report({ seq: 2 }));
    expect(hint()).toBeNull();
    ctl.onUpdate(update({ hintsEnabled: true, seq: 2 }));
    expect(hint()).not.toBeNull();
  });
});

describe('hint language and direction', () => {
  it("runs right to left in Arabic (the extension's language), left to right otherwise", () => {
    const i18n = fakeBrowser.i18n as unknown as { getMessage: (k: string) => string };
    const spy = vi.spyOn(i18n, 'getMessage').mockImplementation((k: string) => ({ '@@bidi_dir': 'rtl', lang_code: 'ar' })[k] ?? k);
    ctl.onReport(report());
    const box = hint()!.shadowRoot!.querySelector<HTMLElement>('.hint')!;
    expect([box.dir, box.lang]).toEqual(['rtl', 'ar']);
    ctl.remove();
    spy.mockImplementation((k: string) => ({ '@@bidi_dir': 'ltr', lang_code: 'pt_BR' })[k] ?? k);
    ctl.onReport(report({ seq: 3 }));
    const again = hint()!.shadowRoot!.querySelector<HTMLElement>('.hint')!;
    expect([again.dir, again.lang]).toEqual(['ltr', 'pt-BR']);
  });
});
