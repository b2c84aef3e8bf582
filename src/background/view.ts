import type { TabState } from './tab-state';
import type { Settings } from './settings';
import type { TabView, UnrecognizedReason } from '../contracts/tab-view';
import type { Evidence } from '../diagnosis/evidence';
import type { Diagnosis } from '../contracts/diagnosis';
import type { CheckResult } from '../contracts/checks';
import { orderedResults } from '../checks/result';
import { diagnose } from '../diagnosis/diagnose';
import { popupState } from './popup-state';
import { buildReport } from '../diagnosis/report';

export function evidenceOf(s: TabState, now: number): Evidence {
  return {
    now,
    onMessages: s.onMessages,
    page: s.page,
    net: s.net.filter((e) => e.t >= s.visitAt - 30_000),
    checks: s.checks?.results.filter((r) => r.status !== 'running') ?? [],
    answers: s.answers,
  };
}

/** A tab with no report at all has no diagnosis yet; a check run still going is not one either. */
export function diagnosisOf(s: TabState, now: number): Diagnosis | null {
  if (!s.page && s.net.length === 0 && s.checks?.finishedAt == null) return null;
  return diagnose(evidenceOf(s, now));
}

/** Always the nine checks in DESIGN.md order; not run or interrupted is `skipped`, never `pass`. */
export function orderedChecks(s: TabState | null, running: boolean): CheckResult[] {
  return orderedResults(s?.checks?.results ?? [], { finished: !running });
}

/** The latest still-future Retry-After TikTok sent during this visit, or null: never a made-up time. */
export function retryAtOf(s: TabState | null, now: number): number | null {
  const times = (s?.net ?? []).filter((e) => e.t >= s!.visitAt && e.retryAt != null && e.retryAt > now).map((e) => e.retryAt!);
  return times.length ? Math.max(...times) : null;
}

/** The content script reports within ~5 s on /messages; silence after that is "not recognised". */
const REPORT_DEADLINE_MS = 8000;

function recognitionOf(s: TabState, now: number, inboxTab: boolean): 'waiting' | 'recognized' | 'unrecognized' | null {
  // The tab shows an inbox the background has not seen arrive yet (it was open before the extension
  // started, or it is reloading): wait for its content script — or for "not loaded" — never "no problem".
  if (!s.onMessages) return inboxTab && !s.page ? 'waiting' : null;
  if (s.page) return s.page.recognition;
  // redirected away (e.g. to /login): nothing to wait for
  if (!/\/messages(\/|$)/.test(s.where ?? '')) return null;
  return now - s.visitAt > REPORT_DEADLINE_MS ? 'unrecognized' : 'waiting';
}

export interface ViewContext {
  now: number;
  onTikTok: boolean;
  settings: Settings;
  browser: 'chrome' | 'firefox';
  running: boolean;
  version: string;
  browserVersion: string;
  /** the tab is an inbox whose content script does not answer (src/background/script-presence.ts) */
  notLoaded?: boolean;
  /** the tab's own URL is an inbox route (/messages, /business-suite/messages) */
  inboxTab?: boolean;
}

/** Why the tab's own report says it cannot read the inbox (for the badge); null if it does not. */
export function reportedReason(s: TabState): UnrecognizedReason | null {
  if (s.notLoaded) return 'not-loaded';
  return s.onMessages && s.page?.recognition === 'unrecognized' ? (s.page.reason ?? 'page-changed') : null;
}

/** A report that says it cannot read the page names why; silence past the deadline is "changed". */
function reasonOf(s: TabState | null, notLoaded: boolean): UnrecognizedReason {
  if (notLoaded) return 'not-loaded';
  return (s && reportedReason(s)) ?? 'page-changed';
}

export function buildView(tabId: number | null, s: TabState | null, c: ViewContext): TabView {
  const diagnosis = c.onTikTok && s ? diagnosisOf(s, c.now) : null;
  const notLoaded = c.onTikTok && !!c.notLoaded;
  const recognition = notLoaded ? 'unrecognized' : s ? recognitionOf(s, c.now, c.onTikTok && !!c.inboxTab) : null;
  const { state, settled } = popupState({ onTikTok: c.onTikTok, recognition, diagnosis, checksRunning: c.running });
  const checks = orderedChecks(s, c.running);
  const finishedAt = s?.checks?.finishedAt ?? null;
  return {
    tabId,
    state,
    reason: state === 'ui-unrecognized' ? reasonOf(s, notLoaded) : null,
    settled,
    diagnosis,
    checks,
    checksRunning: c.running,
    checksAgeMs: finishedAt ? c.now - finishedAt : null,
    checksRunId: s?.checks?.runId ?? null,
    settings: c.settings,
    browser: c.browser,
    retryAt: retryAtOf(s, c.now),
    report: buildReport({ state, diagnosis, checks, page: s?.page ?? null, net: s?.net ?? [], at: c.now, browser: c.browser, browserVersion: c.browserVersion, version: c.version }),
  };
}
