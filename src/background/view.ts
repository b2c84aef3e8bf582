import type { TabState } from '../contracts/tab-state';
import type { Settings } from './settings';
import type { TabView } from '../contracts/tab-view';
import type { CheckResult } from '../contracts/checks';
import { orderedResults } from '../checks/result';
import { tabStatus, type StatusContext } from './status';
import { buildReport } from '../diagnosis/report';

/** Always the nine checks in DESIGN.md order; not run or interrupted is `skipped`, never `pass`. */
export function orderedChecks(s: TabState | null, running: boolean): CheckResult[] {
  return orderedResults(s?.checks?.results ?? [], { finished: !running });
}

/** The latest still-future Retry-After TikTok sent during this visit, or null: never a made-up time. */
export function retryAtOf(s: TabState | null, now: number): number | null {
  const times = (s?.net ?? []).filter((e) => e.t >= s!.visitAt && e.retryAt != null && e.retryAt > now).map((e) => e.retryAt!);
  return times.length ? Math.max(...times) : null;
}

export interface ViewContext extends StatusContext {
  settings: Settings;
  browser: 'chrome' | 'firefox';
  version: string;
  browserVersion: string;
}

export function buildView(tabId: number | null, s: TabState | null, c: ViewContext): TabView {
  const { state, reason, settled, diagnosis } = tabStatus(s, c);
  const checks = orderedChecks(s, c.running);
  const finishedAt = s?.checks?.finishedAt ?? null;
  return {
    tabId,
    state,
    reason,
    settled,
    diagnosis,
    checks,
    checksRunning: c.running,
    checksAgeMs: finishedAt ? c.now - finishedAt : null,
    checksRunId: s?.checks?.runId ?? null,
    settings: c.settings,
    browser: c.browser,
    retryAt: retryAtOf(s, c.now),
    report: buildReport({
      state,
      diagnosis,
      checks,
      page: s?.page ?? null,
      net: s?.net ?? [],
      at: c.now,
      browser: c.browser,
      browserVersion: c.browserVersion,
      version: c.version,
    }),
  };
}
