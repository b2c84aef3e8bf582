import { describe, expect, it } from 'vitest';
import { contentScriptPresence, isNotLoaded, shouldAskTab } from '../../../src/background/script-presence';
import { buildView, type ViewContext } from '../../../src/background/view';
import { emptyTabState } from '../../../src/contracts/tab-state';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';

// Chrome does not inject content scripts into tabs opened before install/update: such an inbox tab
// must read `ui-unrecognized` / `not-loaded`, never "no problem".

const INBOX = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const NO_RECEIVER = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
const ANSWERS = () => Promise.resolve(true);

describe('not-loaded detection', () => {
  it('asks only an inbox tab (personal or business) that finished loading and never reported', () => {
    expect(shouldAskTab({ url: INBOX, status: 'complete', hasReport: false })).toBe(true);
    expect(
      shouldAskTab({ url: 'https://www.tiktok.com/business-suite/messages?from=homepage', status: 'complete', hasReport: false }),
    ).toBe(true);
    expect(shouldAskTab({ url: INBOX, status: 'loading', hasReport: false })).toBe(false);
    expect(shouldAskTab({ url: INBOX, status: 'complete', hasReport: true })).toBe(false);
    expect(shouldAskTab({ url: 'https://www.tiktok.com/foryou', status: 'complete', hasReport: false })).toBe(false);
    expect(shouldAskTab({ url: undefined, status: 'complete', hasReport: false })).toBe(false);
  });

  it('only "Receiving end does not exist" means absent; an answer is present; anything else is unknown', async () => {
    expect(await contentScriptPresence(NO_RECEIVER)).toBe('absent');
    expect(await contentScriptPresence(ANSWERS)).toBe('present');
    expect(await contentScriptPresence(() => Promise.reject(new Error('No tab with id: 5.')))).toBe('unknown');
    expect(await contentScriptPresence(() => new Promise(() => undefined), 20)).toBe('unknown');
    expect(await contentScriptPresence(() => Promise.resolve(undefined))).toBe('unknown');
  });

  it('combines both: a loaded inbox tab with no receiver is not loaded', async () => {
    expect(await isNotLoaded({ url: INBOX, status: 'complete', hasReport: false }, NO_RECEIVER)).toBe(true);
    expect(await isNotLoaded({ url: INBOX, status: 'complete', hasReport: false }, ANSWERS)).toBe(false);
    let asked = 0;
    expect(
      await isNotLoaded({ url: INBOX, status: 'complete', hasReport: true }, () => {
        asked++;
        return NO_RECEIVER();
      }),
    ).toBe(false);
    expect(asked).toBe(0);
  });
});

describe('the popup view of a not-loaded tab', () => {
  const ctx = (over: Partial<ViewContext> = {}): ViewContext => ({
    now: 5000,
    onTikTok: true,
    settings: DEFAULT_SETTINGS,
    browser: 'chrome',
    running: false,
    version: '0',
    browserVersion: '1',
    ...over,
  });

  it('is ui-unrecognized with reason not-loaded and settled, instead of no-problem', () => {
    const s = emptyTabState(7, 1000);
    expect(buildView(7, s, ctx())).toMatchObject({ state: 'no-problem', reason: null });
    expect(buildView(7, s, ctx({ notLoaded: true }))).toMatchObject({ state: 'ui-unrecognized', reason: 'not-loaded', settled: true });
  });

  it('never turns a non-TikTok tab into not-loaded', () => {
    expect(buildView(7, emptyTabState(7, 1000), ctx({ onTikTok: false, notLoaded: true }))).toMatchObject({
      state: 'not-tiktok',
      reason: null,
    });
  });

  it('names the reason a report gives, page-changed when it gives none', () => {
    const base = { ...emptyTabState(7, 1000), onMessages: true, where: 'www.tiktok.com/messages' };
    const page = {
      where: 'www.tiktok.com/messages',
      topFrame: true,
      onMessages: true,
      recognition: 'unrecognized' as const,
      observation: null,
      failureId: null,
      fresh: false,
      cleared: false,
      failureAt: null,
      seq: 1,
      pageId: 'p',
    };
    expect(buildView(7, { ...base, page: { ...page, reason: 'chat-unreadable' } }, ctx())).toMatchObject({
      state: 'ui-unrecognized',
      reason: 'chat-unreadable',
    });
    expect(buildView(7, { ...base, page: { ...page, reason: null } }, ctx())).toMatchObject({
      state: 'ui-unrecognized',
      reason: 'page-changed',
    });
    expect(buildView(7, { ...base, page: { ...page, recognition: 'recognized', reason: null } }, ctx())).toMatchObject({
      state: 'no-problem',
      reason: null,
    });
  });
});

describe('the not-loaded mark set at install (the grey "?" badge)', () => {
  it('names not-loaded until the tab navigates or its content script reports', async () => {
    const { applyNavigation, applyPageReport } = await import('../../../src/background/tab-events');
    const { reportedReason } = await import('../../../src/background/status');
    const marked = { ...emptyTabState(7, 1000), notLoaded: true };
    expect(reportedReason(marked)).toBe('not-loaded');
    expect(
      reportedReason(applyNavigation(marked, { where: 'www.tiktok.com/messages', onMessages: true, requestId: '1', at: 2000 })),
    ).toBeNull();
    const report = {
      where: 'www.tiktok.com/messages',
      topFrame: true,
      onMessages: true,
      recognition: 'recognized' as const,
      reason: null,
      observation: null,
      failureId: null,
      fresh: false,
      cleared: false,
      failureAt: null,
      seq: 1,
      pageId: 'p',
    };
    expect(reportedReason(applyPageReport(marked, report, 2000))).toBeNull();
  });
});
