// Readers of the extension's public face (DESIGN.md: data-testid / data-* attributes), written as
// functions that run inside the page, so the Chromium (Playwright) and Firefox (puppeteer) harnesses
// share them: `await page.evaluate(popupRoot)`.

/** The popup root's attributes (null when absent). */
export function popupRoot(): { state: string | null; tabId: string | null; settled: string | null } {
  const root = document.querySelector('[data-testid="popup"]');
  if (!root) throw new Error('no [data-testid="popup"] in this page');
  return { state: root.getAttribute('data-state'), tabId: root.getAttribute('data-tab-id'), settled: root.getAttribute('data-settled') };
}

/** check id → status, for every check row the popup shows. */
export function checkStatuses(): Record<string, string> {
  return Object.fromEntries(
    Array.from(document.querySelectorAll('[data-testid="check"]')).map((e) => [
      e.getAttribute('data-check-id') ?? '',
      e.getAttribute('data-status') ?? '',
    ]),
  );
}

/** The evidence classes the popup lists, in order. */
export function evidenceClasses(): string[] {
  return Array.from(document.querySelectorAll('[data-testid="evidence"]')).map((e) => e.getAttribute('data-evidence-class') ?? '');
}

/** True once the popup shows a finished check run: settled, nothing running, `online` has a result. */
export function checksDone(): boolean {
  const root = document.querySelector('[data-testid="popup"]');
  const online = document.querySelector('[data-testid="check"][data-check-id="online"]');
  const running = document.querySelector('[data-testid="check"][data-status="running"]');
  return root?.getAttribute('data-settled') === 'true' && online?.getAttribute('data-status') !== 'skipped' && !running;
}

/** The hint host's attributes, or null when there is none in the document. */
export function hintInfo(): { causeId: string | null; settled: string | null; openShadow: boolean; inBody: boolean } | null {
  const el = document.querySelector('dm-doctor-hint');
  if (!el) return null;
  return {
    causeId: el.getAttribute('data-cause-id'),
    settled: el.getAttribute('data-settled'),
    // A content script's open shadow root is visible to the page as el.shadowRoot.
    openShadow: el.shadowRoot !== null && el.shadowRoot.mode === 'open',
    inBody: el.parentElement === document.body,
  };
}

/** The text of the popup's copyable report. */
export function reportText(): string {
  return document.querySelector('[data-testid="report-text"]')?.textContent ?? '';
}

export interface ReportJson {
  network: { where: string; kind: string; class?: string; error?: string; status?: number }[];
  evidence: string[];
  ranking: { cause: string }[];
}

/** The JSON half of the report text. */
export function parseReportJson(text: string): ReportJson {
  return JSON.parse(text.slice(text.indexOf('JSON:\n') + 'JSON:\n'.length)) as ReportJson;
}
