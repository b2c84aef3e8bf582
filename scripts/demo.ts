// npm run demo: drives the built extension in Chromium against the fixture pages and saves
// screenshots of each popup state and of the hint (light and dark, English and French; the problem
// popup and the hint also in Spanish and Arabic) into docs/screenshots/. With a display ($DISPLAY),
// it opens a visible browser and leaves it open. `-- --langs=es,ar` makes only those languages.
import { mkdirSync } from 'node:fs';
import { launchChromium, fixtureHtml, type ChromiumSession } from './browsers/chromium';
import { BUILD } from './browsers/paths';
import type { Page } from 'playwright-core';

const OUT = 'docs/screenshots';
const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');

async function popupShot(s: ChromiumSession, query: string, file: string, scheme: 'light' | 'dark', state?: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 400, height: 640 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${s.extensionId}/popup.html${query}`);
  await page.waitForSelector(state ? `[data-testid="popup"][data-state="${state}"]` : '[data-testid="popup"][data-settled="true"]', {
    timeout: 20_000,
  });
  await page.screenshot({ path: `${OUT}/${file}`, fullPage: true });
  return page;
}

/** Every state, light and dark (en, fr); only the problem popup and the hint, light, otherwise. */
async function run(lang: string): Promise<void> {
  const full = lang === 'en' || lang === 'fr';
  const s = await launchChromium({ extensionDir: BUILD.chrome, locale: lang === 'en' ? undefined : lang, headed });
  try {
    for (const scheme of full ? (['light', 'dark'] as const) : (['light'] as const)) {
      const suffix = `${lang}-${scheme}`;
      s.serve(CHAT, fixtureHtml('dm-new-failed-e2-friends-only.html'));
      const chat = await s.open(CHAT);
      await chat.emulateMedia({ colorScheme: scheme });
      await chat.reload();
      await chat.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 15_000 });
      await chat.locator('[data-e2e="message-input-area"]').scrollIntoViewIfNeeded();
      await chat.waitForTimeout(100);
      // the hint with some of the chat around it
      const box = await chat.locator('dm-doctor-hint').boundingBox();
      const vp = chat.viewportSize()!;
      const clip = box
        ? { x: 0, y: Math.max(0, box.y - 160), width: vp.width, height: Math.min(vp.height - Math.max(0, box.y - 160), box.height + 320) }
        : undefined;
      await chat.screenshot({ path: `${OUT}/hint-${suffix}.png`, ...(clip ? { clip } : {}) });
      const tab = await s.tabId(chat);
      const problem = await popupShot(s, `?tab=${tab}`, `popup-problem-${suffix}.png`, scheme);
      if ((headed && scheme === 'light') || !full) continue;
      await problem.close();

      const healthyUrl = `https://www.tiktok.com/messages?lang=en&u=9${scheme === 'dark' ? 1 : 2}00000000001`;
      s.serve(healthyUrl, fixtureHtml('dm-new-healthy.html'));
      const healthy = await s.open(healthyUrl);
      await (await popupShot(s, `?tab=${await s.tabId(healthy)}`, `popup-no-problem-${suffix}.png`, scheme)).close();
      await (await popupShot(s, '?tab=999999', `popup-not-tiktok-${suffix}.png`, scheme)).close();

      const damagedUrl = `https://www.tiktok.com/messages?lang=en&u=8${scheme === 'dark' ? 1 : 2}00000000001`;
      s.serve(damagedUrl, fixtureHtml('damaged.html'));
      const damaged = await s.open(damagedUrl);
      await (
        await popupShot(s, `?tab=${await s.tabId(damaged)}`, `popup-ui-unrecognized-${suffix}.png`, scheme, 'ui-unrecognized')
      ).close();
    }
    if (!full) {
      console.log(`screenshots (${lang}) written to ${OUT}/`);
      return;
    }
    // checking: probes held open on a TikTok tab with nothing reported yet
    s.handle((url) => (url.pathname === '/robots.txt' || url.host === 'im-api.tiktok.com' ? 'hang' : undefined));
    s.serve('https://www.tiktok.com/foryou', '<html><head><title>For You</title></head><body><main>feed</main></body></html>');
    const feed = await s.open('https://www.tiktok.com/foryou');
    const checking = await popupShot(s, `?tab=${await s.tabId(feed)}`, `popup-checking-${lang}-light.png`, 'light');
    await checking.click('[data-testid="check-again"]');
    await checking.waitForSelector('[data-testid="popup"][data-state="checking"]');
    await checking.screenshot({ path: `${OUT}/popup-checking-${lang}-light.png`, fullPage: true });
    console.log(`screenshots (${lang}) written to ${OUT}/`);
    if (headed) {
      console.log('A browser window is open: close it to finish.');
      await new Promise((r) => s.context.on('close', r));
    }
  } finally {
    if (!headed) await s.close();
  }
}

mkdirSync(OUT, { recursive: true });
const only = process.argv
  .find((a) => a.startsWith('--langs='))
  ?.slice('--langs='.length)
  .split(',');
for (const lang of only ?? ['en', 'fr', 'es', 'ar']) await run(lang);
