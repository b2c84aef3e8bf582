import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { requireBuild } from '../../../scripts/browsers/paths';
import type { ChromiumSession } from '../../../scripts/browsers/chromium';

// Small generic helpers for the reliability / privacy / security suites (Chromium): a private copy
// of a build, an error watch on a TikTok tab that tells the extension's errors from the page's,
// heap measurement after GC, and timing helpers.

/**
 * A private copy of a build (other people rebuild .output/ while tests run). `envVar` lets a
 * scratch build replace it, e.g. DMD_CHROME_BUILD=/tmp/broken/.output/chrome-mv3 for break-it runs.
 */
export function privateBuild(dir: string, envVar?: string): { dir: string; remove(): void } {
  const source = resolve((envVar && process.env[envVar]) || dir);
  const copy = mkdtempSync(join(tmpdir(), 'dmd-rel-ext-'));
  cpSync(requireBuild(source), copy, { recursive: true });
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}

export interface ErrorWatch {
  page: Page;
  cdp: CDPSession;
  /** uncaught errors / rejections / console errors that came from the extension (content script) */
  extensionErrors(): string[];
  /** everything the extension's content script printed ([dm-doctor] …) */
  extensionLogs(): string[];
  /** what the page-level listeners (installed by the test, main world) saw */
  pageErrors(): Promise<string[]>;
  /** JS heap in use (MB) after a forced GC, for the page's renderer (page + content script worlds) */
  heapMB(): Promise<number>;
}

/**
 * Opens `url` in a new tab with: window 'error' + 'unhandledrejection' listeners in the page
 * (addInitScript), and a CDP Runtime session that reports exceptions and console calls of every
 * execution context, so the content script's isolated world (origin chrome-extension://…) is seen too.
 */
export async function openWatched(s: ChromiumSession, url: string): Promise<ErrorWatch> {
  const page = await s.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __dmdErrors: string[] };
    w.__dmdErrors = [];
    window.addEventListener('error', (e) => w.__dmdErrors.push(`error: ${e.message} @ ${e.filename}:${e.lineno}`), true);
    window.addEventListener('unhandledrejection', (e) => {
      const r = e.reason as { stack?: string } | undefined;
      w.__dmdErrors.push(`rejection: ${String(r?.stack ?? e.reason)}`);
    });
  });
  const cdp = await s.context.newCDPSession(page);
  const extContexts = new Set<number>();
  const errors: string[] = [];
  const logs: string[] = [];
  const fromExtension = (text: string) => text.includes('chrome-extension://');
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) => {
    if (e.context.origin.startsWith('chrome-extension://')) extContexts.add(e.context.id);
  });
  cdp.on(
    'Runtime.exceptionThrown',
    (e: {
      exceptionDetails: {
        executionContextId?: number;
        text: string;
        url?: string;
        exception?: { description?: string };
        stackTrace?: { callFrames: { url: string }[] };
      };
    }) => {
      const d = e.exceptionDetails;
      const text = `${d.text} ${d.exception?.description ?? ''} ${d.url ?? ''} ${(d.stackTrace?.callFrames ?? []).map((f) => f.url).join(' ')}`;
      if ((d.executionContextId !== undefined && extContexts.has(d.executionContextId)) || fromExtension(text))
        errors.push(text.slice(0, 500));
    },
  );
  cdp.on(
    'Runtime.consoleAPICalled',
    (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
      if (!extContexts.has(e.executionContextId)) return;
      const text = `${e.type}: ${e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' ')}`;
      logs.push(text.slice(0, 500));
      // The content script reports its own swallowed failures ("scan failed", "hint failed").
      if (e.type === 'error' || e.type === 'warning' || e.type === 'assert' || /failed|error/i.test(text)) errors.push(text.slice(0, 500));
    },
  );
  await cdp.send('Runtime.enable');
  await page.goto(url);
  return {
    page,
    cdp,
    extensionErrors: () => [...errors],
    extensionLogs: () => [...logs],
    pageErrors: () => page.evaluate(() => (window as unknown as { __dmdErrors?: string[] }).__dmdErrors ?? []),
    async heapMB() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usedSize / 1024 / 1024;
    },
  };
}

/** Page errors whose source is the extension (chrome-extension:// in message or file). */
export function extensionOnly(pageErrors: string[]): string[] {
  return pageErrors.filter((e) => e.includes('chrome-extension://'));
}

/** How long the page takes to answer a trivial evaluate and to paint one frame (ms). */
export async function responsiveness(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return Date.now() - t0;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Opens the service worker's storage (local + session) as one JSON string, read in the worker. */
export async function storageDump(
  s: ChromiumSession,
): Promise<{ local: Record<string, unknown>; session: Record<string, unknown>; json: string }> {
  const [local, session] = await s.inWorker(
    async () => [await chrome.storage.local.get(null), await chrome.storage.session.get(null)] as const,
  );
  return { local, session, json: JSON.stringify({ local, session }) };
}

/**
 * Stops the extension's service worker the way the browser does when it idles out, via the
 * DevTools ServiceWorker domain of an extension page (`extensionPage` must be one of its pages,
 * e.g. a popup). Resolves once the worker reports `stopped`.
 */
export async function stopServiceWorker(s: ChromiumSession, extensionPage: Page): Promise<void> {
  const cdp = await s.context.newCDPSession(extensionPage);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${s.extensionId}/`)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  // the worker may be woken again at once (the popup polls): having stopped is what counts
  while (!statuses.includes('stopped')) {
    if (Date.now() > deadline) throw new Error(`the service worker did not stop (statuses: ${statuses.join(', ')})`);
    await sleep(50);
  }
  await cdp.detach().catch(() => undefined);
}
