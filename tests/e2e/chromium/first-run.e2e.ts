import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../../scripts/browsers/chromium';
import { BUILD } from '../../../scripts/browsers/paths';
import { axeViolations } from '../harness/axe';
import { launchWithoutExtension } from '../harness/chromium-late-install';
import { privateBuild } from '../harness/reliability';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// First run, updates and the options page, in the built extension: a fresh profile gets the welcome
// tab (install); an update (a new version of the unpacked folder loaded again) opens none and leaves
// the quiet what's-new note the options page shows; the options page changes the popup's settings.

let s: ChromiumSession | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await s?.saveArtifacts(ctx.task.name);
  await s?.close();
  s = undefined;
});

const welcomePages = (ss: ChromiumSession) => ss.context.pages().filter((p) => p.url().endsWith('/welcome.html'));

describe('Chromium: first run', () => {
  it('a fresh install opens the welcome page (pictures, privacy link, pin request as the toolbar says)', async () => {
    s = await launchChromium({ extensionDir: BUILD.chrome });
    const ss = s;
    await expect.poll(() => welcomePages(ss).length, { timeout: 10_000 }).toBe(1);
    const welcome = welcomePages(ss)[0]!;
    await welcome.waitForSelector('[data-testid="welcome"][data-settled="true"]', { timeout: 10_000 });
    // two pictures: the real hint (a screenshot that loaded) and the badge
    const hintImg = await welcome.evaluate(() => {
      const img = document.querySelector('figure img') as HTMLImageElement | null;
      return img ? { loaded: img.complete && img.naturalWidth > 0, alt: img.alt } : null;
    });
    expect(hintImg?.loaded).toBe(true);
    expect(hintImg?.alt.length).toBeGreaterThan(10);
    expect(await welcome.locator('.badge-demo[role="img"]').getAttribute('aria-label')).toBeTruthy();
    expect(await welcome.locator('[data-testid="privacy-link"]').getAttribute('href')).toBe(
      `chrome-extension://${ss.extensionId}/privacy.html`,
    );
    // the pin request follows what Chrome says about the toolbar
    const onToolbar = await ss.inWorker(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { action: { getUserSettings(): Promise<{ isOnToolbar: boolean }> } } }
          ).chrome.action.getUserSettings()
        ).isOnToolbar,
    );
    expect(await welcome.locator('[data-testid="welcome"]').getAttribute('data-pinned')).toBe(onToolbar ? 'yes' : 'no');
    expect(await welcome.locator('[data-testid="pin-request"]').count()).toBe(onToolbar ? 0 : 1);
    expect(await axeViolations(welcome), 'axe, welcome, light').toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(welcome), 'axe, welcome, dark').toEqual([]);
  });
});

async function openOptions(ss: ChromiumSession): Promise<Page> {
  const page = await ss.context.newPage();
  await page.goto(`chrome-extension://${ss.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="options"][data-settled="true"]', { timeout: 10_000 });
  return page;
}

describe('Chromium: an update', () => {
  it("opens no tab and leaves the quiet what's-new note (from → to) that the options page shows", async () => {
    // Installed over CDP into a running browser, then the same folder with a new version loaded
    // again: Chrome's update path (runtime.onInstalled, reason "update", previousVersion).
    const build = privateBuild(BUILD.chrome, 'DMD_CHROME_BUILD');
    const late = await launchWithoutExtension(build.dir);
    try {
      const { extensionId } = await late.install();
      const pagesAt = (file: string) => late.context.pages().filter((p) => p.url() === `chrome-extension://${extensionId}/${file}`);
      await expect.poll(() => pagesAt('welcome.html').length, { timeout: 10_000 }).toBe(1); // install
      const manifestPath = join(build.dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
      const again = await late.install();
      expect(again.extensionId).toBe(extensionId);
      await expect.poll(() => pagesAt('welcome.html').length, { timeout: 10_000 }).toBe(0); // the old version's page closed
      const page = await late.context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      // the note is written by the update's onInstalled: once it shows, that handler has decided
      await expect
        .poll(
          () =>
            page
              .locator('[data-testid="whats-new"]')
              .count()
              .then(async (n) => (n ? page.locator('[data-testid="whats-new"]').textContent() : page.reload().then(() => ''))),
          { timeout: 15_000 },
        )
        .toContain('99.0.0');
      expect(await page.locator('[data-testid="whats-new"]').textContent()).toContain(manifest.version);
      expect(await page.locator('[data-testid="version"]').textContent()).toContain('99.0.0');
      expect(pagesAt('welcome.html').length, 'a welcome tab after an update').toBe(0);
    } finally {
      await late.close();
      build.remove();
    }
  });
});

describe('Chromium: the options page', () => {
  it("shows version, shortcut (Alt+Shift+M), changelog and privacy; its hints switch is the popup's", async () => {
    s = await launchChromium({ extensionDir: BUILD.chrome });
    const ss = s;
    const options = await openOptions(ss);
    const version = await ss.inWorker(async () => chrome.runtime.getManifest().version);
    expect(await options.locator('[data-testid="version"]').textContent()).toContain(version);
    expect(await options.locator('[data-testid="shortcut"]').getAttribute('data-shortcut')).toBe('Alt+Shift+M');
    expect(await options.locator('[data-testid="shortcut"]').textContent()).toContain('Alt+Shift+M');
    expect(await options.locator('[data-testid="changelog"] li').count()).toBeGreaterThan(2);
    expect(await options.locator('[data-testid="privacy-link"]').getAttribute('href')).toBe(
      `chrome-extension://${ss.extensionId}/privacy.html`,
    );
    // no update happened: no what's-new note
    expect(await options.locator('[data-testid="whats-new"]').count()).toBe(0);

    const hints = options.locator('[data-testid="hints-toggle"]');
    expect(await hints.getAttribute('aria-checked')).toBe('true');
    await hints.click();
    await expect.poll(() => hints.getAttribute('aria-checked')).toBe('false');
    const popup = await ss.popup('?tab=999999');
    expect(await popup.locator('[data-testid="hints-toggle"]').getAttribute('aria-checked')).toBe('false');
    expect(
      await ss.inWorker(
        async () =>
          (
            await (
              globalThis as unknown as {
                chrome: { storage: { local: { get(k: string): Promise<{ settings?: { hintsEnabled?: boolean } }> } } };
              }
            ).chrome.storage.local.get('settings')
          ).settings?.hintsEnabled,
      ),
    ).toBe(false);
    await hints.click();
    await expect.poll(() => hints.getAttribute('aria-checked')).toBe('true');

    expect(await axeViolations(options), 'axe, options, light').toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(options), 'axe, options, dark').toEqual([]);
  });
});
