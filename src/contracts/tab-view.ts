import type { Settings } from './settings';
import type { Diagnosis } from './diagnosis';
import type { CheckResult } from './checks';

export type PopupState = 'problem' | 'no-problem' | 'not-tiktok' | 'ui-unrecognized' | 'checking';

/**
 * Why the tab is `ui-unrecognized`: nothing known found (`page-changed`), the inbox is known but the
 * open chat is not (`chat-unreadable`), or no content script runs in the tab (`not-loaded`).
 */
export type UnrecognizedReason = 'page-changed' | 'chat-unreadable' | 'not-loaded';

/** Everything the popup renders for one tab, computed by the background. */
export interface TabView {
  tabId: number | null;
  state: PopupState;
  /** set iff state is `ui-unrecognized` */
  reason: UnrecognizedReason | null;
  /** nothing pending: no check running and a diagnosis (or a final "unrecognised") is in */
  settled: boolean;
  diagnosis: Diagnosis | null;
  checks: CheckResult[];
  checksRunning: boolean;
  /** age of the check results in ms (a cached run), null when none */
  checksAgeMs: number | null;
  /** id of the run the results come from (a cached run gets its own id), null when none */
  checksRunId: string | null;
  settings: Settings;
  browser: 'chrome' | 'firefox';
  report: string;
  /** when TikTok said to try again (a Retry-After seen on a 429 / 503 of this visit); null when it gave no time */
  retryAt?: number | null;
}
