import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumFileSession } from '../harness/chromium-suite';
import { storageDump } from '../harness/reliability';
import { brokenRules, browserCases, markersIn, outcomeOf, type BrowserCase, type Seen } from '../../drift/browser-cases';

// Drift suite, browser subset (docs/TESTING.md "Drift suite"): every drift family on one failed (E2)
// and one healthy fixture, served as the TikTok page to the production build. One browser for the
// file; each family's two pages load side by side. Rules: tests/drift/outcome.ts.

const CASES = browserCases();
/** past the content script's 5 s "unrecognised" deadline */
const WATCH_MS = 6500;

const session = chromiumFileSession({ privateCopy: true, artifacts: 'drift-' });
const table: Record<string, string>[] = [];

afterAll(() => {
  console.log('\nDrift suite (Chromium)');
  console.table(table);
});

const hintOn = (page: Page) =>
  page.evaluate(() => document.querySelector('dm-doctor-hint')?.getAttribute('data-cause-id') ?? null).catch(() => null);

/** Loads the cases' pages together, watches for a hint the whole time, then reads each popup. */
async function look(cases: BrowserCase[]): Promise<{ c: BrowserCase; page: Page; seen: Seen; everHint: string | null }[]> {
  const s = session();
  const pages: Page[] = [];
  for (const c of cases) {
    s.serve(c.url, c.html);
    pages.push(await s.open(c.url));
  }
  const ever: (string | null)[] = cases.map(() => null);
  const until = Date.now() + WATCH_MS;
  while (Date.now() < until) {
    for (const [i, page] of pages.entries()) ever[i] ??= await hintOn(page);
    await new Promise((r) => setTimeout(r, 250));
  }
  const out = [];
  for (const [i, c] of cases.entries()) {
    const page = pages[i]!;
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
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
      const popupText = `${await popup.evaluate(() => document.body.innerText)}\n${(await popup.locator('[data-testid="report-text"]').textContent()) ?? ''}`;
      const hintText = await page.evaluate(() => document.querySelector('dm-doctor-hint')?.shadowRoot?.textContent ?? '');
      const { json } = await storageDump(s);
      expect.soft(markersIn(popupText), `${c.name}: popup text`).toEqual([]);
      expect.soft(markersIn(hintText), `${c.name}: hint text`).toEqual([]);
      expect.soft(markersIn(json), `${c.name}: chrome.storage (local + session)`).toEqual([]);
    }
    await popup.close();
    out.push({ c, page, seen, everHint: ever[i] ?? null });
  }
  return out;
}

describe('Chromium: drift suite (one failed and one healthy page per family)', () => {
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
