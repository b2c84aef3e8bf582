import { describe, expect, it } from 'vitest';
import { applyNavigation, applyNetEvent, applyPageReport } from '../../../src/background/tab-events';
import { emptyTabState, TabStateSchema } from '../../../src/contracts/tab-state';
import { fromBeforeRedirect, fromCompleted } from '../../../src/network/evidence';
import type { PageReport } from '../../../src/contracts/page-report';

const T = 1_800_000_000_000;
const report = (over: Partial<PageReport> = {}): PageReport => ({
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
  seq: 1,
  pageId: 'p1',
  ...over,
});

describe('tab state across navigation', () => {
  it('keeps a /messages visit redirected to /login, and the state stays valid', () => {
    let s = emptyTabState(1, T);
    s = applyNavigation(s, { where: 'www.tiktok.com/messages', onMessages: true, requestId: '3', at: T + 1 });
    const redirect = fromBeforeRedirect({
      url: 'https://www.tiktok.com/messages',
      redirectUrl: 'https://www.tiktok.com/login?redirect_url=/messages',
      type: 'main_frame',
      statusCode: 302,
      timeStamp: T + 2,
      tabId: 1,
    });
    expect(redirect?.httpClass).toBe('login-redirect');
    s = applyNetEvent(s, redirect!);
    s = applyNavigation(s, { where: 'www.tiktok.com/login', onMessages: false, requestId: '3', at: T + 3 });
    s = applyNetEvent(
      s,
      fromCompleted({
        url: 'https://im-api.tiktok.com/v2/message/get_by_user_init?x=1',
        type: 'xmlhttprequest',
        statusCode: 200,
        timeStamp: T + 4,
        tabId: 1,
      })!,
    );
    expect(s.onMessages).toBe(true);
    expect(s.net.map((e) => e.httpClass)).toEqual(['login-redirect', 'ok']);
    const parsed = TabStateSchema.safeParse(JSON.parse(JSON.stringify(s)));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('leaves the visit when the person navigates elsewhere, and starts a new one on /messages', () => {
    let s = applyNavigation(emptyTabState(1, T), { where: 'www.tiktok.com/messages', onMessages: true, requestId: '7', at: T });
    s = applyPageReport(s, report(), T + 1);
    expect(s.page).not.toBeNull();
    s = applyNavigation(s, { where: 'www.tiktok.com/foryou', onMessages: false, requestId: '8', at: T + 2 });
    expect(s.onMessages).toBe(false);
    expect(s.page).toBeNull();
  });

  it('ends the visit on an SPA route change reported by the top frame, but not by a sub-frame', () => {
    let s = applyPageReport(emptyTabState(1, T), report(), T);
    expect(applyPageReport(s, report({ onMessages: false, topFrame: false }), T + 1).onMessages).toBe(true);
    s = applyPageReport(s, report({ onMessages: false, where: 'www.tiktok.com/foryou' }), T + 1);
    expect(s.onMessages).toBe(false);
  });
});

describe('a late main_frame event (Firefox)', () => {
  it('does not wipe the page report that arrived after the navigation began', () => {
    let s = emptyTabState(1, T);
    s = applyPageReport(s, report({ seq: 1 }), T + 300);
    s = applyNavigation(s, { where: 'www.tiktok.com/messages', onMessages: true, requestId: '9', at: T + 50 });
    expect(s.page?.seq).toBe(1);
    // a genuinely new navigation after the report does reset it
    s = applyNavigation(s, { where: 'www.tiktok.com/messages', onMessages: true, requestId: '10', at: T + 1000 });
    expect(s.page).toBeNull();
  });
});

describe('answers: fixed question ids, bounded', () => {
  it("keeps answers to the diagnosis' questions and ignores any other id", async () => {
    const { applyAnswer, MAX_ANSWERS } = await import('../../../src/background/tab-events');
    const { QUESTION_IDS } = await import('../../../src/diagnosis/rules');
    let s = emptyTabState(1, T);
    s = applyAnswer(s, 'follows-back', false);
    s = applyAnswer(s, 'x'.repeat(40), true);
    s = applyAnswer(s, '__proto__', true);
    s = applyAnswer(s, 'follows-back', true);
    expect(s.answers).toEqual({ 'follows-back': true });
    for (let i = 0; i < 500; i++) s = applyAnswer(s, `q${i}`, true);
    for (const q of QUESTION_IDS) s = applyAnswer(s, q, true);
    expect(Object.keys(s.answers).sort()).toEqual([...QUESTION_IDS].sort());
    expect(Object.keys(s.answers).length).toBeLessThanOrEqual(MAX_ANSWERS);
    // stored junk from an older version is dropped on the next answer
    s = applyAnswer({ ...s, answers: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`junk${i}`, true])) }, 'age-16', true);
    expect(s.answers).toEqual({ 'age-16': true });
  });
});
