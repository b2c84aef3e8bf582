import type { Page } from 'playwright-core';
import * as read from './page-readers';

// The page readers (page-readers.ts, shared with Firefox) for Playwright pages, and the check run.

/** Reads the popup's public face (DESIGN.md contract). */
export const popupState = (page: Page) => page.evaluate(read.popupRoot);
export const checkStatuses = (page: Page) => page.evaluate(read.checkStatuses);
export const evidenceClasses = (page: Page) => page.evaluate(read.evidenceClasses);

/** Clicks "check again" and waits until the run is over (settled, no check still running). */
export async function runChecksFromPopup(page: Page): Promise<Record<string, string>> {
  const before = await page.locator('.checks').getAttribute('data-run-id');
  await page.click('[data-testid="check-again"]');
  await page.waitForFunction(
    (prev) =>
      document.querySelector('.checks')?.getAttribute('data-run-id') !== prev &&
      document.querySelector('[data-testid="popup"]')?.getAttribute('data-settled') === 'true' &&
      !document.querySelector('[data-testid="check"][data-status="running"]'),
    before,
    { timeout: 25_000 },
  );
  return checkStatuses(page);
}
