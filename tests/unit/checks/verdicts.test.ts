import { describe, it, expect } from 'vitest';
import {
  REASON_KEYS,
  verdictCaptivePortal,
  verdictCaptivePortalViaTikTok,
  verdictClock,
  verdictOnline,
  verdictProxy,
  verdictReach,
  verdictImSocketHost,
  type CheckResult,
} from '../../../src/checks/verdicts';
import type { NetEvent } from '../../../src/network/evidence';

const keys = new Set<string>(REASON_KEYS);
const expectKnownKey = (r: CheckResult) => expect(keys.has(r.reason.key)).toBe(true);

describe('verdictOnline', () => {
  it('false fails, true passes (it proves little)', () => {
    expect(verdictOnline(false)).toEqual({ id: 'online', status: 'fail', reason: { key: 'online.offline' } });
    expect(verdictOnline(true)).toEqual({ id: 'online', status: 'pass', reason: { key: 'online.ok' } });
  });
});

describe('verdictReach', () => {
  it('any HTTP answer is reachable, including 404 and 5xx', () => {
    for (const status of [200, 204, 404, 400, 503]) {
      const r = verdictReach('reach-im-api', { ok: true, status, ms: 120 });
      expect(r).toEqual({ id: 'reach-im-api', status: 'pass', reason: { key: 'reach.ok', params: { status, ms: 120 } }, ms: 120 });
    }
  });

  it('slow above 1500 ms is a warning', () => {
    expect(verdictReach('reach-www', { ok: true, status: 200, ms: 1_500 }).status).toBe('pass');
    const slow = verdictReach('reach-www', { ok: true, status: 200, ms: 1_501 });
    expect(slow).toMatchObject({ id: 'reach-www', status: 'warn', reason: { key: 'reach.slow' } });
  });

  it('network errors and timeouts fail; a known error name is classified', () => {
    expect(verdictReach('reach-www', { ok: false, error: 'timeout', ms: 4_000 })).toMatchObject({
      status: 'fail',
      reason: { key: 'reach.timeout', params: { ms: 4_000 } },
    });
    expect(verdictReach('reach-www', { ok: false, error: 'network', ms: 30 })).toEqual({
      id: 'reach-www',
      status: 'fail',
      reason: { key: 'reach.failed', params: { ms: 30 } },
      ms: 30,
    });
    expect(verdictReach('reach-im-api', { ok: false, error: 'net::ERR_NAME_NOT_RESOLVED', ms: 30 }).reason.params).toEqual({
      ms: 30,
      error: 'net::ERR_NAME_NOT_RESOLVED',
      cls: 'dns',
    });
  });

  it('an interrupted probe is skipped, never passed', () => {
    expect(verdictReach('reach-www', { ok: false, error: 'aborted', ms: 10 })).toEqual({
      id: 'reach-www',
      status: 'skipped',
      reason: { key: 'check.interrupted' },
    });
  });
});

describe('verdictImSocketHost (check im-websocket, a plain cookie-free HTTPS request)', () => {
  it('any HTTP answer = reachable, a refusal (4xx) and an opaque redirect (status 0) included', () => {
    expect(verdictImSocketHost({ ok: true, status: 400, ms: 200 })).toMatchObject({
      id: 'im-websocket',
      status: 'pass',
      reason: { key: 'ws.ok', params: { status: 400, ms: 200 } },
    });
    expect(verdictImSocketHost({ ok: true, status: 0, ms: 200 }).status).toBe('pass');
    expect(verdictImSocketHost({ ok: true, status: 404, ms: 2_000 })).toMatchObject({ status: 'warn', reason: { key: 'ws.slow' } });
  });

  it('network errors and timeouts fail; an interrupted probe is skipped', () => {
    expect(verdictImSocketHost({ ok: false, error: 'timeout', ms: 4_000 })).toMatchObject({
      status: 'fail',
      reason: { key: 'ws.timeout' },
    });
    expect(verdictImSocketHost({ ok: false, error: 'net::ERR_CONNECTION_RESET', ms: 50 })).toMatchObject({
      status: 'fail',
      reason: { key: 'ws.failed', params: { cls: 'connection-reset' } },
    });
    expect(verdictImSocketHost({ ok: false, error: 'aborted', ms: 1 })).toMatchObject({
      status: 'skipped',
      reason: { key: 'check.interrupted' },
    });
  });
});

describe('verdictCaptivePortal (Chrome rule)', () => {
  const probe = (status: number, bodyBytes = 0, extra = {}) => verdictCaptivePortal({ ok: true, status, bodyBytes, ms: 80, ...extra });

  it('204, or 200 with a 0–1 byte body, is online', () => {
    expect(probe(204).status).toBe('pass');
    expect(probe(200, 0).status).toBe('pass');
    expect(probe(200, 1).status).toBe('pass');
  });

  it('511 and any other 2xx/3xx is a portal', () => {
    for (const r of [probe(511), probe(200, 2), probe(200, 5_000), probe(302), probe(301), probe(206, 0)]) {
      expect(r).toMatchObject({ status: 'fail', reason: { key: 'portal.detected' }, detail: { cause: 'captive-portal' } });
    }
    expect(probe(204, 0, { redirected: true }).status).toBe('fail'); // followed redirect ending in a 204
    expect(probe(0, 0, { redirected: true }).status).toBe('fail'); // opaqueredirect
  });

  it('503 asks to retry later, other 4xx/5xx give no result', () => {
    expect(probe(503, 0, { retryAfter: '120' })).toMatchObject({
      status: 'skipped',
      reason: { key: 'portal.retryLater', params: { retryAfter: '120' } },
    });
    expect(probe(503).reason).toEqual({ key: 'portal.retryLater' });
    for (const status of [404, 403, 500, 502])
      expect(probe(status)).toMatchObject({ status: 'skipped', reason: { key: 'portal.noResult' } });
  });

  it('fetch errors and no consent are skipped', () => {
    expect(verdictCaptivePortal({ ok: false, error: 'TypeError', ms: 5 }).status).toBe('skipped');
    expect(verdictCaptivePortal(null)).toEqual({ id: 'captive-portal', status: 'skipped', reason: { key: 'portal.noConsent' } });
  });
});

describe('verdictCaptivePortalViaTikTok (plain http, redirects not followed)', () => {
  it('a redirect off TikTok is a portal', () => {
    expect(
      verdictCaptivePortalViaTikTok(
        { ok: true, redirected: true, target: 'http://login.hotel-wifi.example/portal?mac=1', status: 0, ms: 90 },
        false,
      ),
    ).toMatchObject({ status: 'fail', reason: { key: 'portal.detected', params: { via: 'tiktok' } } });
  });

  it('a redirect to TikTok passes only when TikTok https answered in the same run', () => {
    const toTikTok = { ok: true as const, redirected: true, target: 'https://www.tiktok.com/robots.txt', status: 0, ms: 90 };
    expect(verdictCaptivePortalViaTikTok(toTikTok, true).status).toBe('pass');
    expect(verdictCaptivePortalViaTikTok(toTikTok, false)).toMatchObject({ status: 'skipped', reason: { key: 'portal.noResult' } });
  });

  it('TikTok answering plain http itself passes; an unknown redirect target or a network error is no result', () => {
    expect(verdictCaptivePortalViaTikTok({ ok: true, redirected: false, target: null, status: 200, ms: 90 }, true).status).toBe('pass');
    expect(verdictCaptivePortalViaTikTok({ ok: true, redirected: true, target: null, status: 0, ms: 90 }, true).status).toBe('skipped');
    expect(verdictCaptivePortalViaTikTok({ ok: false, error: 'TypeError', ms: 90 }, true).status).toBe('skipped');
  });
});

describe('verdictClock', () => {
  const server = Date.UTC(2026, 8, 20, 12, 0, 0);
  const date = new Date(server).toUTCString();

  it('within 60 s passes, rtt/2 corrected', () => {
    expect(verdictClock(date, server + 1_000, 2_000)).toMatchObject({ status: 'pass', reason: { key: 'clock.ok', params: { skewS: 0 } } });
    expect(verdictClock(date, server + 60_000, 0).status).toBe('pass');
  });

  it('over 60 s warns, over 5 min fails with the direction', () => {
    expect(verdictClock(date, server + 60_001, 0)).toMatchObject({
      status: 'warn',
      reason: { key: 'clock.off', params: { direction: 'ahead' } },
    });
    // 61 s ahead on arrival but the server stamped it 2 s earlier (rtt 4 s): 59 s → pass.
    expect(verdictClock(date, server + 61_000, 4_000).status).toBe('pass');
    expect(verdictClock(date, server - 5 * 60_000 - 1, 0)).toMatchObject({
      status: 'fail',
      reason: { key: 'clock.wrong', params: { direction: 'behind', skewS: 300 } },
      detail: { cause: 'clock-wrong' },
    });
    expect(verdictClock(date, server + 3 * 3_600_000, 100).status).toBe('fail');
  });

  it('missing or unparseable header is skipped; bad rtt is ignored', () => {
    expect(verdictClock(null, server, 0)).toEqual({ id: 'clock', status: 'skipped', reason: { key: 'clock.noDate' } });
    expect(verdictClock('', server, 0).status).toBe('skipped');
    expect(verdictClock('not a date', server, 0).status).toBe('skipped');
    expect(verdictClock(date, server + 30_000, Number.NaN).status).toBe('pass');
  });
});

describe('verdictProxy', () => {
  const e = (t: number, cls: NetEvent['cls'], proxy?: boolean): NetEvent => ({
    t,
    role: 'im-api',
    url: 'im-api.tiktok.com/',
    kind: 'error',
    cls,
    ...(proxy ? { proxy } : {}),
  });

  it('proxy errors: one warns, two 5 s apart fail', () => {
    expect(verdictProxy([e(1_000, 'proxy')])).toMatchObject({ status: 'warn', reason: { key: 'proxy.error', params: { count: 1 } } });
    expect(verdictProxy([e(1_000, 'proxy'), e(3_000, 'proxy')]).status).toBe('warn');
    expect(verdictProxy([e(1_000, 'proxy'), e(6_000, 'proxy')])).toMatchObject({
      status: 'fail',
      reason: { key: 'proxy.errors', params: { count: 2 } },
      detail: { cause: 'proxy-vpn' },
    });
  });

  it('a proxy in use without its own errors is context, not a fault', () => {
    expect(verdictProxy([e(1_000, 'timeout', true), e(9_000, 'connection-reset', true)])).toEqual({
      id: 'proxy',
      status: 'pass',
      reason: { key: 'proxy.inUse' },
      detail: { proxy: true },
    });
    expect(verdictProxy([e(1_000, 'timeout')])).toEqual({ id: 'proxy', status: 'pass', reason: { key: 'proxy.noErrors' } });
    expect(verdictProxy([]).status).toBe('pass');
  });
});

describe('reason keys', () => {
  it('every verdict speaks in catalogue keys', () => {
    const samples = [
      verdictOnline(false),
      verdictReach('reach-www', { ok: false, error: 'x', ms: 1 }),
      verdictImSocketHost({ ok: false, error: 'network', ms: 1 }),
      verdictCaptivePortal({ ok: true, status: 503, bodyBytes: 0, ms: 1 }),
      verdictClock(null, 0, 0),
      verdictProxy([]),
    ];
    samples.forEach(expectKnownKey);
  });
});

describe('parseUserAgent: headless and branded Chromium', () => {
  it('reads the major version from HeadlessChrome and Chromium user agents', async () => {
    const { parseUserAgent } = await import('../../../src/checks/verdicts');
    expect(
      parseUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'),
    ).toEqual({ name: 'chrome', major: 156 });
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toEqual({
      name: 'firefox',
      major: 153,
    });
    expect(parseUserAgent('curl/8')).toBeNull();
  });
});
