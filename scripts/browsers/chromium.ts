import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, requireBuild } from './paths';
import { startWssServer, type WssServer } from './wss-server';

// Real Chromium (the Debian binary) with the built extension loaded, a fresh profile per session.
// context.route serves TikTok from fixtures and also catches the service worker's fetches; the IM
// socket host (im-ws.tiktok.com: websockets, and the im-websocket check's plain HTTPS probe) goes
// to a local TLS server through --host-resolver-rules (routing misses websockets; the server sees
// the request headers as sent).

export type Answer =
  | { continue: true }
  | { status?: number; body?: string; headers?: Record<string, string>; contentType?: string }
  | { abort: string }
  | 'hang';
export type Handler = (url: URL, route: Route) => Answer | undefined;

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** the live service worker */
  worker(): Promise<Worker>;
  /** evaluates in the live service worker, with a timeout */
  inWorker<T, A = undefined>(fn: (arg: A) => Promise<T>, arg?: A): Promise<T>;
  wss: WssServer;
  /** every routed request, as host + path (no query) */
  requests: string[];
  /** the requests the extension itself made (its service worker or its pages), host + path */
  extensionRequests: string[];
  /** the first handler that answers wins; falls back to the default TikTok stand-in */
  handle(h: Handler): void;
  /** serves html at url (www.tiktok.com) */
  serve(url: string, html: string): void;
  open(url: string): Promise<Page>;
  tabId(page: Page): Promise<number>;
  popup(query?: string): Promise<Page>;
  saveArtifacts(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  locale?: string;
  /** hosts resolved to the local TLS server (answered by wss.onHttp) instead of being routed */
  localHosts?: string[];
  /** show the browser window (npm run demo with a display) */
  headed?: boolean;
  /** a profile folder to reuse (kept on close); default: a fresh one, removed on close */
  profile?: string;
}

export function fixtureHtml(file: string): string {
  return readFileSync(resolve('tests/fixtures', file), 'utf8');
}

export async function launchChromium(opts: LaunchOptions): Promise<ChromiumSession> {
  const extensionDir = requireBuild(opts.extensionDir);
  const executablePath = chromiumPath();
  const wss = await startWssServer();
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'dmd-chromium-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  // Chromium picks the extension's locale from LANGUAGE (with chromium-l10n installed).
  if (opts.locale) Object.assign(env, { LANGUAGE: opts.locale, LANG: `${opts.locale}_FR.UTF-8`, LC_ALL: '' });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: !opts.headed,
    env,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--host-resolver-rules=${['im-ws.tiktok.com', ...(opts.localHosts ?? [])].map((h) => `MAP ${h} 127.0.0.1:${wss.port}`).join(',')}`,
      '--ignore-certificate-errors',
      '--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets,BlockInsecurePrivateNetworkRequests',
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(first.url()).host;
  // The worker may be stopped and restarted by the browser: always talk to the live one.
  const liveWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return live[live.length - 1] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  };
  const inWorker = async <T, A = undefined>(fn: (arg: A) => Promise<T>, arg?: A): Promise<T> => {
    const w = await liveWorker();
    return Promise.race([
      w.evaluate(fn as never, arg as never) as Promise<T>,
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('worker did not answer in 10 s')), 10_000)),
    ]);
  };
  const pages = new Map<string, string>();
  const handlers: Handler[] = [];
  const requests: string[] = [];
  const extensionRequests: string[] = [];

  const local = new Set(['im-ws.tiktok.com', ...(opts.localHosts ?? [])]);
  await context.route(
    (url) => !local.has(url.host),
    async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'chrome-extension:') return route.continue();
      requests.push(`${url.host}${url.pathname}`);
      const req = route.request();
      const fromExtension = !!req.serviceWorker() || (req.frame?.()?.url() ?? '').startsWith('chrome-extension:');
      if (fromExtension) extensionRequests.push(`${url.host}${url.pathname}`);
      let answer: Answer | undefined;
      for (const h of handlers) {
        answer = h(url, route);
        if (answer) break;
      }
      answer ??= defaultAnswer(url, pages);
      if (answer === 'hang') return; // never answered: the request times out on its own
      if ('continue' in answer) return route.continue();
      if ('abort' in answer) return route.abort(answer.abort);
      return route.fulfill({
        status: answer.status ?? 200,
        body: answer.body ?? '',
        contentType: answer.contentType ?? 'text/plain',
        headers: { date: new Date().toUTCString(), ...(answer.headers ?? {}) },
      });
    },
  );

  // The worker's webRequest listeners take a moment to be wired after the browser starts: wait
  // until it has seen a top-level TikTok navigation before the test begins.
  const probe = await context.newPage();
  const deadline = Date.now() + 20_000;
  for (let seen = false; !seen; ) {
    if (Date.now() > deadline) throw new Error('the extension never observed a TikTok navigation (webRequest listeners not wired?)');
    await probe.goto(`https://www.tiktok.com/dm-doctor-ready?${Date.now()}`, { timeout: 5000 }).catch(() => undefined);
    seen = await inWorker(async () => JSON.stringify(await chrome.storage.session.get(null)).includes('dm-doctor-ready')).catch(
      () => false,
    );
  }
  // closing a page can stall in Chromium right after start-up: never let it hang the suite
  await Promise.race([probe.close().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
  requests.length = 0;
  extensionRequests.length = 0;

  let closed = false;
  const session: ChromiumSession = {
    context,
    extensionId,
    worker: liveWorker,
    inWorker,
    wss,
    requests,
    extensionRequests,
    handle: (h) => handlers.push(h),
    serve: (url, html) => pages.set(keyOf(new URL(url)), html),
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async tabId(page) {
      const url = page.url();
      const id = await inWorker(async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
      if (id == null) throw new Error(`no tab found for ${url}`);
      return id;
    },
    async popup(query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      await page.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 20_000 });
      return page;
    },
    saveArtifacts: (name) => savePages(context, name),
    async close() {
      if (closed) return; // a suite's afterEach closes what the test may have closed itself
      closed = true;
      // a stuck browser must not hang the suite
      await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 15_000))]);
      await wss.close();
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/** Screenshot + HTML of every page of the context, under test-results/chromium/<name>-<i>.* */
export async function savePages(context: BrowserContext, name: string): Promise<void> {
  const dir = resolve('test-results/chromium');
  mkdirSync(dir, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '_').slice(0, 80);
  for (const [i, page] of context.pages().entries()) {
    await page.screenshot({ path: join(dir, `${safe}-${i}.png`) }).catch(() => undefined);
    writeFileSync(join(dir, `${safe}-${i}.html`), await page.content().catch(() => ''));
  }
}

function keyOf(url: URL): string {
  return `${url.host}${url.pathname}${url.search}`;
}

function defaultAnswer(url: URL, pages: Map<string, string>): Answer {
  const page = pages.get(keyOf(url)) ?? pages.get(`${url.host}${url.pathname}`);
  if (page !== undefined) return { status: 200, body: page, contentType: 'text/html; charset=utf-8' };
  if (url.host === 'www.tiktok.com' && url.pathname === '/robots.txt') return { status: 200, body: 'User-agent: *\n' };
  if (url.host === 'im-api.tiktok.com') return url.pathname === '/' ? { status: 404, body: 'not found' } : { status: 200, body: '' };
  if (url.host.endsWith('tiktok.com')) return { status: 404, body: 'not found' };
  // Nothing leaves the machine.
  return { abort: 'blockedbyclient' };
}
