import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The same Chromium, flags and routing as tests/e2e/harness/chromium.ts, without the extension:
// the baseline for "page script time with and without the extension" and for the heap difference.

export interface PlainSession {
  context: BrowserContext;
  serve(url: string, html: string): void;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** `extensionDir`: load this extension instead of none (the heap phase's empty-content-script control). */
export async function launchPlain(executablePath: string, extensionDir?: string): Promise<PlainSession> {
  const profile = mkdtempSync(join(tmpdir(), 'dmd-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    // the harness's flags minus the extension (and its websocket host mapping)
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--ignore-certificate-errors',
      '--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets,BlockInsecurePrivateNetworkRequests',
    ],
  });
  const pages = new Map<string, string>();
  await context.route(
    () => true,
    async (route) => {
      const url = new URL(route.request().url());
      const html = pages.get(`${url.host}${url.pathname}${url.search}`) ?? pages.get(`${url.host}${url.pathname}`);
      if (html !== undefined) return route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
      if (url.host.endsWith('tiktok.com')) return route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' });
      return route.abort('blockedbyclient');
    },
  );
  return {
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
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
