import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { BUILD, requireBuild } from '../../../scripts/browsers/paths';
import { runChecksFromPopup } from '../harness/popup';
import { sleep } from '../harness/reliability';
import type { Page } from 'playwright-core';

// Consent to the outside checks IS the browser's permission (issue 13): the background asks
// permissions.contains before each outside probe; the stored flag only mirrors the permission and no
// message turns it on. Outside requests (the DoH resolver, the connectivity probe) are counted at
// the harness's router, which sees every request of the service worker:
// (a) never granted: the PRODUCTION build, the stored flag forced on and a message claiming consent
//     from the extension's own page → 0 outside requests;
// (b) granted: the e2e build (the origins granted at install) → the outside requests happen;
// (c) revoked: a production build whose optional permission is granted (carried over from an
//     earlier install that had it), then permissions.remove in the background → the toggle shows off
//     and the next run makes 0 outside requests.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const OUTSIDE = ['cloudflare-dns.com', 'connectivitycheck.gstatic.com'];
const ORIGINS = ['https://cloudflare-dns.com/*', 'http://connectivitycheck.gstatic.com/*'];
const TIKTOK = /(^|\.)tiktok\.com$/;
let s: ChromiumSession | undefined;
const cleanups: (() => void)[] = [];
// registered before the suite: after-hooks run in reverse, so the browser is closed before its folders go
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
const launch = chromiumSuite();

const doh = (addresses: string[]) => ({
  status: 200,
  contentType: 'application/dns-json',
  body: JSON.stringify({ Status: 0, Answer: addresses.map((data) => ({ name: 'www.tiktok.com', type: 1, data })) }),
});
const healthyOutside = (url: URL) =>
  url.host === 'cloudflare-dns.com' ? doh(['23.2.16.11']) : url.host === 'connectivitycheck.gstatic.com' ? { status: 204 } : undefined;

/** The extension's requests to the outside-check hosts (host + path), from index `from` on. */
const outsideRequests = (session: ChromiumSession, from = 0) =>
  session.extensionRequests.slice(from).filter((r) => OUTSIDE.includes(r.split('/')[0]!));
/** The extension's requests to TikTok: routed ones plus those to the local IM socket host. */
const tiktokCount = (session: ChromiumSession) =>
  session.extensionRequests.filter((r) => TIKTOK.test(r.split('/')[0]!)).length + session.wss.requests.length;

async function openChatPopup(session: ChromiumSession): Promise<Page> {
  session.serve(CHAT, fixtureHtml('dm-new-healthy.html'));
  const page = await session.open(CHAT);
  return session.popup(`?tab=${await session.tabId(page)}`);
}

const toggleState = (popup: Page) => popup.locator('[data-testid="allow-external-checks"]').getAttribute('aria-checked');

describe('Chromium: outside checks only while the browser grants their permission', () => {
  it('(a) never granted (production build): a forced stored flag and a message claiming consent make 0 outside requests', async () => {
    s = await launch();
    s.handle(healthyOutside);
    const popup = await openChatPopup(s);
    expect(await toggleState(popup)).toBe('false');
    // From the extension's own page: the stored flag forced on, and the settings message saying yes.
    await popup.evaluate(async () => {
      await chrome.storage.local.set({ settings: { hintsEnabled: true, externalChecksAllowed: true } });
      await chrome.runtime.sendMessage({ dmDoctor: 'anySetSettings', data: { externalChecksAllowed: true } });
      await chrome.storage.local.set({ settings: { hintsEnabled: true, externalChecksAllowed: true } });
    });
    expect(await s.inWorker(() => chrome.permissions.contains({ origins: ['https://cloudflare-dns.com/*'] }))).toBe(false);
    const before = s.extensionRequests.length;
    const statuses = await runChecksFromPopup(popup);
    expect(outsideRequests(s, before), 'outside requests without the permission').toEqual([]);
    expect(statuses).toMatchObject({ 'reach-www': 'pass', dns: 'skipped' });
    expect(s.extensionRequests.slice(before).every((r) => TIKTOK.test(r.split('/')[0]!))).toBe(true);
    // the toggle tells the truth: the browser has not granted anything
    await popup.reload();
    await popup.waitForSelector('[data-testid="popup"][data-settled="true"]');
    expect(await toggleState(popup)).toBe('false');
  });

  it('(b) granted (e2e build): the toggle shows on and the run asks the DoH resolver and the connectivity probe', async () => {
    s = await launch({ extensionDir: BUILD.chromeE2e });
    s.handle(healthyOutside);
    const popup = await openChatPopup(s);
    expect(await toggleState(popup)).toBe('true');
    const before = s.extensionRequests.length;
    const wssBefore = s.wss.requests.length;
    const statuses = await runChecksFromPopup(popup);
    expect(statuses).toMatchObject({ dns: 'pass', 'captive-portal': 'pass', 'reach-www': 'pass' });
    expect(outsideRequests(s, before).sort()).toEqual(['cloudflare-dns.com/dns-query', 'connectivitycheck.gstatic.com/generate_204']);
    // with the permission the portal probe is the outside one: 3 TikTok requests in this run
    const tiktokMade =
      s.extensionRequests.slice(before).filter((r) => TIKTOK.test(r.split('/')[0]!)).length + s.wss.requests.length - wssBefore;
    expect(tiktokMade).toBe(3);
  });

  it('(b) granted: fails dns (blocked) and captive-portal when the outside fakes say so', async () => {
    s = await launch({ extensionDir: BUILD.chromeE2e });
    // The browser cannot resolve TikTok while the public resolver can: a DNS block.
    s.handle((url) => {
      if (url.host === 'cloudflare-dns.com') return doh(['23.2.16.11']);
      if (url.host === 'connectivitycheck.gstatic.com')
        return { status: 200, contentType: 'text/html', body: '<html><body>Sign in to Hotel Wi-Fi</body></html>' };
      if (url.pathname === '/robots.txt' || url.host === 'im-api.tiktok.com') return { abort: 'namenotresolved' };
      return undefined;
    });
    s.serve(CHAT, fixtureHtml('dm-new-failed-no-notice.html'));
    const page = await s.open(CHAT);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    const statuses = await runChecksFromPopup(popup);
    expect(statuses).toMatchObject({ dns: 'fail', 'captive-portal': 'fail', 'reach-www': 'fail' });
    const top = await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id');
    expect(['captive-portal', 'dns-blocked']).toContain(top);
  });

  it('(c) revoked in the browser: the toggle shows off at once and the next run makes 0 outside requests', {
    timeout: 150_000,
  }, async () => {
    // A production build with its optional origins granted: installed first as the e2e build (the
    // origins required and granted), then updated in place to the production manifest, where the
    // same origins are optional. Chromium keeps a granted permission across the update, and an
    // optional one can be removed (a required one cannot).
    const ext = mkdtempSync(join(tmpdir(), 'dmd-consent-ext-'));
    const profile = mkdtempSync(join(tmpdir(), 'dmd-consent-profile-'));
    cleanups.push(
      () => rmSync(ext, { recursive: true, force: true }),
      () => rmSync(profile, { recursive: true, force: true }),
    );
    cpSync(requireBuild(BUILD.chromeE2e), ext, { recursive: true });
    s = await launch({ extensionDir: ext, profile });
    await s.close();
    rmSync(ext, { recursive: true, force: true });
    cpSync(requireBuild(BUILD.chrome), ext, { recursive: true });
    s = await launch({ extensionDir: ext, profile });
    s.handle(healthyOutside);
    const manifest = await s.inWorker(
      async () => chrome.runtime.getManifest() as unknown as { optional_host_permissions?: string[]; host_permissions?: string[] },
    );
    expect(manifest.optional_host_permissions).toEqual(ORIGINS);
    expect(manifest.host_permissions).not.toContain(ORIGINS[0]);
    expect(await s.inWorker((o) => chrome.permissions.contains({ origins: o }), ORIGINS)).toBe(true);

    const popup = await openChatPopup(s);
    expect(await toggleState(popup)).toBe('true');
    let from = s.extensionRequests.length;
    await runChecksFromPopup(popup);
    expect(outsideRequests(s, from).length, 'granted: the outside checks ran').toBe(2);

    // Revoked by the browser (what "remove site access" does): no gesture needed in the background.
    expect(await s.inWorker((o) => chrome.permissions.remove({ origins: o }), ORIGINS)).toBe(true);
    await popup.reload();
    await popup.waitForSelector('[data-testid="popup"][data-settled="true"]');
    expect(await toggleState(popup)).toBe('false');
    // the stored mirror follows permissions.onRemoved
    await expect
      .poll(
        async () =>
          ((await s!.inWorker(() => chrome.storage.local.get(null))).settings as { externalChecksAllowed?: boolean })
            ?.externalChecksAllowed,
      )
      .toBe(false);

    await sleep(31_000); // past the 30 s limit, so the next click makes a real run
    from = s.extensionRequests.length;
    const wssFrom = s.wss.requests.length;
    const statuses = await runChecksFromPopup(popup);
    expect(statuses).toMatchObject({ 'reach-www': 'pass', dns: 'skipped' });
    expect(s.extensionRequests.length - from + s.wss.requests.length - wssFrom, 'the second run did run').toBe(4);
    expect(outsideRequests(s, from), 'outside requests after the permission was removed').toEqual([]);
    expect(tiktokCount(s)).toBeGreaterThan(0);
  });
});
