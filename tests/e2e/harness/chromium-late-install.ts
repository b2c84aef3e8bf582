import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { savePages } from '../../../scripts/browsers/chromium';
import { chromiumPath, requireBuild } from '../../../scripts/browsers/paths';

// Chromium started WITHOUT the extension, so a TikTok tab can be open before the extension is
// installed (Chrome injects no content script into such a tab). The extension is installed later
// over CDP (`Extensions.loadUnpacked`, which needs --enable-unsafe-extension-debugging), as an
// install or update from the store would while the person has TikTok open.

export interface LateInstallSession {
  browser: Browser;
  context: BrowserContext;
  /** serves html at url (host + path + query; falls back to host + path) */
  serve(url: string, html: string): void;
  open(url: string): Promise<Page>;
  /** loads the unpacked extension now; resolves with its id once its service worker runs */
  install(): Promise<{ extensionId: string; worker: Worker }>;
  saveArtifacts(name: string): Promise<void>;
  /** idempotent */
  close(): Promise<void>;
}

export async function launchWithoutExtension(extensionDir: string): Promise<LateInstallSession> {
  const dir = requireBuild(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'dmd-late-'));
  const proc: ChildProcess = spawn(
    chromiumPath(),
    [
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0', // Chromium picks a free port and writes it to DevToolsActivePort
      '--enable-unsafe-extension-debugging',
      '--headless=new',
      '--no-sandbox',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    // its own process group: closing kills Chromium's helpers (zygote, renderers, crashpad) too,
    // which otherwise keep writing into the profile while it is being removed
    { stdio: 'ignore', detached: true },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 20_000;
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('Chromium did not open its debugging port');
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = readFileSync(portFile, 'utf8').split('\n')[0]!.trim();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  const pages = new Map<string, string>();
  let closed = false;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    const html = pages.get(`${url.host}${url.pathname}${url.search}`) ?? pages.get(`${url.host}${url.pathname}`);
    if (html !== undefined) return route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
    // Nothing leaves the machine: other TikTok addresses are not found, other hosts are refused.
    if (url.host.endsWith('tiktok.com')) return route.fulfill({ status: 404, body: 'not found' });
    return route.abort('blockedbyclient');
  });

  return {
    browser,
    context,
    serve: (url, html) => {
      const u = new URL(url);
      pages.set(`${u.host}${u.pathname}${u.search}`, html);
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async install() {
      const cdp = await browser.newBrowserCDPSession();
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
      const prefix = `chrome-extension://${id}/`;
      const worker =
        context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
        (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 20_000 }));
      return { extensionId: id, worker };
    },
    saveArtifacts: (name) => savePages(context, name),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
      const exited = new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once('exit', r)));
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (e) {
        // a temporary profile left behind is not a test failure; say where it is
        console.warn(`could not remove ${profile}: ${(e as Error).message}`);
      }
    },
  };
}
