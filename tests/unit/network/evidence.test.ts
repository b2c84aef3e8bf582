import { describe, it, expect } from 'vitest';
import {
  fromBeforeRedirect,
  fromCompleted,
  fromErrorOccurred,
  httpClassOf,
  retryAtOf,
  NetEventSchema,
  parseNetEvents,
  pushBounded,
  type NetEvent,
} from '../../../src/network/evidence';

const T = 1_760_000_000_000;

// Shapes as the browsers deliver them (fields we do not read included, to prove they are ignored).
const chromeError = {
  url: 'https://im-api.tiktok.com/v1/message/send?aid=1988&msToken=MARKER-7f3a',
  error: 'net::ERR_CONNECTION_RESET',
  type: 'xmlhttprequest',
  tabId: 7,
  frameId: 0,
  requestId: '99',
  method: 'POST',
  initiator: 'https://www.tiktok.com',
  fromCache: false,
  timeStamp: T,
};
const firefoxError = {
  url: 'wss://im-ws.tiktok.com/ws/v2?access_key=MARKER-7f3a',
  error: 'NS_ERROR_NET_RESET',
  type: 'websocket',
  tabId: 3,
  frameId: 0,
  requestId: '12',
  originUrl: 'https://www.tiktok.com/messages',
  thirdParty: false,
  timeStamp: T + 10,
  proxyInfo: { host: '10.0.0.1', port: 3128, type: 'http', username: '', proxyDNS: false, failoverTimeout: 1 },
};

describe('fromErrorOccurred', () => {
  it('builds a redacted record from Chrome details', () => {
    expect(fromErrorOccurred(chromeError)).toEqual({
      t: T,
      role: 'im-api',
      url: 'im-api.tiktok.com/v1/message/send',
      kind: 'error',
      cls: 'connection-reset',
      error: 'net::ERR_CONNECTION_RESET',
      type: 'xmlhttprequest',
    });
  });

  it('builds a record from Firefox details, with proxy as a bare flag', () => {
    const rec = fromErrorOccurred(firefoxError);
    expect(rec).toEqual({
      t: T + 10,
      role: 'im-ws',
      url: 'im-ws.tiktok.com/ws/v2',
      kind: 'error',
      cls: 'connection-reset',
      error: 'NS_ERROR_NET_RESET',
      type: 'websocket',
      proxy: true,
    });
    expect(JSON.stringify(rec)).not.toContain('10.0.0.1');
    expect(fromErrorOccurred({ ...firefoxError, proxyInfo: { type: 'direct' } })?.proxy).toBeUndefined();
    expect(fromErrorOccurred({ ...firefoxError, proxyInfo: null })?.proxy).toBeUndefined();
  });

  it('never keeps the marker from the query', () => {
    expect(JSON.stringify(fromErrorOccurred(chromeError))).not.toContain('MARKER');
    expect(JSON.stringify(fromErrorOccurred(firefoxError))).not.toContain('MARKER');
  });

  it('drops ignored and non-TikTok hosts', () => {
    expect(fromErrorOccurred({ ...chromeError, url: 'https://mcs.tiktokv.us/v1/list' })).toBeNull();
    expect(fromErrorOccurred({ ...chromeError, url: 'https://example.com/' })).toBeNull();
    expect(fromErrorOccurred({ ...chromeError, url: 'garbage' })).toBeNull();
  });

  it('drops aborts, unless they came after the 5 s soft timeout', () => {
    expect(fromErrorOccurred({ ...chromeError, error: 'net::ERR_ABORTED' })).toBeNull();
    expect(fromErrorOccurred({ ...firefoxError, error: 'NS_BINDING_ABORTED' })).toBeNull();
    expect(fromErrorOccurred({ ...chromeError, error: 'net::ERR_ABORTED' }, { startedAt: T - 4_999 })).toBeNull();
    const late = fromErrorOccurred({ ...chromeError, error: 'net::ERR_ABORTED' }, { startedAt: T - 5_000 });
    expect(late).toMatchObject({ kind: 'error', cls: 'timeout', error: 'net::ERR_ABORTED' });
  });

  it('keeps unknown errors as "other" and marks sinkhole IPs', () => {
    expect(fromErrorOccurred({ ...chromeError, error: 'net::ERR_FAILED' })?.cls).toBe('other');
    expect(fromErrorOccurred({ ...chromeError, error: undefined })?.cls).toBe('other');
    expect(fromErrorOccurred({ ...chromeError, error: 'net::ERR_CONNECTION_REFUSED', ip: '0.0.0.0' })?.sinkhole).toBe(true);
    expect(fromErrorOccurred({ ...chromeError, ip: '151.101.1.1' })?.sinkhole).toBeUndefined();
  });
});

describe('fromCompleted', () => {
  const done = { url: 'https://www.tiktok.com/api/user/settings/?x=1', statusCode: 200, type: 'xmlhttprequest', tabId: 7, timeStamp: T };

  it.each([
    [429, 'rate-limited'],
    [401, 'auth'],
    [403, 'auth'],
    [500, 'server-error'],
    [503, 'server-error'],
  ] as const)('keeps a %i on www as %s', (statusCode, httpClass) => {
    expect(fromCompleted({ ...done, statusCode })).toEqual({
      t: T,
      role: 'www-api',
      url: 'www.tiktok.com/api/user/settings/',
      kind: 'http',
      status: statusCode,
      httpClass,
      type: 'xmlhttprequest',
    });
  });

  it("keeps a 429's Retry-After as a time, only when TikTok sent one that makes sense", () => {
    const h = (value: string) => ({
      ...done,
      statusCode: 429,
      responseHeaders: [
        { name: 'Content-Type', value: 'text/html' },
        { name: 'retry-after', value },
      ],
    });
    expect(fromCompleted(h('120'))?.retryAt).toBe(T + 120_000);
    const date = new Date(T + 300_000).toUTCString();
    expect(fromCompleted(h(date))?.retryAt).toBe(Math.floor((T + 300_000) / 1000) * 1000);
    expect(fromCompleted({ ...h('60'), statusCode: 503 })?.retryAt).toBe(T + 60_000);
    // absent, unreadable, in the past, more than a day away, or on a status that is not a limit: none
    for (const bad of [h('soon'), h('-5'), h('0'), h(new Date(T - 1000).toUTCString()), h(String(25 * 3600))])
      expect(fromCompleted(bad)?.retryAt).toBeUndefined();
    expect(fromCompleted({ ...done, statusCode: 429 })).not.toHaveProperty('retryAt');
    expect(fromCompleted({ ...h('120'), statusCode: 403 })).not.toHaveProperty('retryAt');
    expect(retryAtOf([{ name: 'Retry-After', value: '30' }], 1000)).toBe(31_000);
    expect(NetEventSchema.parse(fromCompleted(h('120'))).retryAt).toBe(T + 120_000);
  });

  it('drops boring www answers (2xx, 3xx, other 4xx)', () => {
    for (const statusCode of [200, 204, 304, 404, 400]) expect(fromCompleted({ ...done, statusCode })).toBeNull();
  });

  it('keeps every im-api / im-ws answer, including the normal 404 / 400 / 101', () => {
    expect(fromCompleted({ ...done, url: 'https://im-api.tiktok.com/v1/message/send?a=1' })).toMatchObject({
      role: 'im-api',
      kind: 'http',
      status: 200,
      httpClass: 'ok',
    });
    const notFound = fromCompleted({ ...done, url: 'https://im-api.tiktok.com/', statusCode: 404 });
    expect(notFound).toMatchObject({ role: 'im-api', status: 404 });
    expect(notFound?.httpClass).toBeUndefined();
    expect(fromCompleted({ ...done, url: 'wss://im-ws.tiktok.com/ws/v2', statusCode: 101, type: 'websocket' })).toMatchObject({
      role: 'im-ws',
      httpClass: 'ok',
    });
  });

  it('does not call an answer from 127.0.0.1 a sinkhole (a local proxy), drops ignored hosts and missing status', () => {
    expect(fromCompleted({ ...done, ip: '127.0.0.1' })).toBeNull();
    expect(
      fromErrorOccurred({
        url: 'https://im-api.tiktok.com/v1/message/send',
        error: 'NS_ERROR_NET_RESET',
        ip: '127.0.0.1',
        proxyInfo: { type: 'http' },
      })?.sinkhole,
    ).toBeUndefined();
    expect(fromCompleted({ ...done, url: 'https://webcast.tiktok.com/x', statusCode: 500 })).toBeNull();
    expect(fromCompleted({ url: done.url, timeStamp: T })).toBeNull();
  });

  it('httpClassOf', () => {
    expect([100, 204, 302, 404, 418, 429, 401, 403, 500, 599, 600].map(httpClassOf)).toEqual([
      'ok',
      'ok',
      'ok',
      undefined,
      undefined,
      'rate-limited',
      'auth',
      'auth',
      'server-error',
      'server-error',
      undefined,
    ]);
  });
});

describe('fromBeforeRedirect', () => {
  const redirect = {
    url: 'https://www.tiktok.com/messages?lang=en&u=6812345678901234567',
    type: 'main_frame',
    tabId: 7,
    statusCode: 302,
    redirectUrl: 'https://www.tiktok.com/login?redirect_url=%2Fmessages',
    timeStamp: T,
  };

  it('a main_frame /messages → /login is a login redirect', () => {
    expect(fromBeforeRedirect(redirect)).toEqual({
      t: T,
      role: 'www',
      url: 'www.tiktok.com/messages',
      kind: 'http',
      httpClass: 'login-redirect',
      status: 302,
      type: 'main_frame',
    });
    expect(fromBeforeRedirect({ ...redirect, redirectUrl: '/login/phone-or-email' })?.httpClass).toBe('login-redirect');
  });

  it('other redirects are dropped', () => {
    expect(fromBeforeRedirect({ ...redirect, type: 'xmlhttprequest' })).toBeNull();
    expect(fromBeforeRedirect({ ...redirect, url: 'https://www.tiktok.com/foryou' })).toBeNull();
    expect(fromBeforeRedirect({ ...redirect, url: 'https://www.tiktok.com/messagesx' })).toBeNull();
    expect(fromBeforeRedirect({ ...redirect, redirectUrl: 'https://www.tiktok.com/foryou' })).toBeNull();
    expect(fromBeforeRedirect({ ...redirect, redirectUrl: 'https://evil.example/login' })).toBeNull();
    expect(fromBeforeRedirect({ ...redirect, redirectUrl: undefined })).toBeNull();
    expect(fromBeforeRedirect({ ...redirect, url: 'https://mssdk.tiktokw.us/x' })).toBeNull();
  });

  it('a redirect to loopback is a blocker', () => {
    const rec = fromBeforeRedirect({
      ...redirect,
      type: 'xmlhttprequest',
      url: 'https://im-api.tiktok.com/v1/message/send',
      redirectUrl: 'http://127.0.0.1/blocked',
    });
    expect(rec).toMatchObject({ role: 'im-api', kind: 'error', cls: 'blocked-by-client', error: 'redirect-to-loopback' });
  });
});

describe('pushBounded and storage validation', () => {
  const ok = (t: number): NetEvent => ({ t, role: 'im-api', url: 'im-api.tiktok.com/', kind: 'http', status: 200, httpClass: 'ok' });
  const err = (t: number): NetEvent => ({
    t,
    role: 'im-api',
    url: 'im-api.tiktok.com/',
    kind: 'error',
    cls: 'timeout',
    error: 'net::ERR_TIMED_OUT',
  });

  it('appends without mutating and keeps at most max', () => {
    const list = [err(1)];
    const next = pushBounded(list, err(2), 3);
    expect(list).toHaveLength(1);
    expect(next.map((e) => e.t)).toEqual([1, 2]);
    let many: NetEvent[] = [];
    for (let i = 0; i < 120; i += 1) many = pushBounded(many, err(i));
    expect(many).toHaveLength(50);
    expect(many[0]?.t).toBe(70);
  });

  it('evicts the oldest success before any failure, but always keeps the newest record', () => {
    const next = pushBounded([err(1), ok(2), err(3)], err(4), 3);
    expect(next.map((e) => e.t)).toEqual([1, 3, 4]);
    const full = pushBounded([err(1), err(2), err(3)], ok(4), 3);
    expect(full.map((e) => e.t)).toEqual([2, 3, 4]);
    expect(pushBounded([err(1)], err(2), 0)).toEqual([]);
  });

  it('parseNetEvents keeps valid records and drops bad ones', () => {
    const raw = [err(1), { t: 'x' }, null, { ...ok(2), role: 'ignored' }, { ...ok(3), cls: 'nonsense' }, ok(4), { ...ok(5), extra: 1 }];
    expect(parseNetEvents(raw).map((e) => e.t)).toEqual([1, 4, 5]);
    expect(parseNetEvents({ not: 'an array' })).toEqual([]);
    expect(NetEventSchema.safeParse(fromErrorOccurred(chromeError)).success).toBe(true);
  });
});
