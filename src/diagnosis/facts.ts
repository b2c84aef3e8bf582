import { confirmedApart } from '../network/confirm';
import type { Evidence, Fact, NetFact } from './evidence';
import { QUESTIONS } from './rules';
import { SENT_NOTICE_STARTS } from './server-rules';
import { serverFacts } from './server-facts';
import { msgKey } from '../i18n/keys';

// Evidence → named facts. Order of strength (DESIGN.md): page structure, network, notice texts,
// checks, answers. One failed request never decides anything: a network fault is a trigger only
// when seen twice at least 5 s apart, or when a check confirms it. A notice that comes with a
// *sent* status (rules.ts SENT_STATUS_CODES) is never a trigger: it only explains a failed bubble.

const IM_WINDOW_BEFORE_MS = 10_000;
const IM_WINDOW_AFTER_MS = 2000;

export function pageFacts(e: Evidence): Fact[] {
  const r = e.page;
  const o = r?.observation;
  if (!r || !o || !e.onMessages) return [];
  const out: Fact[] = [];
  const failed = o.failures.total > 0 && !r.cleared;
  if (failed) {
    const earlier = !r.fresh;
    out.push({
      id: 'failed-send',
      cls: earlier ? 'earlier-failure' : 'failed-send',
      key: earlier ? 'ev_earlier_failure' : 'ev_failed_send',
      params: { n: o.failures.total },
      trigger: true,
    });
  }
  const n = o.notice;
  // A sentence that comes with a *sent* status (7174's "You can only send 3 messages…") explains a
  // failed bubble beside it; alone, wherever it shows, it is no failure at all (rules.ts).
  const explainOnly = !!n && isSentNotice(n.text);
  const noticeCounts =
    n && (failed || (!explainOnly && (n.source === 'composer' || n.source === 'page' || n.source === 'toast' || n.source === 'dialog')));
  if (n && noticeCounts) {
    if (n.causeId)
      out.push({ id: `notice:${n.causeId}`, cls: 'notice-known', key: 'ev_notice_known', params: { text: n.text }, trigger: true });
    else out.push({ id: 'notice-unknown', cls: 'notice-unknown', key: 'ev_notice_unknown', params: { text: n.text }, trigger: failed });
  }
  if (o.composer === 'block-note')
    out.push({ id: 'composer:block-note', cls: 'composer-block-note', key: 'ev_composer_block_note', trigger: true });
  if (o.composer === 'request-box')
    out.push({ id: 'composer:request-box', cls: 'composer-request-box', key: 'ev_composer_request_box', trigger: true });
  if (o.composer === 'missing' && o.page === 'inbox')
    out.push({ id: 'composer:missing', cls: 'composer-missing', key: 'ev_composer_missing', trigger: true });
  if (o.page !== 'inbox' && o.page !== 'unknown')
    out.push({ id: `page:${o.page}`, cls: `page-${o.page}`, key: msgKey('ev_page', o.page), trigger: true });
  if (o.unsupportedMessage)
    out.push({ id: 'unsupported-message', cls: 'unsupported-message', key: 'ev_unsupported_message', trigger: !failed });
  return out;
}

function isSentNotice(text: string): boolean {
  // a notice's text is whitespace-collapsed already (page/observation.ts)
  return SENT_NOTICE_STARTS.some((start) => text.toLowerCase().startsWith(start));
}

function confirmed(events: NetFact[]): boolean {
  return confirmedApart(events.map((x) => x.t));
}

function groupBy(events: NetFact[], key: (e: NetFact) => string | undefined): Map<string, NetFact[]> {
  const m = new Map<string, NetFact[]>();
  for (const ev of events) {
    const k = key(ev);
    if (!k) continue;
    m.set(k, [...(m.get(k) ?? []), ev]);
  }
  return m;
}

const IM_ROLES = new Set(['im-api', 'im-ws']);

export function netFacts(e: Evidence, checkConfirms: (cls: string) => boolean, failedSend: boolean): Fact[] {
  const out: Fact[] = [];
  const errors = e.net.filter((x) => x.kind === 'error' && x.cls && x.cls !== 'aborted');
  // Any HTTP answer from an IM host (200, 204, 404…; not a 5xx) proves the IM path works at that time.
  const imAnswers = e.net.filter((x) => x.kind === 'http' && IM_ROLES.has(x.role) && x.httpClass !== 'server-error').map((x) => x.t);
  let imFailed = false;
  for (const [cls, evs] of groupBy(errors, (x) => x.cls)) {
    const onIm = evs.some((x) => IM_ROLES.has(x.role));
    // A failed send whose IM request failed at the network level: the network is why it failed.
    let sure = confirmed(evs) || checkConfirms(cls) || (failedSend && onIm);
    // No failed send, and the IM host answered after the last of these IM errors: it recovered.
    const last = Math.max(...evs.map((x) => x.t));
    const recovered =
      sure && !failedSend && evs.every((x) => IM_ROLES.has(x.role)) && imAnswers.some((t) => t > last) && !checkConfirms(cls);
    if (recovered) sure = false;
    imFailed ||= failedSend && onIm;
    out.push({
      id: `net:${cls}:${recovered ? 'recovered' : sure ? 'confirmed' : 'once'}`,
      cls: `net-${cls}`,
      key: sure || recovered ? 'ev_net_confirmed' : 'ev_net_once',
      params: { cls, n: evs.length, host: evs[evs.length - 1]!.role },
      trigger: sure || (failedSend && onIm),
    });
  }
  // 5xx have their own rule (serverFacts): how many attempts and hosts agree.
  const http = e.net.filter((x) => x.kind === 'http' && x.httpClass && x.httpClass !== 'ok' && x.httpClass !== 'server-error');
  // 401 and 403 share the 'auth' class; 401 is a missing session (logged-out), 403 a refusal.
  const variant = (x: NetFact) => (x.httpClass === 'auth' && x.status === 401 ? 'auth-401' : x.httpClass);
  for (const [hc, evs] of groupBy(http, variant)) {
    const onIm = evs.some((x) => x.role === 'im-api');
    const sure = hc === 'login-redirect' || confirmed(evs) || (failedSend && onIm);
    const cls = hc === 'auth-401' ? 'auth' : hc;
    out.push({
      id: `http:${hc}:${sure ? 'confirmed' : 'once'}`,
      cls: `http-${cls}`,
      key: msgKey('ev_http', cls),
      params: { n: evs.length, status: evs[evs.length - 1]!.status ?? 0 },
      trigger: sure || failedSend,
    });
  }
  const server = serverFacts(e, failedSend);
  // Only a server failure is a transport-level failure of the send; 401/403/429 are TikTok's answers.
  imFailed ||= failedSend && e.net.some((x) => x.role === 'im-api' && x.httpClass === 'server-error');
  if (imFailed) out.push({ id: 'im-request-failed', cls: 'im-request-failed', key: 'ev_im_request_failed', trigger: true });
  return [...out, ...server];
}

/** A failed send whose IM request never reached webRequest: an invisible blocker, perhaps. */
export function imMissingFact(e: Evidence): Fact[] {
  const r = e.page;
  if (!r?.fresh || r.cleared || r.failureAt == null || !r.observation?.failures.total) return [];
  const from = r.failureAt - IM_WINDOW_BEFORE_MS;
  const to = r.failureAt + IM_WINDOW_AFTER_MS;
  // A failure is reported when it happens (a timeout fires long after the send): an IM error or
  // failing status after the failure appeared still means the request reached webRequest.
  const seen = e.net.some(
    (x) =>
      (x.role === 'im-api' && x.t >= from && (x.t <= to || x.kind === 'error' || (x.httpClass !== undefined && x.httpClass !== 'ok'))) ||
      x.role === 'im-ws',
  );
  if (seen || e.now < to) return [];
  return [{ id: 'im-missing', cls: 'im-request-missing', key: 'ev_im_missing', trigger: false }];
}

export function checkFacts(e: Evidence): Fact[] {
  const out: Fact[] = [];
  for (const c of e.checks) {
    if (c.status === 'skipped' || c.status === 'running') continue; // a check that did not run counts for nothing
    let id = `check:${c.id}:${c.status}`;
    if (c.id === 'dns' && c.status !== 'pass') {
      const k = c.reason.key;
      id += k.includes('block') || k.includes('sinkhole') ? ':blocked' : k === 'dns.noInternet' ? ':offline' : ':failure';
    }
    // A reach check that timed out points at a slow path rather than a refusal.
    if ((c.id === 'reach-www' || c.id === 'reach-im-api') && c.status === 'fail' && c.reason.key === 'reach.timeout') id += ':timeout';
    out.push({
      id,
      cls: `check-${c.id}-${c.status}`,
      key: `ev_check_${c.status}`,
      params: { check: c.id },
      trigger: c.status === 'fail' && c.id !== 'browser-version',
    });
  }
  return out;
}

/** Answers to the questions we ask; any other key (the popup message is free text) is ignored. */
export function answerFacts(e: Evidence): Fact[] {
  return Object.entries(e.answers)
    .filter(([q, a]) => Object.hasOwn(QUESTIONS, q) && typeof a === 'boolean')
    .map(([q, yes]) => ({
      id: `answer:${q}:${yes ? 'yes' : 'no'}`,
      cls: `answer-${q}`,
      key: 'ev_answer',
      params: { q, a: yes ? 'yes' : 'no' },
      trigger: false,
    }));
}
