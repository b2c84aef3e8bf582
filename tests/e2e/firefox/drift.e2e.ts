import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxFileSession } from '../harness/firefox';
import { brokenRules, browserCases, markersIn, outcomeOf, type BrowserCase, type Seen } from '../../drift/browser-cases';

// Drift suite, browser subset in Firefox (MV2 production build; docs/TESTING.md "Drift suite"): the
// same cases and rules as tests/e2e/chromium/drift.e2e.ts, tiktok.com played by the local proxy. One
// browser for the file; each family's two pages load side by side.

const CASES = browserCases();
const WATCH_MS = 6500;

const table: Record<string, string>[] = [];
afterAll(() => {
  console.log('\nDrift suite (Firefox)');
  console.table(table);
});
const firefox = firefoxFileSession();

const hintOn = (page: Page) =>
  page.evaluate(() => document.querySelector('dm-doctor-hint')?.getAttribute('data-cause-id') ?? null).catch(() => null);

async function storageJson(): Promise<string> {
  return firefox().inExtension(async () => {
    const b = (globalThis as unknown as { browser: { storage: Record<'local' | 'session', { get(k: null): Promise<unknown> }> } }).browser;
    return JSON.stringify({ local: await b.storage.local.get(null), session: await b.storage.session.get(null) });
  });
}

async function look(cases: BrowserCase[]): Promise<{ c: BrowserCase; page: Page; seen: Seen; everHint: string | null }[]> {
  const pages: Page[] = [];
  for (const c of cases) pages.push(await firefox().openTikTok(c.url, c.html));
  const ever: (string | null)[] = cases.map(() => null);
  const until = Date.now() + WATCH_MS;
  while (Date.now() < until) {
    for (const [i, page] of pages.entries()) ever[i] ??= await hintOn(page);
    await new Promise((r) => setTimeout(r, 250));
  }
  const out = [];
  for (const [i, c] of cases.entries()) {
    const page = pages[i]!;
    const popup = await firefox().openPopupFor(page);
    const seen: Seen = await popup.evaluate(() => {
      const root = document.querySelector('[data-testid="popup"]');
      const top = document.querySelector('[data-testid="top-cause"]');
      return {
        state: root?.getAttribute('data-state') ?? null,
        settled: root?.getAttribute('data-settled') ?? null,
        reason: root?.getAttribute('data-reason') ?? document.querySelector('[data-reason]')?.getAttribute('data-reason') ?? null,
        topCause: top?.getAttribute('data-cause-id') ?? null,
        notice: document.querySelector('[data-testid="notice-text"]')?.textContent ?? null,
        hint: null,
      };
    });
    seen.hint = await hintOn(page);
    if (c.family === 'privacy-drift') {
      const popupText = await popup.evaluate(
        () => `${document.body.innerText}\n${document.querySelector('[data-testid="report-text"]')?.textContent ?? ''}`,
      );
      const hintText = await page.evaluate(() => document.querySelector('dm-doctor-hint')?.shadowRoot?.textContent ?? '');
      expect.soft(markersIn(popupText), `${c.name}: popup text`).toEqual([]);
      expect.soft(markersIn(hintText), `${c.name}: hint text`).toEqual([]);
      expect.soft(markersIn(await storageJson()), `${c.name}: browser.storage (local + session)`).toEqual([]);
    }
    await popup.close();
    out.push({ c, page, seen, everHint: ever[i] ?? null });
  }
  return out;
}

describe('Firefox: drift suite (one failed and one healthy page per family)', () => {
  const families = [...new Set(CASES.map((c) => c.family))];
  for (const family of families) {
    const cases = CASES.filter((c) => c.family === family);
    it(`${family}: ${cases.map((c) => c.fixture.file.replace(/\.html$/, '')).join(', ')}`, async () => {
      for (const { c, page, seen, everHint } of await look(cases)) {
        const { verdict, broken } = brokenRules(c, seen);
        if (c.truth.kind !== 'problem' && everHint !== null && seen.hint === null)
          broken.push(`a hint (${everHint}) appeared on a page without a problem`);
        table.push({ case: c.name, outcome: outcomeOf(seen), hint: seen.hint ?? '-', verdict, broken: broken.join('; ') || '-' });
        expect.soft(seen.settled, `${c.name}: popup settled`).toBe('true');
        expect.soft(broken, `${c.name}: ${outcomeOf(seen)}`).toEqual([]);
        await page.close();
      }
    });
  }
});
