import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { firefoxSuite, openExtensionPage, type FirefoxSession } from '../harness/firefox';

// Firefox: the add-on's install opens the welcome page (one tab, seen through tabs.query) (no pin request: browser_action.default_area
// puts the button on the toolbar); the options page shows the version and the MV2 command's
// shortcut (_execute_browser_action, Alt+Shift+M); both pass axe, light and dark (Firefox's own
// colour-scheme pref).

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const launch = firefoxSuite();

async function axe(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const a = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const res = await a.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** The welcome tab the install opened (BiDi shows extension tabs as about:blank: asked from tabs.query), then a page of ours on it. */
async function welcomeTab(ff: FirefoxSession): Promise<Page> {
  const welcomeTabs = () =>
    ff.inExtension(async () => {
      const tabs: { url?: string }[] = await (
        globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }
      ).browser.tabs.query({});
      return tabs.filter((t) => t.url?.endsWith('/welcome.html')).length;
    });
  await expect.poll(welcomeTabs, { timeout: 10_000 }).toBe(1);
  return openExtensionPage(ff.browser, `${ff.extensionOrigin}welcome.html`);
}

describe('Firefox: welcome and options pages', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: install opens the welcome page (no pin request); the options page shows version and Alt+Shift+M; axe clean`, async () => {
      const ff = await launch({ prefs: { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1 } });
      const welcome = await welcomeTab(ff);
      await welcome.waitForSelector('[data-testid="welcome"][data-settled="true"]', { timeout: 10_000 });
      expect(await welcome.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      expect(await welcome.$eval('[data-testid="welcome"]', (el) => el.getAttribute('data-pinned'))).toBe('unknown');
      expect(await welcome.$$('[data-testid="pin-request"]')).toHaveLength(0);
      expect(
        await welcome.$eval('figure img', (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
      ).toBe(true);
      expect(await axe(welcome), `axe, welcome, ${scheme}`).toEqual([]);

      const options = await openExtensionPage(ff.browser, `${ff.extensionOrigin}options.html`);
      await options.waitForSelector('[data-testid="options"][data-settled="true"]', { timeout: 20_000 });
      const version = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8')).version as string;
      expect(await options.$eval('[data-testid="version"]', (el) => el.textContent)).toContain(version);
      expect(await options.$eval('[data-testid="shortcut"]', (el) => el.getAttribute('data-shortcut'))).toBe('Alt+Shift+M');
      expect(await options.$$eval('[data-testid="changelog"] li', (els) => els.length)).toBeGreaterThan(2);
      expect(await axe(options), `axe, options, ${scheme}`).toEqual([]);
    });
  }
});
