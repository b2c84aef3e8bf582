import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, fixtureHtml, type ChromiumSession } from '../../../scripts/browsers/chromium';
import { BUILD } from '../../../scripts/browsers/paths';
import { popupState } from '../harness/popup';
import { axeViolations } from '../harness/axe';
import { measureHint, placementProblems, distance, type HintMeasure } from '../harness/hint-measure';
import { HOST_PAGES } from '../../fixtures/index';
import { BUSINESS_UIDS, businessChatUrl } from '../../fixtures/make-fixtures';

// Where the hint lands on TikTok-like styled pages (tests/fixtures/styled/), measured as border
// boxes: beside the failed message, within 160 px of its red "!", never over TikTok's notice, the
// other person's bubbles, the composer or the header, inside the viewport; it follows a resize;
// Escape dismisses it; "Turn off hints" turns hints off for every tab.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
let s: ChromiumSession;

beforeEach(async () => {
  s = await launchChromium({ extensionDir: BUILD.chrome });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await s.saveArtifacts(ctx.task.name);
  await s.close();
});

const settledHint = (where: Page | Frame) =>
  expect.poll(() => where.locator('dm-doctor-hint[data-settled="true"]').count(), { timeout: 10_000 }).toBe(1);
const measure = (where: Page | Frame): Promise<HintMeasure> => where.evaluate(measureHint);

/** Polls until the placement holds (the hint is placed in the animation frame after it renders). */
async function placedWell(where: Page | Frame, needIcon = true): Promise<HintMeasure> {
  let m: HintMeasure | null = null;
  await expect
    .poll(
      async () => {
        m = await measure(where);
        return placementProblems(m, { needIcon });
      },
      { timeout: 5_000 },
    )
    .toEqual([]);
  return m!;
}

async function openStyled(file: string): Promise<Page> {
  s.serve(CHAT, fixtureHtml(`styled/${file}`));
  const page = await s.open(CHAT);
  await settledHint(page);
  return page;
}

describe('Chromium: the hint beside the failure, never over TikTok (styled pages)', () => {
  for (const file of ['dm-new-failed-e2.html', 'dm-new-failed-e2-bar.html', 'dm-new-failed-twice.html', 'legacy-failed-e3.html']) {
    it(`${file}: beside the red "!", over nothing of TikTok's, and still after a resize`, async () => {
      const page = await openStyled(file);
      const m = await placedWell(page);
      console.info(`[hint-placement] chromium ${file}: ${Math.round(distance(m.hint!, m.icon!))} px from the "!" at 1280×800`);
      await page.setViewportSize({ width: 1024, height: 560 });
      const small = await placedWell(page);
      console.info(`[hint-placement] chromium ${file}: ${Math.round(distance(small.hint!, small.icon!))} px from the "!" at 1024×560`);
    });
  }

  it("blocked composer: next to it, over nothing of TikTok's", async () => {
    const page = await openStyled('dm-new-block-note.html');
    const m = await placedWell(page, false);
    expect(distance(m.hint!, m.composer!)).toBeLessThanOrEqual(160);
  });

  it('business chat iframe: placed inside the iframe beside the failure', async () => {
    const suite = HOST_PAGES.find((p) => p.file === 'business-suite-inbox.html')!;
    s.serve('https://www.tiktok.com/business-suite/messages', fixtureHtml(suite.file));
    s.serve(businessChatUrl(BUSINESS_UIDS.failed), fixtureHtml('styled/business-failed-e5.html'));
    const page = await s.open(`https://www.tiktok.com/business-suite/messages?lang=en&u=${BUSINESS_UIDS.failed}`);
    const el = await page.waitForSelector(`iframe[src$="u=${BUSINESS_UIDS.failed}"]`, { timeout: 10_000 });
    const frame = (await el.contentFrame())!;
    await settledHint(frame);
    const m = await placedWell(frame);
    console.info(`[hint-placement] chromium business iframe: ${Math.round(distance(m.hint!, m.icon!))} px from the "!"`);
  });

  it('follows the failed row when the chat scrolls, placing in a frame (no layout read per scroll event)', async () => {
    const page = await openStyled('dm-new-failed-twice.html');
    await page.setViewportSize({ width: 1280, height: 440 });
    await placedWell(page);
    // make the list scroll: TikTok's list scrolls inside the chat
    await page.evaluate(() => {
      const list = document.querySelector('[data-e2e="dm-new-message-list"]')!;
      const pad = document.createElement('div');
      pad.style.height = '400px';
      list.prepend(pad);
      list.scrollTop = list.scrollHeight;
    });
    const before = await placedWell(page);
    await page.evaluate(() => {
      document.querySelector('[data-e2e="dm-new-message-list"]')!.scrollTop -= 40;
    });
    // the failed row moved down 40 px; the hint follows it: still beside the "!" (within reach,
    // over nothing of TikTok's). Its exact offset may change (another spot can become the closest
    // clean one), so the rule is checked, not a fixed 40 px shift.
    await expect.poll(async () => Math.round((await measure(page)).icon!.top - before.icon!.top), { timeout: 5_000 }).toBe(40);
    await expect.poll(async () => (await measure(page)).hint!.top !== before.hint!.top, { timeout: 5_000 }).toBe(true);
    await placedWell(page);
  });
});

describe('Chromium: Escape and "Turn off hints"', () => {
  it('Escape dismisses the hint (and it stays dismissed); the diagnosis stays', async () => {
    const page = await openStyled('dm-new-failed-e2.html');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dm-doctor-hint').count(), { timeout: 5_000 }).toBe(0);
    await page.waitForTimeout(1500); // the watcher rescans every second: it must not come back
    expect(await page.locator('dm-doctor-hint').count()).toBe(0);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    expect((await popupState(popup)).state).toBe('problem');
  });

  it('"Turn off hints" removes the hint, switches the setting off (popup), survives a reload, and the popup turns it back on', async () => {
    const page = await openStyled('dm-new-failed-e2.html');
    await page.locator('dm-doctor-hint button.off').click();
    await expect.poll(() => page.locator('dm-doctor-hint').count(), { timeout: 5_000 }).toBe(0);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    const toggle = popup.locator('[data-testid="hints-toggle"]');
    await expect.poll(() => toggle.getAttribute('aria-checked'), { timeout: 5_000 }).toBe('false');
    await page.reload();
    await expect
      .poll(async () => (await popupState(await s.popup(`?tab=${await s.tabId(page)}`))).state, { timeout: 10_000 })
      .toBe('problem');
    expect(await page.locator('dm-doctor-hint').count()).toBe(0);
    await popup.locator('details.settings > summary').click(); // settings wait behind their disclosure
    await toggle.click();
    await expect.poll(() => page.locator('dm-doctor-hint').count(), { timeout: 10_000 }).toBe(1);
  });

  it('axe: the hint with its new button has no violations, light and dark', async () => {
    const page = await openStyled('dm-new-failed-e2.html');
    await placedWell(page);
    expect(await axeViolations(page, 'dm-doctor-hint'), 'light').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await settledHint(page);
    expect(await page.evaluate(() => document.querySelector('dm-doctor-hint')?.shadowRoot?.querySelector('.hint.dark') != null)).toBe(true);
    expect(await axeViolations(page, 'dm-doctor-hint'), 'dark').toEqual([]);
  });
});
