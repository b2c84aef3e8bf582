import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { checkStatuses, runChecksFromPopup } from '../harness/popup';
import { sleep, stopServiceWorker } from '../harness/reliability';

const launch = chromiumSuite({ artifacts: 'runs-' });

// Check runs (issue 13), production build: probes carry no cookie and follow no redirect (≤ 4
// requests to TikTok per run, counted per run); one run per browser at a time, joined by a second
// caller (both popups show the same finished run); a run cut short by the worker stopping shows as
// interrupted, and a new run works after it.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const OTHER = 'https://www.tiktok.com/messages?lang=en&u=7301991205108';
const TIKTOK = /(^|\.)tiktok\.com$/;
const INTERRUPTED = 'Interrupted before it finished.';
let s: ChromiumSession | undefined;

/** The extension's TikTok requests so far: routed ones plus those that reached the local IM socket host. */
const tiktokRequests = (session: ChromiumSession) => [
  ...session.extensionRequests.filter((r) => TIKTOK.test(r.split('/')[0]!)),
  ...session.wss.requests.map((r) => `${r.host.split(':')[0]}${r.path}${r.websocket ? ' (websocket)' : ''}`),
];

async function openChat(session: ChromiumSession, url = CHAT, fixture = 'dm-new-healthy.html'): Promise<{ page: Page; tabId: number }> {
  session.serve(url, fixtureHtml(fixture));
  const page = await session.open(url);
  return { page, tabId: await session.tabId(page) };
}

const reasonOf = (popup: Page, id: string) => popup.locator(`[data-testid="check"][data-check-id="${id}"] .reason`).textContent();
const runIdOf = (popup: Page) => popup.locator('.checks').getAttribute('data-run-id');

describe('Chromium: probes without credentials, without redirects', () => {
  it('the im-websocket probe reaches the IM socket host with no Cookie header, and a run makes ≤ 4 TikTok requests even when answers redirect', async () => {
    s = await launch();
    // TikTok's cookies are in the browser: a WebSocket (or credentials: include) would send them.
    await s.context.addCookies([
      {
        name: 'sessionid',
        value: 'secret-session',
        domain: '.tiktok.com',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'None',
        expires: Math.floor(Date.now() / 1000) + 3600,
      },
      {
        name: 'msToken',
        value: 'secret-token',
        domain: 'im-ws.tiktok.com',
        path: '/',
        secure: true,
        sameSite: 'None',
        expires: Math.floor(Date.now() / 1000) + 3600,
      },
    ]);
    // Every probe answer is a redirect: a probe that followed one would make a 5th+ request.
    s.handle((url) => {
      if (url.protocol === 'http:' && url.pathname === '/robots.txt')
        return { status: 301, headers: { location: 'https://www.tiktok.com/robots.txt' } };
      if (url.host === 'im-api.tiktok.com' && url.pathname === '/')
        return { status: 302, headers: { location: 'https://im-api.tiktok.com/landing' } };
      return undefined;
    });
    s.wss.onHttp = (_req, res) => res.writeHead(302, { location: 'https://im-ws.tiktok.com/elsewhere' }).end();
    const { tabId } = await openChat(s);
    const popup = await s.popup(`?tab=${tabId}`);
    const before = tiktokRequests(s).length;
    const wssBefore = s.wss.requests.length;
    const statuses = await runChecksFromPopup(popup);
    const made = tiktokRequests(s).slice(before);

    expect(made.length, `TikTok requests in one run: ${made.join(', ')}`).toBeLessThanOrEqual(4);
    expect(made.sort()).toEqual(['im-api.tiktok.com/', 'im-ws.tiktok.com/ws/v2', 'www.tiktok.com/robots.txt', 'www.tiktok.com/robots.txt']);
    const probe = s.wss.requests.slice(wssBefore);
    expect(probe.map((r) => [r.path, r.websocket])).toEqual([['/ws/v2', false]]);
    expect(probe[0]!.headers.cookie, 'the im-websocket probe sent a Cookie header').toBeUndefined();
    expect(s.wss.handshakes).toEqual([]);
    // an opaque redirect is an answer: reachable; the plain-http redirect to TikTok's https is no portal
    expect(statuses).toMatchObject({ 'reach-www': 'pass', 'reach-im-api': 'pass', 'im-websocket': 'pass', 'captive-portal': 'pass' });
  });

  it('a plain-http redirect off TikTok is a Wi-Fi login page, found without following it', async () => {
    s = await launch();
    s.handle((url) =>
      url.protocol === 'http:' && url.host === 'www.tiktok.com'
        ? { status: 302, headers: { location: 'http://login.hotel-wifi.example/portal' } }
        : undefined,
    );
    const { tabId } = await openChat(s);
    const popup = await s.popup(`?tab=${tabId}`);
    const statuses = await runChecksFromPopup(popup);
    expect(statuses['captive-portal']).toBe('fail');
    expect(s.requests.filter((r) => r.startsWith('login.hotel-wifi.example'))).toEqual([]);
  });
});

describe('Chromium: one check run per browser, shared', () => {
  it('two tabs asking during one run both show the same finished run (same run id), made once', async () => {
    s = await launch();
    const a = await openChat(s);
    const b = await openChat(s, OTHER, 'dm-new-failed-e2-friends-only.html');
    // the probes answer after 2 s, so the second click lands while the first run is in flight
    await s.context.route(
      (u) => u.pathname === '/robots.txt' || (u.host === 'im-api.tiktok.com' && u.pathname === '/'),
      async (route: Route) => {
        await sleep(2000);
        await route.fallback().catch(() => undefined);
      },
    );
    const popupA = await s.popup(`?tab=${a.tabId}`);
    const popupB = await s.popup(`?tab=${b.tabId}`);
    const before = tiktokRequests(s).length;
    const runA = runChecksFromPopup(popupA);
    await popupA.waitForSelector('[data-testid="check"][data-status="running"]', { timeout: 5000 });
    const [statusesA, statusesB] = await Promise.all([runA, runChecksFromPopup(popupB)]);
    expect(await runIdOf(popupB)).toBe(await runIdOf(popupA));
    expect(await runIdOf(popupA)).not.toMatch(/^cached-/);
    expect(statusesB).toEqual(statusesA);
    // finished results, not an empty record: the delayed probes answered (slowly: warn)
    for (const id of ['reach-www', 'reach-im-api', 'im-websocket']) expect(['pass', 'warn'], id).toContain(statusesB[id]);
    expect(statusesB.clock).toBe('pass');
    expect(Object.values(statusesB)).not.toContain('running');
    const made = tiktokRequests(s).slice(before);
    expect(made.length, made.join(', ')).toBeLessThanOrEqual(4);
  });

  it('the worker stopped during a run: both tabs show the same interrupted run (skipped), then a new run works', async () => {
    s = await launch();
    const a = await openChat(s);
    const b = await openChat(s, OTHER, 'dm-new-failed-e2-friends-only.html');
    let hang = true;
    s.handle((url) =>
      hang && (url.pathname === '/robots.txt' || (url.host === 'im-api.tiktok.com' && url.pathname === '/')) ? 'hang' : undefined,
    );
    const popupA = await s.popup(`?tab=${a.tabId}`);
    const popupB = await s.popup(`?tab=${b.tabId}`);
    await popupA.click('[data-testid="check-again"]');
    await popupA.waitForSelector('[data-testid="check"][data-status="running"]', { timeout: 5000 });
    await popupB.click('[data-testid="check-again"]');
    await popupB.waitForSelector('[data-testid="check"][data-status="running"]', { timeout: 5000 });
    await sleep(500);
    await stopServiceWorker(s, popupA);
    await popupA.close();
    await popupB.close();
    hang = false;

    const afterA = await s.popup(`?tab=${a.tabId}`);
    const afterB = await s.popup(`?tab=${b.tabId}`);
    const checksA = await checkStatuses(afterA);
    expect(await checkStatuses(afterB)).toEqual(checksA);
    expect(await runIdOf(afterB)).toBe(await runIdOf(afterA));
    expect(Object.values(checksA)).not.toContain('running');
    for (const id of ['reach-www', 'reach-im-api', 'captive-portal', 'clock', 'dns']) expect(checksA[id], id).toBe('skipped');
    expect(await reasonOf(afterA, 'reach-www')).toBe(INTERRUPTED);
    expect(await reasonOf(afterB, 'reach-im-api')).toBe(INTERRUPTED);

    // the interrupted run is no cache hit: "check again" runs afresh, at once
    const interruptedRun = await runIdOf(afterA);
    const before = tiktokRequests(s).length;
    const statuses = await runChecksFromPopup(afterA);
    expect(statuses).toMatchObject({ 'reach-www': 'pass', 'reach-im-api': 'pass', 'im-websocket': 'pass', clock: 'pass' });
    expect(await runIdOf(afterA)).not.toBe(interruptedRun);
    expect(await runIdOf(afterA)).not.toMatch(/^cached-/);
    expect(tiktokRequests(s).length - before).toBeGreaterThan(0);
  });
});
