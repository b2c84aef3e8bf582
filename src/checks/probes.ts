import type { DohAnswer } from './dns';
import type { PortalOutcome, ReachOutcome, TikTokPortalOutcome } from './verdicts';
import { PROBE_TIMEOUT_MS } from './plan';

// The actual probes, run from the background. Cookie-free (`credentials: 'omit'`), never cached,
// never following a redirect (`redirect: 'manual'`: an opaque redirect is an answer), each bounded
// by a timeout. They return outcomes; verdicts.ts decides what they mean. There is no WebSocket
// probe: a WebSocket handshake always sends the person's cookies, so the IM socket host is reached
// with probeHttp like the other TikTok hosts.

const now = () => performance.now();
const elapsed = (t0: number) => Math.round(now() - t0);

function errorName(err: unknown): string {
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'timeout';
  return 'network';
}

export async function probeHttp(
  url: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ReachOutcome & { date?: string | null; arrivedAt?: number }> {
  const t0 = now();
  try {
    const res = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    // Drain nothing: the status and headers are the answer (an opaque redirect has status 0).
    void res.body?.cancel().catch(() => undefined);
    return { ok: true, status: res.status, ms: elapsed(t0), date: res.headers.get('date'), arrivedAt: Date.now() };
  } catch (err) {
    return { ok: false, error: errorName(err), ms: elapsed(t0) };
  }
}

export async function probeDoh(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<DohAnswer> {
  try {
    const res = await fetch(url, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
      headers: { accept: 'application/dns-json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return { status: 'error' };
    const body = (await res.json()) as { Status?: number; Answer?: { type?: number; data?: string }[] };
    if (body.Status === 3) return { status: 'nxdomain' };
    if (body.Status !== 0) return { status: 'error' };
    const addresses = (body.Answer ?? [])
      .filter((a) => a.type === 1 || a.type === 28)
      .map((a) => String(a.data ?? ''))
      .filter(Boolean);
    return { status: 'ok', addresses };
  } catch (err) {
    return errorName(err) === 'timeout' || err instanceof TypeError ? { status: 'unreachable' } : { status: 'error' };
  }
}

export async function probePortal(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<PortalOutcome> {
  const t0 = now();
  try {
    const res = await fetch(`${url}?r=${Math.random().toString(36).slice(2)}`, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const redirected = res.type === 'opaqueredirect';
    const body = redirected ? '' : await res.text();
    return {
      ok: true,
      status: res.status,
      bodyBytes: body.length,
      redirected,
      retryAfter: res.headers.get('retry-after'),
      ms: elapsed(t0),
    };
  } catch (err) {
    return { ok: false, error: errorName(err), ms: elapsed(t0) };
  }
}

/**
 * The plain-http request to TikTok, not followed: a redirect is reported with its target, which
 * fetch hides (an opaque redirect) and webRequest tells (`redirectTarget`, onBeforeRedirect).
 */
export async function probePortalViaTikTok(
  url: string,
  redirectTarget: () => Promise<string | null>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<TikTokPortalOutcome> {
  const t0 = now();
  try {
    const res = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    void res.body?.cancel().catch(() => undefined);
    const ms = elapsed(t0);
    if (res.type === 'opaqueredirect') return { ok: true, redirected: true, target: await redirectTarget(), status: res.status, ms };
    return { ok: true, redirected: false, target: null, status: res.status, ms };
  } catch (err) {
    return { ok: false, error: errorName(err), ms: elapsed(t0) };
  }
}
