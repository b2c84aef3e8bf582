import { NET_ROLES, NetEventSchema, type NetEvent, type NetRole } from '../contracts/net-event';
import { classifyError } from './error-class';
import { hostRole } from './hosts';
import { HTTP_CLASSES, httpClassOf, type HttpClass } from './http-class';
import { redactUrl } from '../tiktok/redact';
import { isInboxRoute } from '../tiktok/routes';

export { NET_ROLES, NetEventSchema, type NetEvent, type NetRole };
export { HTTP_CLASSES, httpClassOf, type HttpClass };

/** Validates events read back from storage; bad entries are dropped, never thrown. */
export function parseNetEvents(raw: unknown): NetEvent[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = NetEventSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The fields we read from Chrome/Firefox webRequest details (both shapes). */
export interface WebRequestDetails {
  url: string;
  timeStamp?: number;
  type?: string;
  tabId?: number;
  error?: string;
  statusCode?: number;
  redirectUrl?: string;
  ip?: string;
  proxyInfo?: { type?: string } | null;
  responseHeaders?: { name: string; value?: string }[];
}

/** The longest Retry-After we believe: anything later is shown as "no time given". */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * The time a 429 / 503 answer's `Retry-After` header names (delay-seconds or an HTTP date, RFC 9110
 * RFC 9110 §10.2.3), as epoch ms; undefined when absent, unreadable, in the past or more than a day away.
 */
export function retryAtOf(headers: WebRequestDetails['responseHeaders'], receivedAt: number): number | undefined {
  const raw = headers?.find((h) => h.name.toLowerCase() === 'retry-after')?.value?.trim();
  if (!raw) return undefined;
  const at = /^\d{1,9}$/.test(raw) ? receivedAt + Number(raw) * 1000 : Date.parse(raw);
  return Number.isFinite(at) && at > receivedAt && at - receivedAt <= MAX_RETRY_AFTER_MS ? at : undefined;
}

/** [SO]: an abort after 5 s without response headers is a timeout, not a navigation. */
export const SOFT_TIMEOUT_MS = 5_000;

function isSinkholeIp(ip: string | undefined): boolean {
  if (!ip) return false;
  const bare = ip.replace(/^\[|\]$/g, '').toLowerCase();
  return /^0\.|^127\./.test(bare) || bare === '::' || bare === '::1' || bare === '0:0:0:0:0:0:0:0';
}

function base(details: WebRequestDetails): Omit<NetEvent, 'kind'> | null {
  const role = hostRole(details.url);
  if (role === null || role === 'ignored') return null;
  const rec: Omit<NetEvent, 'kind'> = {
    t: typeof details.timeStamp === 'number' && Number.isFinite(details.timeStamp) ? details.timeStamp : Date.now(),
    role,
    url: redactUrl(details.url),
  };
  if (details.type) rec.type = details.type.slice(0, 40);
  if (details.proxyInfo && details.proxyInfo.type !== 'direct') rec.proxy = true;
  return rec;
}

/** onErrorOccurred → record; null for non-TikTok/ignored hosts and plain aborts. */
export function fromErrorOccurred(details: WebRequestDetails, opts: { startedAt?: number } = {}): NetEvent | null {
  const rec = base(details);
  if (!rec) return null;
  const error = typeof details.error === 'string' ? details.error : '';
  let cls = classifyError(error);
  if (cls === 'aborted') {
    const waited = opts.startedAt === undefined ? 0 : rec.t - opts.startedAt;
    if (waited < SOFT_TIMEOUT_MS) return null;
    cls = 'timeout';
  }
  // Only a *failed* request to a sinkhole address is a blocker's sign: an answer from 127.0.0.1 is
  // usually a local proxy (Chrome reports the proxy's address as `ip`), and a proxied request's
  // address says nothing about DNS.
  const sinkhole = isSinkholeIp(details.ip) && !rec.proxy ? { sinkhole: true } : {};
  return { ...rec, kind: 'error', cls, error: error.slice(0, 120), ...sinkhole };
}

/**
 * onCompleted → record. Kept: every im-api / im-ws answer (proof the IM request reached the
 * network, and a success that can clear a problem), any 429 / 401 / 403 / 5xx on a TikTok host,
 * Dropped: other successful or 4xx requests (noise).
 */
export function fromCompleted(details: WebRequestDetails): NetEvent | null {
  const rec = base(details);
  if (!rec || typeof details.statusCode !== 'number') return null;
  const httpClass = httpClassOf(details.statusCode);
  const im = rec.role === 'im-api' || rec.role === 'im-ws';
  const notable = httpClass !== undefined && httpClass !== 'ok';
  if (!im && !notable) return null;
  const retryAt = details.statusCode === 429 || details.statusCode === 503 ? retryAtOf(details.responseHeaders, rec.t) : undefined;
  return { ...rec, kind: 'http', status: details.statusCode, ...(httpClass ? { httpClass } : {}), ...(retryAt ? { retryAt } : {}) };
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\])$/;

/**
 * onBeforeRedirect → record. A main_frame /messages redirected to /login is 'login-redirect'
 * (→ logged-out). A TikTok request redirected to a loopback address is a blocker's doing
 * ([SO] treats such redirects as blocks) → 'blocked-by-client'. Other redirects are dropped.
 */
export function fromBeforeRedirect(details: WebRequestDetails): NetEvent | null {
  const rec = base(details);
  if (!rec || typeof details.redirectUrl !== 'string') return null;
  let from: URL;
  let to: URL;
  try {
    from = new URL(details.url);
    to = new URL(details.redirectUrl, details.url);
  } catch {
    return null;
  }
  const status = typeof details.statusCode === 'number' ? { status: details.statusCode } : {};
  if (LOOPBACK_HOST.test(to.hostname)) {
    return { ...rec, kind: 'error', cls: 'blocked-by-client', error: 'redirect-to-loopback', ...status };
  }
  const toWww = hostRole(to.href) === 'www';
  if (rec.role === 'www' && details.type === 'main_frame' && isInboxRoute(from) && toWww && /^\/login(\/|$)/.test(to.pathname)) {
    return { ...rec, kind: 'http', httpClass: 'login-redirect', ...status };
  }
  return null;
}

/**
 * Appends with a bound. When full, the oldest 'ok' record goes first (successes are frequent
 * and cheap to lose; failures are the evidence), else the oldest record. Returns a new array.
 */
export function pushBounded(list: readonly NetEvent[], rec: NetEvent, max = 50): NetEvent[] {
  if (!(max >= 1)) return [];
  const next = [...list, rec];
  while (next.length > max) {
    const okIndex = next.findIndex((e) => e.httpClass === 'ok');
    next.splice(okIndex >= 0 && okIndex < next.length - 1 ? okIndex : 0, 1);
  }
  return next;
}
