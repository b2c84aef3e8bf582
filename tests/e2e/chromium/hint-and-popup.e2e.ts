import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumSuite, fixtureHtml, type ChromiumSession } from '../harness/chromium-suite';
import { popupState } from '../harness/popup';

const launch = chromiumSuite();

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
let s: ChromiumSession;

beforeEach(async () => {
  s = await launch();
});

describe('Chromium: content script, hint and popup', () => {
  it('shows the hint and the popup cause for a failed message with a known notice', async () => {
    s.serve(CHAT, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const page = await s.open(CHAT);
    const hint = page.locator('dm-doctor-hint');
    await expect.poll(() => hint.getAttribute('data-cause-id'), { timeout: 10_000 }).toBe('sending-too-fast');
    await expect.poll(() => hint.getAttribute('data-settled'), { timeout: 10_000 }).toBe('true');
    // appended to body, open shadow root, announced politely
    expect(await page.evaluate(() => document.querySelector('dm-doctor-hint')?.parentElement === document.body)).toBe(true);
    expect(await page.evaluate(() => !!document.querySelector('dm-doctor-hint')?.shadowRoot?.querySelector('[aria-live="polite"]'))).toBe(
      true,
    );

    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect(await popupState(popup)).toMatchObject({ state: 'problem', settled: 'true' });
    const top = popup.locator('[data-testid="top-cause"]');
    expect(await top.getAttribute('data-cause-id')).toBe('sending-too-fast');
    expect(await top.getAttribute('data-confidence')).toBe('high');
    expect(await popup.locator('[data-testid="notice-text"]').textContent()).toBe('You are sending messages too fast. Take a rest.');
    expect(await top.locator('[data-testid="fix-action"]').count()).toBe(1);
  });

  it('does not watch /foryou, and attaches when the SPA navigates to /messages', async () => {
    const foryou = 'https://www.tiktok.com/foryou';
    s.serve(foryou, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const page = await s.open(foryou);
    await page.waitForTimeout(1500);
    expect(await page.locator('dm-doctor-hint').count()).toBe(0);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect((await popupState(popup)).state).toBe('no-problem');

    await page.evaluate(() => history.pushState({}, '', '/messages?lang=en&u=7301948089581'));
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-cause-id'), { timeout: 10_000 }).toBe('sending-too-fast');

    await page.evaluate(() => history.pushState({}, '', '/foryou'));
    await expect.poll(() => page.locator('dm-doctor-hint').count(), { timeout: 10_000 }).toBe(0);
    await popup.reload();
    await popup.waitForSelector('[data-testid="popup"][data-settled="true"]');
    expect((await popupState(popup)).state).toBe('no-problem');
  });

  it('notices a failure that appears seconds after load, as a fresh one', async () => {
    s.serve(CHAT, fixtureHtml('dm-new-failure-after-load.html'));
    const page = await s.open(CHAT);
    expect(await page.locator('dm-doctor-hint').count()).toBe(0);
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-cause-id'), { timeout: 10_000 }).toBe('sending-too-fast');
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('sending-too-fast');
    expect(await popup.locator('[data-testid="evidence"][data-evidence-class="failed-send"]').count()).toBe(1); // fresh, not "earlier"
  });

  it('follows a conversation switch to a chat whose message failed', async () => {
    s.serve(CHAT, fixtureHtml('dm-new-conversation-switch.html'));
    const page = await s.open(CHAT);
    await page.waitForTimeout(1000);
    expect(await page.locator('dm-doctor-hint').count()).toBe(0);
    await page.locator('[data-e2e="dm-new-conversation-item"]').nth(1).click();
    expect(new URL(page.url()).searchParams.get('u')).toBe('7301948089582');
    await expect.poll(() => page.locator('dm-doctor-hint').getAttribute('data-cause-id'), { timeout: 10_000 }).toBe('not-friends');
  });

  it('shows no hint and no problem on a healthy chat', async () => {
    s.serve(CHAT, fixtureHtml('dm-new-healthy.html'));
    const page = await s.open(CHAT);
    await page.waitForTimeout(1500);
    expect(await page.locator('dm-doctor-hint').count()).toBe(0);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect(await popupState(popup)).toMatchObject({ state: 'no-problem', settled: 'true' });
    expect(await popup.locator('[data-testid="top-cause"]').count()).toBe(0);
  });

  it('says honestly when the page is not recognised, after 5 s', async () => {
    s.serve(CHAT, fixtureHtml('damaged.html'));
    const page = await s.open(CHAT);
    const tabId = await s.tabId(page);
    const early = await s.context.newPage();
    await early.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
    await early.waitForSelector('[data-testid="popup"]');
    expect(await early.locator('[data-testid="popup"]').getAttribute('data-settled')).toBe('false');
    await early.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 15_000 });
    expect((await popupState(early)).state).toBe('ui-unrecognized');
  });

  it('treats a /messages visit redirected to /login as logged out', async () => {
    // Routing cannot fulfil a redirect that the browser then follows: serve www from the local TLS server.
    await s.close();
    s = await launch({ localHosts: ['www.tiktok.com'] });
    s.handle((url) => (url.host === 'www.tiktok.com' ? { continue: true } : undefined));
    const login = fixtureHtml('login.html');
    s.wss.onHttp = (req, res) => {
      if (req.url?.startsWith('/messages')) return res.writeHead(302, { location: '/login?redirect_url=/messages' }).end();
      if (req.url?.startsWith('/login')) return res.writeHead(200, { 'content-type': 'text/html' }).end(login);
      res.writeHead(404).end();
    };
    const page = await s.open('https://www.tiktok.com/messages');
    expect(new URL(page.url()).pathname).toBe('/login');
    const tab = await s.tabId(page);
    const popup = await s.popup(`?tab=${tab}`);
    expect((await popupState(popup)).state).toBe('problem');
    expect(await popup.locator('[data-testid="top-cause"]').getAttribute('data-cause-id')).toBe('logged-out');
    const href = await popup.locator('[data-testid="fix-action"]').getAttribute('href');
    expect(href).toBe('https://www.tiktok.com/login?redirect_url=/messages');
  });

  it('shows not-tiktok for a tab elsewhere, or when ?tab= names no tab', async () => {
    s.handle((url) =>
      url.host === 'example.com'
        ? { status: 200, body: '<title>Elsewhere</title><h1>Elsewhere</h1>', contentType: 'text/html' }
        : undefined,
    );
    await s.open('https://example.com/');
    // Without the tabs permission the extension sees no URL for this tab: that is the one.
    const tabs = await s.inWorker(() => chrome.tabs.query({}));
    const elsewhere = tabs.find((t) => t.url === undefined);
    expect(elsewhere?.id).toBeTypeOf('number');
    const popup = await s.popup(`?tab=${elsewhere!.id}`);
    expect(await popupState(popup)).toMatchObject({ state: 'not-tiktok', tabId: String(elsewhere!.id) });
    const bad = await s.popup('?tab=nope');
    expect((await popupState(bad)).state).toBe('not-tiktok');
  });
});
