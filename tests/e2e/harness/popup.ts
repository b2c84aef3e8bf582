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
