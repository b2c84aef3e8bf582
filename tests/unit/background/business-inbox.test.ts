import { describe, expect, it } from 'vitest';
import { applyNavigation, applyPageReport } from '../../../src/background/tab-events';
import { emptyTabState, type TabState } from '../../../src/contracts/tab-state';
import { buildView, type ViewContext } from '../../../src/background/view';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';
import type { PageReport } from '../../../src/contracts/page-report';
import type { PageObservation } from '../../../src/contracts/observation';

// The business inbox: a top page (/business-suite/messages) that hosts the chat in a same-origin
// iframe (/messages?…scene=business). The iframe's reports are the tab's evidence.

const T = 1_800_000_000_000;
const HOST_WHERE = 'www.tiktok.com/business-suite/messages';
const E5 = 'The message couldn’t be sent due to receiver’s settings. We will resend the message once they update their permission.';
const chat = (failed: boolean): PageObservation => ({
  generation: 'dm-new',
  page: 'inbox',
  chatOpen: true,
  composer: 'present',
  failures: { total: failed ? 1 : 0, own: failed ? 1 : 0 },
  notice: failed ? { text: E5, causeId: 'recipient-settings', lang: 'en', source: 'send-fail-tip' } : null,
  unsupportedMessage: false,
});
const frame = (pageId: string, failed: boolean, over: Partial<PageReport> = {}): PageReport => ({
  where: 'www.tiktok.com/messages',
  topFrame: false,
  onMessages: true,
  recognition: 'recognized',
  reason: null,
  observation: chat(failed),
  failureId: failed ? `f-${pageId}` : null,
  fresh: true,
  cleared: false,
  failureAt: failed ? T : null,
  seq: 1,
  pageId,
  ...over,
});
const host = (over: Partial<PageReport> = {}): PageReport => ({
  where: HOST_WHERE,
  topFrame: true,
  onMessages: true,
  host: true,
  recognition: 'waiting',
  reason: null,
  observation: null,
  failureId: null,
  fresh: false,
  cleared: false,
  failureAt: null,
  seq: 0,
  pageId: 'top',
  ...over,
});
const ctx = (now: number): ViewContext => ({
  now,
  onTikTok: true,
  settings: DEFAULT_SETTINGS,
  browser: 'chrome',
  running: false,
  version: '0',
  browserVersion: '1',
});
const stateOf = (s: TabState, now = T + 1000) => buildView(1, s, ctx(now));

describe('business inbox: the iframe is the evidence', () => {
  it('a failed business chat is a problem whichever frame reports first', () => {
    const nav = applyNavigation(emptyTabState(1, T), { where: HOST_WHERE, onMessages: true, requestId: '1', at: T });
    expect(nav.onMessages).toBe(true);
    for (const order of [
      [host(), frame('a', true)],
      [frame('a', true), host()],
    ]) {
      let s = nav;
      for (const [i, r] of order.entries()) s = applyPageReport(s, r!, T + 10 + i);
      const v = stateOf(s);
      expect(v.state).toBe('problem');
      expect(v.diagnosis?.ranked[0]?.id).toBe('recipient-settings');
    }
  });

  it('the host page can never overwrite the iframe with "no problem", even reporting again later', () => {
    let s = applyPageReport(emptyTabState(1, T), host(), T + 1);
    s = applyPageReport(s, frame('a', true), T + 2);
    s = applyPageReport(s, host({ seq: 5 }), T + 3);
    expect(s.page?.pageId).toBe('a');
    expect(stateOf(s).state).toBe('problem');
  });

  it('a rebuilt iframe (conversation switch) replaces the evidence; the old frame going away does not clear the new one', () => {
    let s = applyPageReport(emptyTabState(1, T), host(), T + 1);
    s = applyPageReport(s, frame('a', true), T + 2);
    s = applyPageReport(s, frame('b', false), T + 3);
    s = applyPageReport(s, frame('a', false, { onMessages: false, observation: null, recognition: 'waiting' }), T + 4); // a's pagehide, late
    expect(s.page?.pageId).toBe('b');
    expect(stateOf(s).state).toBe('no-problem');
  });

  it('when the iframe is gone its evidence goes, and silence is then said honestly', () => {
    let s = applyPageReport(emptyTabState(1, T), host(), T + 1);
    s = applyPageReport(s, frame('a', true), T + 2);
    s = applyPageReport(s, frame('a', false, { onMessages: false, observation: null, recognition: 'waiting' }), T + 3);
    expect(s.page).toBeNull();
    expect(s.onMessages).toBe(true);
    expect(stateOf(s, T + 1000)).toMatchObject({ state: 'no-problem', settled: false }); // waiting for a chat frame
    expect(stateOf(s, T + 60_000)).toMatchObject({ state: 'ui-unrecognized', reason: 'page-changed', settled: true });
  });

  it('a host page with no chat frame at all is never "no problem" once the deadline passed', () => {
    const s = applyPageReport(emptyTabState(1, T), host(), T);
    expect(stateOf(s, T + 60_000)).toMatchObject({ state: 'ui-unrecognized', reason: 'page-changed' });
  });

  it('an SPA move from /messages to the business inbox drops the old top-frame report', () => {
    let s = applyPageReport(emptyTabState(1, T), { ...frame('top1', true), topFrame: true }, T);
    s = applyPageReport(s, host({ pageId: 'top1' }), T + 1);
    expect(s.page).toBeNull();
    expect(s.where).toBe(HOST_WHERE);
  });

  it('leaving the business inbox ends the visit', () => {
    let s = applyPageReport(emptyTabState(1, T), host(), T);
    s = applyPageReport(s, frame('a', true), T + 1);
    s = applyPageReport(s, host({ onMessages: false, host: undefined, where: 'www.tiktok.com/business-suite/home' }), T + 2);
    expect(s).toMatchObject({ onMessages: false, page: null });
    expect(buildView(1, s, ctx(T + 3)).state).toBe('no-problem');
  });
});

describe('an inbox tab the background has not seen arrive (open before install, or reloading)', () => {
  it('waits for its content script instead of saying "no problem", and says no problem elsewhere', () => {
    const blank = emptyTabState(1, T);
    expect(buildView(1, blank, { ...ctx(T + 1000), inboxTab: true })).toMatchObject({ state: 'no-problem', settled: false });
    expect(buildView(1, blank, { ...ctx(T + 1000), inboxTab: false })).toMatchObject({ state: 'no-problem', settled: true });
  });
});
