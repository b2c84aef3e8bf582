import type { Page } from 'playwright-core';

/** Reads the popup's public face (DESIGN.md contract). */
export async function popupState(page: Page) {
  const root = page.locator('[data-testid="popup"]');
  return {
    state: await root.getAttribute('data-state'),
    tabId: await root.getAttribute('data-tab-id'),
    settled: await root.getAttribute('data-settled'),
  };
}

export async function checkStatuses(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="check"]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-check-id'), e.getAttribute('data-status')])));
}

export async function evidenceClasses(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="evidence"]', (els) => els.map((e) => e.getAttribute('data-evidence-class') ?? ''));
}

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
