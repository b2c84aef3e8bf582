import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { checkStatuses, popupState } from '../harness/popup';
import { sleep, stopServiceWorker, storageDump } from '../harness/reliability';

// Faults (issue "Reliability, privacy and security"): corrupted / old-shaped storage, the service
// worker stopped in the middle of a check run, going offline mid-run, probes that never answer,
// the popup opened 100 times, two tabs checking at once. DESIGN.md: stored data is validated and
// replaced by defaults; a check that did not finish is `skipped`, never `pass`; every probe has a
// timeout ≤ 5 s; ≤ 6 requests to TikTok per run and ≤ 1 run per 30 s per browser.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const TIKTOK = /(^|\.)tiktok\.com$/;
const INTERRUPTED = 'Interrupted before it finished.';

const launchChromium = chromiumSuite({ artifacts: 'faults-', privateCopy: true });

/** A session whose background console lines ([dm-doctor] …) are collected. */
async function launch(): Promise<{ s: ChromiumSession; logs: string[] }> {
  const session = await launchChromium();
  const logs: string[] = [];
  session.context.on('console', (m) => {
    if (m.text().includes('[dm-doctor]') && (m.location().url ?? '').includes('/background.js')) logs.push(`${m.type()}: ${m.text()}`);
  });
  return { s: session, logs };
}

/** Requests to TikTok made by the extension: routed ones (its worker and pages) plus those to the local IM socket host. */
function tiktokRequests(session: ChromiumSession): string[] {
  return [
    ...session.extensionRequests.filter((r) => TIKTOK.test(r.split('/')[0]!)),
    ...session.wss.requests.map((h) => `local:${h.host}${h.path}`),
  ];
}

/**
 * Probe hosts delayed by `ms` before the harness answers (registered later, so it runs first).
 * Playwright fulfils a routed request even after context.setOffline(true); a real connection dies
 * with the network, so a request still waiting when `offline()` turns true fails the way Chromium
 * fails it (net::ERR_INTERNET_DISCONNECTED).
 */
async function delayProbes(session: ChromiumSession, ms: number, offline: () => boolean = () => false): Promise<void> {
  const isProbe = (u: URL) => u.pathname === '/robots.txt' || (u.host === 'im-api.tiktok.com' && u.pathname === '/');
  await session.context.route(
    (u) => isProbe(u),
    async (route: Route) => {
      await sleep(ms);
      if (offline()) await route.abort('internetdisconnected').catch(() => undefined);
      else await route.fallback().catch(() => undefined);
    },
  );
}

/** Clicks "check again" and waits until the popup has the run's result (settled, nothing running). */
async function clickCheckAgain(popup: Page, timeout = 20_000): Promise<number> {
  const t0 = Date.now();
  await popup.click('[data-testid="check-again"]');
  await popup.waitForFunction(
    () =>
      document.querySelector('[data-testid="popup"]')?.getAttribute('data-settled') === 'true' &&
      !document.querySelector('[data-testid="check"][data-status="running"]') &&
      document.querySelector('.checks')?.getAttribute('data-run-id') !== '',
    undefined,
    { timeout, polling: 50 },
  );
  return Date.now() - t0;
}

async function openChat(session: ChromiumSession, fixture = 'dm-new-failed-e1-too-fast.html'): Promise<{ page: Page; tabId: number }> {
  session.serve(CHAT, fixtureHtml(fixture));
  const page = await session.open(CHAT);
  await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 }).catch(() => undefined);
  return { page, tabId: await session.tabId(page) };
}

const reasonOf = (popup: Page, id: string) => popup.locator(`[data-testid="check"][data-check-id="${id}"] .reason`).textContent();

describe('Chromium: corrupted storage', () => {
  it('recovers with defaults from garbage and old shapes in storage.local and storage.session, and logs the reset', async () => {
    const { s, logs } = await launch();
    const { page, tabId } = await openChat(s);
    expect(await page.locator('dm-doctor-hint').getAttribute('data-cause-id')).toBe('sending-too-fast');

    const w = await s.worker();
    await w.evaluate(async (id) => {
      await chrome.storage.local.set({
        settings: 'garbage',
        settings$: 'not-a-version-record', // wxt's version metadata for the item
        legacy: { hints: 'yes' },
      });
      await chrome.storage.session.set({
        [`tab:${id}`]: { tabId: 'seven', where: 42, onMessages: 'yes', net: 'none', page: [1, 2], checks: { results: 'x' }, dismissed: {} },
        'tab:-1': [1, 2, 3],
        'tab:999999': { tabId: 999999, reportedAt: Date.now() + 1e9 }, // old shape: most fields missing
        'tab:abc': 'junk',
        'checks-last': { at: 'soon', results: [{ id: 'reach-www', status: 'pass' }, 7] },
      });
    }, tabId);

    // the popup opens on the corrupted tab without crashing (state reset to defaults)
    const first = await s.popup(`?tab=${tabId}`);
    expect(['no-problem', 'problem']).toContain((await popupState(first)).state);
    expect(await first.locator('[data-testid="hints-toggle"]').getAttribute('aria-checked')).toBe('true');
    expect(await first.locator('[data-testid="allow-external-checks"]').getAttribute('aria-checked')).toBe('false');
    // a popup without ?tab= (most recent report: walks every tab:* key) copes too
    const noTab = await s.popup();
    expect(['problem', 'no-problem', 'not-tiktok']).toContain((await popupState(noTab)).state);

    // a worker restart re-reads everything (and wxt's item metadata) from scratch
    await stopServiceWorker(s, first);
    await first.close();
    await noTab.close();

    // then normal use: the page reloads, the diagnosis comes back, settings and checks work
    await page.reload();
    await page.waitForSelector('dm-doctor-hint[data-cause-id="sending-too-fast"][data-settled="true"]', { timeout: 10_000 });
    const popup = await s.popup(`?tab=${tabId}`);
    expect(await popupState(popup)).toMatchObject({ state: 'problem', settled: 'true', tabId: String(tabId) });
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('sending-too-fast');
    await clickCheckAgain(popup);
    const checks = await checkStatuses(popup);
    expect(checks).toMatchObject({ online: 'pass', 'reach-www': 'pass', 'reach-im-api': 'pass' }); // junk checks-last did not block the run
    const toggle = popup.locator('[data-testid="hints-toggle"]');
    await popup.locator('details.settings > summary').click();
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => page.locator('dm-doctor-hint').count(), { timeout: 5000 }).toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');

    // what is stored now is valid again
    const { local, session } = await storageDump(s);
    expect(local.settings).toEqual({ hintsEnabled: true, externalChecksAllowed: false });
    expect(session[`tab:${tabId}`]).toMatchObject({ tabId, onMessages: true });
    expect(session['checks-last']).toMatchObject({
      runId: expect.any(String),
      startedAt: expect.any(Number),
      finishedAt: expect.any(Number),
      results: expect.any(Array),
    });

    // and the background said what it reset
    expect(logs.some((l) => l.includes('settings were unreadable'))).toBe(true);
    expect(logs.some((l) => l.includes(`state of tab ${tabId} was unreadable and was reset`))).toBe(true);
  });
});

describe('Chromium: check runs under faults', () => {
  it('shows interrupted checks as skipped (never pass) when the service worker stops mid-run, keeping the diagnosis', async () => {
    const { s } = await launch();
    const { page, tabId } = await openChat(s);
    s.handle((url) => (url.pathname === '/robots.txt' || (url.host === 'im-api.tiktok.com' && url.pathname === '/') ? 'hang' : undefined));
    const popup = await s.popup(`?tab=${tabId}`);
    await popup.click('[data-testid="check-again"]');
    await popup.waitForSelector('[data-testid="check"][data-status="running"]', { timeout: 5000 });
    await sleep(500); // online, browser-version, proxy and the websocket are done; the HTTP probes hang
    await stopServiceWorker(s, popup);
    await popup.close();

    const after = await s.popup(`?tab=${tabId}`);
    const checks = await checkStatuses(after);
    expect(Object.values(checks)).not.toContain('running');
    for (const id of ['reach-www', 'reach-im-api', 'captive-portal', 'clock', 'dns']) {
      expect(checks[id], id).toBe('skipped');
    }
    expect(await reasonOf(after, 'reach-www')).toBe(INTERRUPTED);
    expect(await reasonOf(after, 'reach-im-api')).toBe(INTERRUPTED);
    // the tab's other state is intact
    expect(await popupState(after)).toMatchObject({ state: 'problem', settled: 'true' });
    expect(await after.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('sending-too-fast');
    expect(await after.locator('[data-testid="notice-text"]').textContent()).toBe('You are sending messages too fast. Take a rest.');
    expect(await page.locator('dm-doctor-hint').getAttribute('data-cause-id')).toBe('sending-too-fast');
  });

  it('ends with fails/skips, and does not hang, when the browser goes offline mid-run', async () => {
    const { s } = await launch();
    const { tabId } = await openChat(s);
    let offline = false;
    await delayProbes(s, 1500, () => offline);
    const popup = await s.popup(`?tab=${tabId}`);
    const t0 = Date.now();
    await popup.click('[data-testid="check-again"]');
    await sleep(300);
    await s.context.setOffline(true);
    offline = true;
    await popup.waitForFunction(
      () =>
        document.querySelector('[data-testid="popup"]')?.getAttribute('data-settled') === 'true' &&
        !document.querySelector('[data-testid="check"][data-status="running"]'),
      undefined,
      { timeout: 15_000 },
    );
    const took = Date.now() - t0;
    const checks = await checkStatuses(popup);
    expect(took, 'run length').toBeLessThan(8000);
    expect(Object.values(checks)).not.toContain('running');
    // nothing that needed the network may pass once it was gone
    expect(['fail', 'skipped', 'warn']).toContain(checks['reach-www']);
    expect(['fail', 'skipped', 'warn']).toContain(checks['reach-im-api']);
    expect(checks.clock).not.toBe('pass');

    // and with the browser offline from the start (after 30 s the next run would be allowed; here a
    // fresh tab's run reuses the result, so only check that a new popup settles while offline)
    const again = await s.popup(`?tab=${tabId}`);
    expect((await popupState(again)).settled).toBe('true');
  });

  it('ends within ~5 s with fails/skips when every probe hangs', async () => {
    const { s } = await launch();
    const { tabId } = await openChat(s);
    s.handle((url) => (url.pathname === '/robots.txt' || url.host === 'im-api.tiktok.com' ? 'hang' : undefined));
    const popup = await s.popup(`?tab=${tabId}`);
    const took = await clickCheckAgain(popup, 15_000);
    const checks = await checkStatuses(popup);
    // PROBE_TIMEOUT_MS is 4 s (DESIGN: ≤ 5 s); the run's own bookkeeping adds a few hundred ms
    expect(took, 'run length (ms)').toBeLessThan(6500);
    expect(checks).toMatchObject({ 'reach-www': 'fail', 'reach-im-api': 'fail', clock: 'skipped' });
    expect(checks['captive-portal']).not.toBe('pass');
    expect(checks.dns).not.toBe('pass');
    // a probe that got no answer is a timeout ("No answer in time."), not "Could not connect."
    expect(await reasonOf(popup, 'reach-www')).toMatch(/^No answer in time/);
    expect(await reasonOf(popup, 'reach-im-api')).toMatch(/^No answer in time/);
    expect((await popupState(popup)).state).toBe('problem');
  });

  it('keeps to ≤ 6 TikTok requests per 30 s when the popup is opened 100 times with "check again"', async () => {
    const { s } = await launch();
    const { tabId } = await openChat(s);
    const t0 = Date.now();
    const before = tiktokRequests(s).length;
    // one tab, popup.html loaded afresh 100 times (what opening the toolbar popup does)
    const popup = await s.context.newPage();
    for (let i = 0; i < 100; i++) {
      await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 20_000 });
      await clickCheckAgain(popup);
    }
    const seconds = (Date.now() - t0) / 1000;
    const made = tiktokRequests(s).slice(before);
    const limit = 6 * Math.ceil(seconds / 30);
    expect(made.length, `${made.length} requests in ${seconds.toFixed(0)} s: ${made.join(', ')}`).toBeLessThanOrEqual(limit);
    expect(made.length).toBeGreaterThan(0); // the first click did run
  });

  it('makes one run, not two, when two TikTok tabs ask for checks at the same time', async () => {
    const { s } = await launch();
    const a = await openChat(s);
    const other = 'https://www.tiktok.com/messages?lang=en&u=7301991205108';
    s.serve(other, fixtureHtml('dm-new-failed-e2-friends-only.html'));
    const pageB = await s.open(other);
    const tabB = await s.tabId(pageB);
    await delayProbes(s, 1500);
    const before = tiktokRequests(s).length;
    const popupA = await s.popup(`?tab=${a.tabId}`);
    const popupB = await s.popup(`?tab=${tabB}`);
    await Promise.all([clickCheckAgain(popupA), clickCheckAgain(popupB)]);
    const made = tiktokRequests(s).slice(before);
    // DESIGN.md: ≤ 6 requests to TikTok per run, ≤ 1 run per 30 s per browser
    expect(made.length, made.join(', ')).toBeLessThanOrEqual(6);
  });
});
