import { classifyError } from '../network/error-class';
import type { NetEvent } from '../network/evidence';
import { hostRole } from '../network/hosts';
import { confirmedApart } from '../network/confirm';
import { makeResult, skipped, type CheckResult, type Reason } from './result';

// Pure verdicts: the background performs the probes and feeds their outcomes in.

export * from './result';
export * from './dns';
export * from './plan';

/** Above this a reachable host is "slow" (ChromeOS calls > 1000 ms "very high" latency). */
export const SLOW_MS = 1_500;

/** navigator.onLine: false reliably means offline; true proves little. */
export function verdictOnline(navigatorOnLine: boolean): CheckResult {
  return navigatorOnLine ? makeResult('online', 'pass', 'online.ok') : makeResult('online', 'fail', 'online.offline');
}

export type ReachOutcome =
  | { ok: true; status: number; ms: number }
  | { ok: false; error: 'timeout' | 'network' | 'aborted' | string; ms: number };

function failureParams(error: string, ms: number): Reason['params'] {
  const cls = classifyError(error);
  return cls === 'other' ? { ms } : { ms, error: error.slice(0, 120), cls };
}

/** Any HTTP answer means reachable; only network errors and timeouts fail. */
export function verdictReach(id: 'reach-www' | 'reach-im-api', outcome: ReachOutcome): CheckResult {
  const { ms } = outcome;
  if (outcome.ok) {
    const params = { status: outcome.status, ms };
    return ms > SLOW_MS ? makeResult(id, 'warn', 'reach.slow', params, { ms }) : makeResult(id, 'pass', 'reach.ok', params, { ms });
  }
  if (outcome.error === 'aborted') return skipped(id, 'check.interrupted');
  if (outcome.error === 'timeout') return makeResult(id, 'fail', 'reach.timeout', { ms }, { ms });
  return makeResult(id, 'fail', 'reach.failed', failureParams(outcome.error, ms), { ms });
}

/**
 * The IM socket host (check id `im-websocket`), reached with a plain cookie-free HTTPS request:
 * any HTTP answer (a 4xx for a request without parameters, an opaque redirect) means the host is
 * reachable; only network errors and timeouts fail.
 */
export function verdictImSocketHost(outcome: ReachOutcome): CheckResult {
  const { ms } = outcome;
  if (outcome.ok) {
    const params: Reason['params'] = { ms, status: outcome.status };
    return makeResult('im-websocket', ms > SLOW_MS ? 'warn' : 'pass', ms > SLOW_MS ? 'ws.slow' : 'ws.ok', params, { ms });
  }
  if (outcome.error === 'aborted') return skipped('im-websocket', 'check.interrupted');
  if (outcome.error === 'timeout') return makeResult('im-websocket', 'fail', 'ws.timeout', { ms }, { ms });
  return makeResult('im-websocket', 'fail', 'ws.failed', failureParams(outcome.error, ms), { ms });
}

export type PortalOutcome =
  | { ok: true; status: number; bodyBytes: number; redirected?: boolean; retryAfter?: string | null; ms: number }
  | { ok: false; error: string; ms: number };

/**
 * Chrome's captive-portal rule: 204, or 200 with a 0–1-byte body = online; 511 or any
 * other 2xx/3xx (or a followed redirect) = portal; 503 = retry later; other 4xx/5xx and fetch
 * errors = no result. null = no consent to contact the probe host.
 */
export function verdictCaptivePortal(outcome: PortalOutcome | null): CheckResult {
  if (outcome === null) return skipped('captive-portal', 'portal.noConsent');
  const { ms } = outcome;
  if (!outcome.ok) return makeResult('captive-portal', 'skipped', 'portal.noResult', { ms }, { ms });
  const { status, bodyBytes } = outcome;
  if (!outcome.redirected && (status === 204 || (status === 200 && bodyBytes <= 1))) {
    return makeResult('captive-portal', 'pass', 'portal.none', undefined, { ms });
  }
  if (outcome.redirected || status === 511 || (status >= 200 && status < 400)) {
    return makeResult('captive-portal', 'fail', 'portal.detected', { status }, { ms, detail: { cause: 'captive-portal' } });
  }
  if (status === 503) {
    const params = outcome.retryAfter ? { retryAfter: outcome.retryAfter.slice(0, 40) } : undefined;
    return makeResult('captive-portal', 'skipped', 'portal.retryLater', params, { ms });
  }
  return makeResult('captive-portal', 'skipped', 'portal.noResult', { status }, { ms });
}

export type TikTokPortalOutcome =
  | {
      ok: true;
      redirected: boolean /** where a redirect pointed, when webRequest told */;
      target: string | null;
      status: number;
      ms: number;
    }
  | { ok: false; error: string; ms: number };

/**
 * Without the permission: a plain-http request to TikTok, redirects not followed. A redirect off
 * TikTok means a portal hijacked plain HTTP. A redirect to TikTok's own https (TikTok's upgrade,
 * or the browser's HSTS upgrade, which never reaches the network) proves nothing by itself, so it
 * passes only when TikTok's https answered in the same run (`httpsReachable`).
 */
export function verdictCaptivePortalViaTikTok(outcome: TikTokPortalOutcome, httpsReachable: boolean): CheckResult {
  const { ms } = outcome;
  if (!outcome.ok) return makeResult('captive-portal', 'skipped', 'portal.noResult', { ms, via: 'tiktok' }, { ms });
  if (outcome.redirected) {
    if (outcome.target === null) return makeResult('captive-portal', 'skipped', 'portal.noResult', { ms, via: 'tiktok' }, { ms });
    if (hostRole(outcome.target) === null) {
      return makeResult(
        'captive-portal',
        'fail',
        'portal.detected',
        { status: outcome.status, via: 'tiktok' },
        { ms, detail: { cause: 'captive-portal' } },
      );
    }
    if (!httpsReachable) return makeResult('captive-portal', 'skipped', 'portal.noResult', { ms, via: 'tiktok' }, { ms });
  }
  return makeResult('captive-portal', 'pass', 'portal.none', { via: 'tiktok' }, { ms });
}

export const CLOCK_WARN_MS = 60_000;
/** Around here certificates start to look not-yet-valid or expired (clock-wrong). */
export const CLOCK_FAIL_MS = 5 * 60_000;

/**
 * Skew between the server's Date header and the local clock. `localNow` is when the answer
 * arrived; the server stamped it about rtt/2 earlier. Date has 1 s resolution, far below the
 * thresholds.
 */
export function verdictClock(dateHeader: string | null, localNow: number, rttMs: number): CheckResult {
  const serverDate = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (!Number.isFinite(serverDate) || !Number.isFinite(localNow)) return skipped('clock', 'clock.noDate');
  const halfRtt = Number.isFinite(rttMs) && rttMs > 0 ? rttMs / 2 : 0;
  const signed = localNow - halfRtt - serverDate; // > 0: the local clock is ahead
  const skewMs = Math.abs(signed);
  const params = { skewS: Math.round(skewMs / 1000), direction: signed > 0 ? 'ahead' : 'behind' };
  const detail = { skewMs: Math.round(skewMs) };
  if (skewMs > CLOCK_FAIL_MS) return makeResult('clock', 'fail', 'clock.wrong', params, { detail: { ...detail, cause: 'clock-wrong' } });
  if (skewMs > CLOCK_WARN_MS) return makeResult('clock', 'warn', 'clock.off', params, { detail });
  return makeResult('clock', 'pass', 'clock.ok', params, { detail });
}

/**
 * A proxy or VPN is context, not a fault: blame it only on its own errors (proxy class). One
 * error is a warning; two at least 5 s apart fail ("never decide on one failure").
 */
export function verdictProxy(events: readonly NetEvent[]): CheckResult {
  const times = events.filter((e) => e.kind === 'error' && e.cls === 'proxy').map((e) => e.t);
  const inUse = events.some((e) => e.proxy === true);
  if (times.length > 0) {
    const confirmed = confirmedApart(times);
    return makeResult(
      'proxy',
      confirmed ? 'fail' : 'warn',
      confirmed ? 'proxy.errors' : 'proxy.error',
      { count: times.length },
      { detail: { cause: 'proxy-vpn', proxy: inUse } },
    );
  }
  if (inUse) return makeResult('proxy', 'pass', 'proxy.inUse', undefined, { detail: { proxy: true } });
  return makeResult('proxy', 'pass', 'proxy.noErrors');
}

export { verdictBrowserVersion, parseUserAgent, BROWSER_MINIMUMS } from './browser-version';
export type { BrowserInfo } from './browser-version';
