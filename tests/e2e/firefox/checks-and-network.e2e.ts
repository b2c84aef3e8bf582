import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { evidenceClasses, fixtureHtml, popupInfo, reportJson, firefoxSuite } from '../harness/firefox';
import { isTikTokHost, type RouteResult } from '../harness/https-proxy';

// Firefox (MV2 production build): the connectivity checks and webRequest evidence, with network
// faults made by the local proxy that plays tiktok.com. Build first: npm run build.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const IM_SEND = 'https://im-api.tiktok.com/v1/message/send';
const launch = firefoxSuite();

/** The page's own script sends to the IM API, as TikTok's would (no-cors: no preflight). */
async function pageSends(page: Page): Promise<string> {
  return page.evaluate(async (url) => {
    try {
      await fetch(url, { method: 'POST', mode: 'no-cors', body: 'x' });
      return 'answered';
    } catch (err) {
      return String(err);
    }
  }, IM_SEND);
}

/** Hosts the fixture itself references (its images): the page may try them, nobody else may. */
function hostsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase()));
}

describe('Firefox: connectivity checks', () => {
  it('"check again" probes TikTok through the proxy and nothing else', async () => {
    const ff = await launch();
    const html = fixtureHtml('dm-new-healthy.html');
    const page = await ff.openTikTok(CHAT, html);
    const popup = await ff.openPopupFor(page);
    expect(await popupInfo(popup)).toMatchObject({ state: 'no-problem', settled: 'true' });
    // TikTok's cookies are in the browser: a WebSocket (or credentials: include) would send them.
    await page.evaluate(() => {
      // biome-ignore lint/suspicious/noDocumentCookie: the test plants a session cookie that must never reach the checks or a report
      document.cookie = 'sessionid=secret-session; domain=.tiktok.com; path=/; secure; samesite=none; max-age=3600';
    });
    const probeHeaders: Record<string, unknown>[] = [];
    ff.proxy.route((req) => {
      if (req.phase === 'request' && req.host === 'im-ws.tiktok.com') probeHeaders.push({ ...req.headers, websocket: req.websocket });
      return undefined;
    });
    // Never granted (production build): the stored flag forced on, and the settings message
    // claiming consent, from the extension's own page, change nothing: the permission decides.
    await ff.inExtension(async () => {
      const b = (
        globalThis as unknown as {
          browser: { storage: { local: { set(v: object): Promise<void> } }; runtime: { sendMessage(m: object): Promise<unknown> } };
        }
      ).browser;
      await b.storage.local.set({ settings: { hintsEnabled: true, externalChecksAllowed: true } });
      await b.runtime.sendMessage({ dmDoctor: 'anySetSettings', data: { externalChecksAllowed: true } });
      await b.storage.local.set({ settings: { hintsEnabled: true, externalChecksAllowed: true } });
    });
    const before = ff.proxy.tiktokPaths().length;

    const { checks } = await ff.runChecks(popup, page);
    expect(checks).toMatchObject({
      online: 'pass',
      'reach-www': 'pass',
      'reach-im-api': 'pass',
      'im-websocket': 'pass',
      clock: 'pass',
      dns: 'skipped',
    });
    expect(Object.keys(checks)).toEqual([
      'online',
      'reach-www',
      'reach-im-api',
      'im-websocket',
      'dns',
      'captive-portal',
      'clock',
      'proxy',
      'browser-version',
    ]);

    // The background's requests were answered by the test proxy: ≤ 4 to TikTok in this run.
    const made = ff.proxy.tiktokPaths().slice(before);
    expect(made.length, made.join(', ')).toBeLessThanOrEqual(4);
    expect(made).toContain('www.tiktok.com/robots.txt');
    expect(made).toContain('im-api.tiktok.com/');
    // The IM socket host is reached with a plain HTTPS request, without the person's cookies.
    expect(ff.proxy.requests.some((r) => r.websocket)).toBe(false);
    expect(probeHeaders.map((h) => h.websocket)).toEqual([false]);
    expect(probeHeaders[0]!.cookie, 'the im-websocket probe sent a Cookie header').toBeUndefined();
    // No permission in the production build: nothing but TikTok (and the fixture's own images) was tried.
    const allowed = hostsIn(html);
    expect(ff.proxy.foreignHosts().filter((h) => !allowed.has(h))).toEqual([]);
    expect(ff.proxy.requests.filter((r) => r.phase === 'request' && !isTikTokHost(r.host))).toEqual([]);

    // Temporary add-on, MV2: host permissions are granted at install, optional ones are not.
    const perms = await ff.inExtension(async () => {
      const b = (
        globalThis as unknown as {
          browser: { permissions: { getAll(): Promise<{ origins?: string[] }>; contains(p: object): Promise<boolean> } };
        }
      ).browser;
      return {
        origins: (await b.permissions.getAll()).origins ?? [],
        external: await b.permissions.contains({ origins: ['https://cloudflare-dns.com/*'] }),
      };
    });
    expect(perms.origins).toEqual(expect.arrayContaining(['*://*.tiktok.com/*', 'wss://*.tiktok.com/*']));
    expect(perms.external).toBe(false);
  });

  // BUG (src/network/evidence.ts, base(): `if (isSinkholeIp(details.ip)) rec.sinkhole = true`): in
  // Firefox, webRequest `ip` is the proxy's address when a proxy carries the request, so everyone
  // behind a local proxy (127.0.0.1: this test, Privoxy, mitmproxy, some VPN clients) gets every
  // TikTok request marked as a DNS sinkhole; verdictDns then fails `dns` ("Your DNS hides TikTok")
  // without consent, and a healthy chat becomes a `dns-blocked` problem. Remove `.fails` once fixed.
  it('without consent the DNS check stays skipped behind a local proxy', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-healthy.html'));
    const popup = await ff.openPopupFor(page);
    const run = await ff.runChecks(popup, page);
    expect(run.checks).toMatchObject({ online: 'pass', 'reach-www': 'pass' }); // the run itself went fine
    expect(run.checks.dns).toBe('skipped');
    expect((await popupInfo(run.popup)).state).toBe('no-problem');
  });
});

const FAULTS: { name: string; result: RouteResult; evidence: string; error?: string; status?: number; checkImApi: string }[] = [
  { name: 'a connection reset', result: 'reset', evidence: 'net-connection-reset', error: 'NS_ERROR_NET_RESET', checkImApi: 'fail' },
  {
    name: 'a refused connection',
    result: 'refuse',
    evidence: 'net-connection-refused',
    error: 'NS_ERROR_CONNECTION_REFUSED',
    checkImApi: 'fail',
  },
  { name: 'a 503 answer', result: { status: 503, body: 'busy' }, evidence: 'http-server-error', status: 503, checkImApi: 'pass' },
];

describe('Firefox: network faults on the IM API while the page loads normally', () => {
  it.each(FAULTS)('$name on a send next to a failed bubble is evidence, and the checks see it', async (fault) => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    ff.proxy.route((req) => (req.host === 'im-api.tiktok.com' ? fault.result : undefined));
    const sent = await pageSends(page);
    expect(sent).toBe(fault.status ? 'answered' : 'TypeError: NetworkError when attempting to fetch resource.');

    // The evidence reaches the background asynchronously: reopen the popup until it shows.
    const popup = await ff.popupWhen(page, async (p) => (await evidenceClasses(p)).includes(fault.evidence));
    expect((await popupInfo(popup)).state).toBe('problem');
    const seen = (await reportJson(popup)).network.filter((n) => n.where === 'im-api.tiktok.com/v1/message/send');
    expect(seen).toEqual([
      expect.objectContaining(fault.error ? { kind: 'error', error: fault.error } : { kind: 'http', status: fault.status }),
    ]);
    expect(ff.proxy.requests.some((r) => r.host === 'www.tiktok.com' && r.path.startsWith('/messages') && r.status === 200)).toBe(true);

    // The checks meet the same fault on im-api, while www stays fine.
    const { checks } = await ff.runChecks(popup, page);
    expect(checks).toMatchObject({ 'reach-www': 'pass', 'reach-im-api': fault.checkImApi });
  });
});
