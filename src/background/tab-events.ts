import type { TabState } from '../contracts/tab-state';
import type { PageReport } from '../contracts/page-report';
import type { NetEvent } from '../network/evidence';
import { pushBounded } from '../network/evidence';
import { redactText, redactUrl } from '../tiktok/redact';
import { QUESTION_IDS } from '../diagnosis/rules';

// Pure reducers for a tab's state. A tab's state covers its latest visit to /messages, redirects
// included (DESIGN.md "Tab state across navigation").

const NET_KEEP_MS = 10 * 60_000;

/**
 * A top-level navigation seen by webRequest (main_frame), or a load elsewhere (requestId null).
 * A redirect keeps its request id, which the state keeps (the worker may restart in between).
 */
export function applyNavigation(s0: TabState, nav: { where: string; onMessages: boolean; requestId: string | null; at: number }): TabState {
  const s = loaded(s0);
  const partOfVisit = nav.requestId !== null && nav.requestId === s.visitRequestId;
  if (partOfVisit) return { ...s, where: nav.where, reportedAt: nav.at };
  if (nav.onMessages) {
    // Firefox may deliver the main_frame event after the new page's first report: keep what
    // arrived after the navigation began.
    const keepPage = s.page !== null && s.pageAt !== null && s.pageAt >= nav.at;
    return {
      ...s,
      where: nav.where,
      onMessages: true,
      visitAt: nav.at,
      visitRequestId: nav.requestId,
      reportedAt: nav.at,
      page: keepPage ? s.page : null,
      pageAt: keepPage ? s.pageAt : null,
      net: s.net.filter((e) => e.t >= nav.at),
      answers: {},
    };
  }
  return leave(s, nav.where, nav.at);
}

/** The tab left /messages: the problem and the badge go with it. */
function leave(s: TabState, where: string | null, at: number): TabState {
  return {
    ...s,
    where,
    onMessages: false,
    page: null,
    pageAt: null,
    net: [],
    answers: {},
    reportedAt: at,
    visitAt: at,
    visitRequestId: null,
  };
}

/** A content script runs inside TikTok's page: its report is redacted again before it is kept. */
export function redactedReport(r: PageReport): PageReport {
  const o = r.observation;
  const notice = o?.notice ? { ...o.notice, text: redactText(o.notice.text) } : null;
  return { ...r, where: redactUrl(r.where), observation: o ? { ...o, notice } : null };
}

/** A navigation or a page report means a content script runs (or will run) in the tab now. */
const loaded = (s: TabState): TabState => (s.notLoaded ? { ...s, notLoaded: undefined } : s);

export function applyPageReport(s0: TabState, raw: PageReport, at: number): TabState {
  const s = loaded(s0);
  const r = redactedReport(raw);
  if (!r.topFrame) {
    // A sub-frame (the business chat iframe) only adds evidence; it never ends the visit. When it
    // goes away, so does its report.
    if (!r.onMessages) return s.page?.pageId === r.pageId && !s.page.topFrame ? { ...s, page: null, pageAt: null, reportedAt: at } : s;
    return { ...s, page: r, pageAt: at, reportedAt: at };
  }
  if (r.host && r.onMessages) return hostReport(s, r, at);
  if (!r.onMessages) {
    const redirected = s.onMessages && s.net.some((e) => e.httpClass === 'login-redirect' && e.t >= s.visitAt);
    if (redirected) return { ...s, where: r.where, reportedAt: at };
    if (!s.onMessages && s.page === null) return { ...s, where: r.where, reportedAt: at };
    return leave(s, r.where, at);
  }
  const newVisit = !s.onMessages;
  return {
    ...s,
    where: r.where,
    onMessages: true,
    page: r,
    pageAt: at,
    reportedAt: at,
    visitAt: newVisit ? at : s.visitAt,
    answers: newVisit ? {} : s.answers,
    // network evidence from the last half minute still belongs to this visit (SPA navigation)
    net: newVisit ? s.net.filter((e) => e.t >= at - 30_000) : s.net,
  };
}

/**
 * The business inbox's top document: it begins or continues the visit, but its own page holds no
 * chat, so it is never evidence. The chat iframe's report stays the tab's evidence (the top frame
 * can never overwrite it with "no problem"); a report from a top /messages document before an SPA
 * move to the business inbox no longer describes the page and goes.
 */
function hostReport(s: TabState, r: PageReport, at: number): TabState {
  const newVisit = !s.onMessages;
  const keep = s.page !== null && !s.page.topFrame;
  return {
    ...s,
    where: r.where,
    onMessages: true,
    page: keep ? s.page : null,
    pageAt: keep ? s.pageAt : null,
    reportedAt: at,
    visitAt: newVisit ? at : s.visitAt,
    answers: newVisit ? {} : s.answers,
    net: newVisit ? s.net.filter((e) => e.t >= at - 30_000) : s.net,
  };
}

export function applyNetEvent(s: TabState, e: NetEvent): TabState {
  const fresh = s.net.filter((x) => x.t >= e.t - NET_KEEP_MS);
  return { ...s, net: pushBounded(fresh, e), reportedAt: Math.max(s.reportedAt, e.t) };
}

/** Answers kept per tab, at most: the question ids are a fixed list, this bounds it anyway. */
export const MAX_ANSWERS = 20;

/** The person's answer to one of the diagnosis' questions; any other id is ignored. */
export function applyAnswer(s: TabState, questionId: string, answer: boolean): TabState {
  if (!QUESTION_IDS.includes(questionId) || typeof answer !== 'boolean') return s;
  const others = Object.entries(s.answers).filter(([q]) => q !== questionId && QUESTION_IDS.includes(q));
  return { ...s, answers: Object.fromEntries([...others, [questionId, answer]].slice(-MAX_ANSWERS)) };
}
