import { describe, expect, it } from 'vitest';
import { diagnosisOf, hintUpdateOf, REPORT_DEADLINE_MS, tabStatus } from '../../../src/background/status';
import { emptyTabState, type TabState } from '../../../src/contracts/tab-state';
import { DEFAULT_SETTINGS } from '../../../src/contracts/settings';
import type { PageReport } from '../../../src/contracts/page-report';

const NOW = 1_000_000;
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
    failures: { total: 0, own: 0 },
    notice: null,
    unsupportedMessage: false,
  },
  failureId: null,
  fresh: false,
  cleared: false,
  failureAt: null,
  seq: 1,
  pageId: 'p',
  ...over,
});
const onInbox = (page: PageReport | null, visitAt = NOW - 1000): TabState => ({
  ...emptyTabState(1, visitAt),
  where: 'www.tiktok.com/messages',
  onMessages: true,
  page,
  visitAt,
});
const failed = report({
  observation: {
    generation: 'dm-new',
    page: 'inbox',
    chatOpen: true,
    composer: 'present',
    failures: { total: 1, own: 1 },
    notice: { text: 'You can only send messages to friends', causeId: 'not-friends', lang: 'en', source: 'dm-warning' },
    unsupportedMessage: false,
  },
  failureId: 'f1',
  fresh: true,
  failureAt: NOW - 500,
});
const ctx = { now: NOW, onTikTok: true, running: false, inboxTab: true };

describe('tabStatus: the one precedence (DESIGN.md) for the popup and the hint', () => {
  it('not-tiktok iff the tab is not on TikTok, whatever its state holds', () => {
    expect(tabStatus(onInbox(failed), { ...ctx, onTikTok: false })).toMatchObject({ state: 'not-tiktok', diagnosis: null, settled: true });
  });
  it('problem over ui-unrecognized over no-problem', () => {
    expect(tabStatus(onInbox(failed), ctx).state).toBe('problem');
    expect(tabStatus(onInbox(report({ recognition: 'unrecognized', reason: 'chat-unreadable', observation: null })), ctx)).toMatchObject({
      state: 'ui-unrecognized',
      reason: 'chat-unreadable',
    });
    expect(tabStatus(onInbox(report()), ctx)).toMatchObject({ state: 'no-problem', reason: null, settled: true });
  });
  it('checking only while a run goes on with no diagnosis; a run in flight is never settled', () => {
    expect(tabStatus(emptyTabState(1, NOW), { ...ctx, running: true })).toMatchObject({ state: 'checking', settled: false });
    expect(tabStatus(onInbox(report()), { ...ctx, running: true })).toMatchObject({ state: 'no-problem', settled: false });
  });
  it('silence on /messages is waiting, then ui-unrecognized (page-changed) after the deadline', () => {
    expect(tabStatus(onInbox(null, NOW - REPORT_DEADLINE_MS + 1), ctx)).toMatchObject({ state: 'no-problem', settled: false });
    expect(tabStatus(onInbox(null, NOW - REPORT_DEADLINE_MS - 1), ctx)).toMatchObject({
      state: 'ui-unrecognized',
      reason: 'page-changed',
      settled: true,
    });
  });
  it('a tab without a content script is not-loaded, never no-problem', () => {
    expect(tabStatus(onInbox(null), { ...ctx, notLoaded: true })).toMatchObject({ state: 'ui-unrecognized', reason: 'not-loaded' });
  });
  it("the hint shows exactly the popup's state, in every case above", () => {
    const cases: [TabState, Partial<typeof ctx>][] = [
      [onInbox(failed), {}],
      [onInbox(report({ recognition: 'unrecognized', reason: 'page-changed', observation: null })), {}],
      [onInbox(report()), {}],
      [emptyTabState(1, NOW), { running: true }],
      [onInbox(null, NOW - REPORT_DEADLINE_MS - 1), {}],
    ];
    for (const [s, over] of cases) {
      const status = tabStatus(s, { ...ctx, ...over });
      const hint = hintUpdateOf(s, status, DEFAULT_SETTINGS);
      expect(hint.state).toBe(status.state);
      expect(hint.causeId).toBe(status.state === 'problem' ? status.diagnosis?.ranked[0]?.id : null);
    }
  });
  it('a check run still going is not a diagnosis; a finished one is', () => {
    const s = emptyTabState(1, 1000);
    const running = {
      ...s,
      checks: {
        startedAt: 1000,
        finishedAt: null,
        runId: 'r',
        results: [{ id: 'online' as const, status: 'running' as const, reason: { key: 'check.running' } }],
      },
    };
    expect(diagnosisOf(running, 2000)).toBeNull();
    const done = {
      ...running,
      checks: {
        ...running.checks,
        finishedAt: 1500,
        results: [{ id: 'online' as const, status: 'fail' as const, reason: { key: 'online.offline' } }],
      },
    };
    expect(diagnosisOf(done, 2000)?.problem).toBe(true);
  });
});
