import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fixtureHtml, popupInfo, firefoxSuite } from '../harness/firefox';
import { measureHint, placementProblems, distance, type HintMeasure } from '../harness/hint-measure';

// Firefox: where the hint lands on TikTok-like styled pages (tests/fixtures/styled/), measured as
// border boxes; Escape dismisses it; "Turn off hints" switches hints off. Build first: npm run build.

const CHAT = 'https://www.tiktok.com/messages?lang=en&u=7301948089581';
const launch = firefoxSuite();

async function placedWell(page: Page, needIcon = true): Promise<HintMeasure> {
  let m: HintMeasure | null = null;
  await expect
    .poll(
      async () => {
        m = await page.evaluate(measureHint);
        return placementProblems(m, { needIcon });
      },
      { timeout: 5_000 },
    )
    .toEqual([]);
  return m!;
}

const hintCount = (page: Page) => page.evaluate(() => document.querySelectorAll('dm-doctor-hint').length);

describe('Firefox: the hint beside the failure, never over TikTok (styled pages)', () => {
  it('newer inbox (notice under the bubble, notice as a bar, two failures), older inbox, blocked composer', async () => {
    const ff = await launch();
    for (const file of [
      'dm-new-failed-e2.html',
      'dm-new-failed-e2-bar.html',
      'dm-new-failed-twice.html',
      'legacy-failed-e3.html',
      'dm-new-block-note.html',
    ]) {
      const page = await ff.openTikTok(`${CHAT}&f=${file}`, fixtureHtml(`styled/${file}`));
      await page.setViewport({ width: 1280, height: 800 });
      await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
      const icon = file !== 'dm-new-block-note.html';
      const m = await placedWell(page, icon);
      if (icon) console.info(`[hint-placement] firefox ${file}: ${Math.round(distance(m.hint!, m.icon!))} px from the "!"`);
      else expect(distance(m.hint!, m.composer!)).toBeLessThanOrEqual(160);
      await page.setViewport({ width: 1024, height: 560 });
      await placedWell(page, icon);
      await page.close();
    }
  });

  it('Escape dismisses; "Turn off hints" turns hints off (the popup shows it) until the popup turns them on', async () => {
    const ff = await launch();
    const page = await ff.openTikTok(CHAT, fixtureHtml('styled/dm-new-failed-e2.html'));
    await page.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await expect.poll(() => hintCount(page), { timeout: 5_000 }).toBe(0);
    const popup = await ff.openPopupFor(page);
    expect((await popupInfo(popup)).state).toBe('problem');
    await popup.close();

    // a second failure page: its hint offers "Turn off hints"
    const other = await ff.openTikTok(`${CHAT}&again=1`, fixtureHtml('styled/legacy-failed-e3.html'));
    await other.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 10_000 });
    await other.evaluate(() =>
      (document.querySelector('dm-doctor-hint')!.shadowRoot!.querySelector('button.off') as HTMLButtonElement).click(),
    );
    await expect.poll(() => hintCount(other), { timeout: 5_000 }).toBe(0);
    const settings = await ff.openPopupFor(other);
    await expect
      .poll(() => settings.$eval('[data-testid="hints-toggle"]', (e) => e.getAttribute('aria-checked')), { timeout: 5_000 })
      .toBe('false');
    await settings.click('details.settings > summary'); // settings wait behind their disclosure
    await settings.click('[data-testid="hints-toggle"]');
    await expect
      .poll(() => settings.$eval('[data-testid="hints-toggle"]', (e) => e.getAttribute('aria-checked')), { timeout: 5_000 })
      .toBe('true');
    await expect.poll(() => hintCount(other), { timeout: 10_000 }).toBe(1);
  });
});
