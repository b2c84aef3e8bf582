import type { CheckId } from './result';

// Which requests a check run makes, so the budgets in DESIGN hold: ≤ 6 requests to TikTok hosts
// per run, ≤ 1 run per 30 s, every probe timed out within 5 s. The background follows this plan.

export const MAX_TIKTOK_REQUESTS_PER_RUN = 6;
export const MIN_RUN_INTERVAL_MS = 30_000;
/** Per-probe timeout (DESIGN: ≤ 5 s); leaves the whole run near its 3 s target when healthy. */
export const PROBE_TIMEOUT_MS = 4_000;

// Cheap, static, cookie-free targets. Any HTTP answer proves reachability: im-api "/" is a
// 404 and a plain HTTPS request to the IM socket host is refused at the HTTP level, both fine. No
// probe opens a WebSocket (a WebSocket handshake always carries the person's cookies) and no probe
// follows a redirect, so a run makes exactly the requests below.
export const PROBE_URLS = {
  www: 'https://www.tiktok.com/robots.txt',
  imApi: 'https://im-api.tiktok.com/',
  /** the IM socket host, reached with a plain cookie-free HTTPS request (check id `im-websocket`) */
  imWs: 'https://im-ws.tiktok.com/ws/v2',
  /** Plain http: a portal that hijacks it redirects off TikTok (used only without the permission). */
  portalViaTikTok: 'http://www.tiktok.com/robots.txt',
  doh: 'https://cloudflare-dns.com/dns-query?name=www.tiktok.com&type=A',
  portal: 'http://connectivitycheck.gstatic.com/generate_204',
} as const;

export interface PlannedRequest {
  check: CheckId;
  url: string;
  tiktok: boolean;
  /** Contacts someone other than TikTok: only while the browser grants its origin. */
  needsConsent: boolean;
}

/**
 * The run's requests. `clock` reads the Date header of the reach-www answer and `proxy`,
 * `online`, `browser-version` read local state, so they cost nothing. TikTok total: 4 without
 * consent, 3 with it; the 2–3 spare requests are headroom, not a licence for retries.
 */
export function requestPlan(opts: { consent: boolean }): PlannedRequest[] {
  const plan: PlannedRequest[] = [
    { check: 'reach-www', url: PROBE_URLS.www, tiktok: true, needsConsent: false },
    { check: 'reach-im-api', url: PROBE_URLS.imApi, tiktok: true, needsConsent: false },
    { check: 'im-websocket', url: PROBE_URLS.imWs, tiktok: true, needsConsent: false },
  ];
  if (opts.consent) {
    plan.push(
      { check: 'dns', url: PROBE_URLS.doh, tiktok: false, needsConsent: true },
      { check: 'captive-portal', url: PROBE_URLS.portal, tiktok: false, needsConsent: true },
    );
  } else {
    plan.push({ check: 'captive-portal', url: PROBE_URLS.portalViaTikTok, tiktok: true, needsConsent: false });
  }
  return plan;
}

export function tiktokRequestCount(plan: readonly PlannedRequest[]): number {
  return plan.filter((r) => r.tiktok).length;
}

export interface RunPermission {
  allowed: boolean;
  /** Time since the last run, when there was one. */
  ageMs?: number;
  /** When refused: how long until a run is allowed. */
  retryInMs?: number;
}

/**
 * At most one run per `minIntervalMs`. A last run "in the future" (the clock was set back) does
 * not lock the person out: the run is allowed.
 */
export function canRunChecks(lastRunAt: number | null, now: number, minIntervalMs = MIN_RUN_INTERVAL_MS): RunPermission {
  if (lastRunAt === null || !Number.isFinite(lastRunAt)) return { allowed: true };
  const ageMs = now - lastRunAt;
  if (ageMs < 0 || ageMs >= minIntervalMs) return { allowed: true, ageMs };
  return { allowed: false, ageMs, retryInMs: minIntervalMs - ageMs };
}
