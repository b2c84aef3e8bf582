import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PAGE_LATENCY_MS, fixtureHtml, popupInfo, type FirefoxSession, firefoxSuite } from '../harness/firefox';
import { isTikTokHost } from '../harness/https-proxy';
import { escapeHtml } from '../harness/reliability';
import { HANDLE_MARKER, MARKER } from '../../fixtures/index';

// Firefox (MV2 production build): hostile notice text, privacy markers and corrupted storage — the
// Chromium suites' counterparts (reliability-hostile, privacy-markers, reliability-faults).

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const LEAKS = [MARKER, HANDLE_MARKER, '7f3a'];
const launch = firefoxSuite();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const leaksIn = (text: string) => LEAKS.filter((m) => text.toLowerCase().includes(m.toLowerCase()));
/** Both storage areas, read in an extension page (the function is serialised: no closures). */
const readStorage = async () => {
  const b = (
    globalThis as unknown as { browser: { storage: Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>> }> } }
  ).browser;
  return { local: await b.storage.local.get(null), session: await b.storage.session.get(null) };
};

/** Like openTikTok, with page-level error listeners installed before the page's first script. */
async function openWatched(ff: FirefoxSession, url: string, html: string): Promise<Page> {
  ff.proxy.page(url, html, { delayMs: PAGE_LATENCY_MS });
  const page = await ff.browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __dmdErrors: string[] };
    w.__dmdErrors = [];
    window.addEventListener('error', (e) => w.__dmdErrors.push(`error: ${e.message} @ ${e.filename}`), true);
    window.addEventListener('unhandledrejection', (e) => w.__dmdErrors.push(`rejection: ${String(e.reason)}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const pageErrors = (page: Page) => page.evaluate(() => (window as unknown as { __dmdErrors?: string[] }).__dmdErrors ?? []);
const hostsIn = (html: string) => new Set([...html.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase()));

describe('Firefox: hostile notice text', () => {
  it('shows a notice with markup and 10 KB of text literally, and runs none of it', async () => {
    const ff = await launch();
    const markup = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <b>bold</b> &amp;';
    const long = `${markup} ${'MALFORMED-NOTICE '.repeat(700)}`.trim();
    const html = fixtureHtml('dm-new-failed-unknown-notice.html').replace(
      'Unrecognised notice used by tests (not TikTok wording).',
      escapeHtml(long),
    );
    const page = await openWatched(ff, CHAT, html);
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 15_000 });
    const popup = await ff.openPopupFor(page);
    expect((await popupInfo(popup)).state).toBe('problem');
    expect(await popup.$eval('[data-testid="notice-text"]', (el) => ({ text: el.textContent, children: el.children.length }))).toEqual({
      text: long.slice(0, 200),
      children: 0,
    });
    expect(await popup.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src]), b').length)).toBe(0);
    await sleep(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    const hint = await page.evaluate(() => {
      const root = document.querySelector('dm-doctor-hint')?.shadowRoot;
      return { injected: root?.querySelectorAll('img, script, b').length ?? -1, text: root?.textContent ?? '' };
    });
    expect(hint.injected).toBe(0);
    expect(hint.text).not.toContain('onerror');
    expect((await pageErrors(page)).filter((e) => e.includes('moz-extension://'))).toEqual([]);
  });
});

describe('Firefox: privacy markers', () => {
  it('stores and copies none of the markers (query, fragment, @handle) and contacts only TikTok', async () => {
    const ff = await launch();
    ff.proxy.route((req) =>
      req.phase === 'request' && req.host === 'im-api.tiktok.com' && req.path.startsWith('/v1/message/send') ? 'reset' : undefined,
    );
    ff.proxy.route((req) => (req.phase === 'request' && req.path.startsWith('/api/im/') ? { status: 503, body: 'busy' } : undefined));
    const html = fixtureHtml('dm-new-failed-e1-too-fast.html');
    const profile = `https://www.tiktok.com/@${HANDLE_MARKER}?u=${MARKER}&${MARKER}=1`;
    const page = await openWatched(ff, profile, html);
    await sleep(500);
    await page.evaluate((path) => history.pushState({}, '', path), `/messages?lang=en&u=7301948089581&${MARKER}=1#${MARKER}`);
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 15_000 });
    await page.evaluate(
      async ({ marker, handle }) => {
        const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
        await quiet(
          fetch(`https://im-api.tiktok.com/v1/message/send?x=${marker}&to=${handle}`, { method: 'POST', mode: 'no-cors', body: marker }),
        );
        await quiet(fetch(`https://www.tiktok.com/api/im/@${handle}/conversation/7301948089581?${marker}=1`, { mode: 'no-cors' }));
        await new Promise<void>((resolve) => {
          const ws = new WebSocket(`wss://im-ws.tiktok.com/ws/v2?token=${marker}`);
          const done = () => resolve();
          ws.onopen = () => {
            ws.close();
            done();
          };
          ws.onerror = done;
          setTimeout(done, 3000);
        });
      },
      { marker: MARKER, handle: HANDLE_MARKER },
    );

    const popup = await ff.popupWhen(
      page,
      async (p) => (await p.$eval('[data-testid="report-text"]', (e) => e.textContent ?? '')).includes('message/send'),
      15_000,
    );
    const { popup: after } = await ff.runChecks(popup, page);
    const report = await after.$eval('[data-testid="report-text"]', (e) => e.textContent ?? '');
    expect(report).toContain('You are sending messages too fast. Take a rest.');
    expect(leaksIn(report), report).toEqual([]);
    const stored = JSON.stringify(await ff.inExtension(readStorage));
    expect(stored).toContain('im-api.tiktok.com/v1/message/send');
    expect(leaksIn(stored), stored.slice(0, 3000)).toEqual([]);
    // nothing but TikTok (and the fixture's own image hosts, which the page itself loads)
    const allowed = hostsIn(html);
    expect(ff.proxy.foreignHosts().filter((h) => !allowed.has(h) && !isTikTokHost(h))).toEqual([]);
  });
});

describe('Firefox: corrupted storage', () => {
  it('recovers with defaults from garbage in storage.local and storage.session', async () => {
    const ff = await launch();
    const page = await openWatched(ff, CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    await page.waitForSelector('dm-doctor-hint[data-cause-id="sending-too-fast"][data-settled="true"]', { timeout: 15_000 });
    const tabId = await ff.tabIdOf(page);
    // inExtension takes no arguments: the tab id is written into the function's source
    const corrupt = new Function(`return (async () => {
      const b = globalThis.browser;
      await b.storage.local.set({ settings: 'garbage', settings$: 'junk' });
      await b.storage.session.set({ 'tab:${tabId}': { tabId: 'seven', net: 'none', page: [1, 2] }, 'tab:-1': [1], 'tab:abc': 'junk', 'checks-last': { at: 'soon', results: [7] } });
      return true;
    })()`) as () => Promise<boolean>;
    expect(await ff.inExtension(corrupt)).toBe(true);

    const first = await ff.openPopupFor(page);
    expect(['problem', 'no-problem']).toContain((await popupInfo(first)).state);
    expect(await first.$eval('[data-testid="hints-toggle"]', (e) => e.getAttribute('aria-checked'))).toBe('true');
    await first.close();

    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('dm-doctor-hint[data-cause-id="sending-too-fast"][data-settled="true"]', { timeout: 15_000 });
    const popup = await ff.popupWhen(page, async (p) => (await popupInfo(p)).state === 'problem', 15_000);
    expect(await popup.$eval('[data-testid="top-cause"]', (e) => e.getAttribute('data-cause-id'))).toBe('sending-too-fast');
    const { popup: shown, checks } = await ff.runChecks(popup, page);
    expect(checks).toMatchObject({ online: 'pass', 'reach-www': 'pass' });
    // the settings work again (a write replaces the garbage with a valid record)
    const aria = () => shown.$eval('[data-testid="hints-toggle"]', (e) => e.getAttribute('aria-checked'));
    await shown.click('details.settings > summary');
    await shown.click('[data-testid="hints-toggle"]');
    await shown.waitForFunction(() => document.querySelector('[data-testid="hints-toggle"]')?.getAttribute('aria-checked') === 'false', {
      timeout: 5000,
    });
    await page.waitForFunction(() => !document.querySelector('dm-doctor-hint'), { timeout: 5000 });
    await shown.click('[data-testid="hints-toggle"]');
    await shown.waitForFunction(() => document.querySelector('[data-testid="hints-toggle"]')?.getAttribute('aria-checked') === 'true', {
      timeout: 5000,
    });
    expect(await aria()).toBe('true');
    const stored = await ff.inExtension(readStorage);
    expect(stored.local.settings).toEqual({ hintsEnabled: true, externalChecksAllowed: false });
    expect(stored.session[`tab:${tabId}`]).toMatchObject({ tabId, onMessages: true });
    expect((await pageErrors(page)).filter((e) => e.includes('moz-extension://'))).toEqual([]);
  });
});
