import { makeResult, skipped, type CheckResult } from './result';

// No minimum browser version for TikTok's web DMs is known (the reference has none), so this
// check is lenient: below a recent-ish version it only warns; far below it fails. The numbers
// are ours: Chrome 110 / Firefox 115 (an ESR) as "recent enough"; Chrome 90 is below the MV3
// baseline WXT targets, Firefox 102 is an ESR two generations back. (Our Firefox manifest asks
// for 153+, so a Firefox "fail" should not be seen in practice.)

export interface BrowserInfo {
  name: 'chrome' | 'firefox' | string;
  major: number;
}

export const BROWSER_MINIMUMS: Readonly<Record<string, { warnBelow: number; failBelow: number }>> = {
  chrome: { warnBelow: 110, failBelow: 90 },
  firefox: { warnBelow: 115, failBelow: 102 },
};

/** Engine and major version from a user-agent string; Chromium-based browsers count as chrome. */
export function parseUserAgent(ua: string): BrowserInfo | null {
  if (typeof ua !== 'string') return null;
  const firefox = /\bFirefox\/(\d+)/.exec(ua);
  if (firefox?.[1]) return { name: 'firefox', major: Number(firefox[1]) };
  const chrome = /(?:\b|Headless)(?:Chrome|Chromium)\/(\d+)/.exec(ua);
  if (chrome?.[1]) return { name: 'chrome', major: Number(chrome[1]) };
  return null;
}

export function verdictBrowserVersion(input: string | BrowserInfo | null): CheckResult {
  const info = typeof input === 'string' ? parseUserAgent(input) : input;
  const name = info?.name.toLowerCase() ?? '';
  const limits = BROWSER_MINIMUMS[name];
  if (!info || !limits || !Number.isFinite(info.major) || info.major <= 0) return skipped('browser-version', 'browser.unknown');
  const params = { name, major: info.major, min: limits.warnBelow };
  const detail = { cause: 'outdated-browser' };
  if (info.major < limits.failBelow) return makeResult('browser-version', 'fail', 'browser.tooOld', params, { detail });
  if (info.major < limits.warnBelow) return makeResult('browser-version', 'warn', 'browser.old', params, { detail });
  return makeResult('browser-version', 'pass', 'browser.ok', params);
}
