import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { SENT_NOTICE_STARTS, SENT_STATUS_CODES, explainsOnly } from '../../../src/diagnosis/server-rules';
import { NOTICE_TEXTS, findNoticeText } from '../../../src/page/notice-texts';
import type { NoticeSource } from '../../../src/contracts/observation';
import { scanPage } from '../../../src/page/read-page';
import { hintUpdateOf } from '../../../src/background/status';
import { emptyTabState } from '../../../src/contracts/tab-state';
import { DEFAULT_SETTINGS } from '../../../src/background/settings';
import { parseHtml, fixtureHtml } from '../page/load-fixture';
import { NOW, T7174, T7193, ev, failedBubble, imOk, notice, report } from './corpus';

// 7174, 7178 and 7192 are *sent* statuses (docs/tiktok-web.md, "IM status codes that are not failures"): the sentence that comes with them may
// explain a failed bubble beside it, but never makes a problem, a hint or a badge on its own.

const SOURCES: NoticeSource[] = ['send-fail-tip', 'dm-warning', 'composer', 'toast', 'dialog', 'page'];
// Written out here, not derived from rules.ts: breaking the rule must not empty the test.
const sentRows = NOTICE_TEXTS.filter((r) => /^(7174|7178|7192)(\D|$)/.test(r.ref));

describe('sent statuses: which catalogue rows only explain', () => {
  it('the 7174 row ("You can only send 3 messages…") is explain-only, found by its text', () => {
    expect(findNoticeText(T7174)?.ref).toBe('7174/3-cap');
    expect(explainsOnly(findNoticeText(T7174)!.ref)).toBe(true);
    expect(sentRows.map((r) => r.ref)).toEqual(['7174/3-cap']);
    for (const r of NOTICE_TEXTS) expect(explainsOnly(r.ref)).toBe(sentRows.includes(r));
  });
  it("SENT_NOTICE_STARTS holds exactly the sent rows' sentences (the copy the diagnosis matches)", () => {
    expect([...SENT_NOTICE_STARTS].sort()).toEqual(sentRows.map((r) => r.text.toLowerCase()).sort());
    for (const r of NOTICE_TEXTS) {
      if (r.label) continue;
      const starts = SENT_NOTICE_STARTS.some((s) => r.text.toLowerCase().startsWith(s));
      expect(starts, r.ref).toBe(sentRows.includes(r));
    }
  });
  it('refs of the sent codes only: 7193 and 7195 are refusals, other codes are not matched by prefix', () => {
    for (const code of SENT_STATUS_CODES) expect(explainsOnly(`${code}/x`)).toBe(true);
    for (const ref of ['7193', '7195', '71740', 'E1', 'dm_message_request', 'page/too-fast']) expect(explainsOnly(ref)).toBe(false);
  });
});

describe('sent statuses: the sentence alone is no problem', () => {
  for (const row of sentRows) {
    for (const source of SOURCES) {
      it(`${row.ref} from ${source}, no failed bubble → no problem, no hint, no badge`, () => {
        const page = report({ notice: notice(row.text, source) });
        for (const net of [[], [imOk()]]) {
          const d = diagnose(ev({ page, net }));
          expect(d).toMatchObject({ problem: false, ranked: [], notice: null });
          const s = { ...emptyTabState(1, NOW), onMessages: true };
          const hint = hintUpdateOf(
            s,
            { state: d.problem ? 'problem' : 'no-problem', reason: null, settled: true, diagnosis: d },
            DEFAULT_SETTINGS,
          );
          expect(hint).toMatchObject({ state: 'no-problem', causeId: null });
        }
      });
      it(`${row.ref} from ${source} beside a failed bubble explains it (${row.causeId})`, () => {
        const d = diagnose(ev({ page: failedBubble(row.text, { source }), net: [imOk()] }));
        expect(d.problem).toBe(true);
        expect(d.ranked[0]).toMatchObject({ id: row.causeId, confidence: 'high' });
        expect(d.notice).toBe(row.text);
      });
    }
  }
  it('a refusal (7193) in a toast still makes a problem alone: only sent statuses are held back', () => {
    expect(diagnose(ev({ page: report({ notice: notice(T7193, 'toast') }) })).ranked[0]?.id).toBe('request-pending');
  });
});

describe('sent statuses: read from a page (happy-dom)', () => {
  const withToast = (file: string, text: string): Document => {
    const doc = parseHtml(fixtureHtml(file));
    const toast = doc.createElement('div');
    toast.className = 'TUXToastProvider css-7sbd7s-7937d88b--DivToastProvider';
    toast.innerHTML = '<div role="alert" class="TUXToast"><span class="TUXToast-text"></span></div>';
    toast.querySelector('span')!.textContent = text;
    doc.body.append(toast);
    return doc;
  };
  it('a healthy chat with the 7174 toast: the notice is read, and nothing is wrong', () => {
    const o = scanPage(withToast('dm-new-healthy.html', T7174)).observation;
    expect(o.failures.total).toBe(0);
    expect(diagnose(ev({ page: report(o) })).problem).toBe(false);
  });
  it('a failed chat with the 7174 toast: the toast explains the failure', () => {
    const o = scanPage(withToast('dm-new-failed-no-notice.html', T7174)).observation;
    expect(o.failures.total).toBeGreaterThan(0);
    expect(o.notice?.text).toBe(T7174);
    expect(diagnose(ev({ page: report(o) })).ranked[0]?.id).toBe('request-pending');
  });
});
