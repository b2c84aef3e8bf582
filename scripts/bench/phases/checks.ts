import { fixtureHtml, type ChromiumSession } from '../../browsers/chromium';
import { BUDGET } from '../budgets';
import { details, failRow, ms, rows, sleep } from '../common';
import { CHAT_URL } from '../pages';

// Phase 5: one connectivity check run from the popup: wall time and requests to TikTok hosts.
export async function measureChecks(s: ChromiumSession) {
  const what = 'connectivity check run (healthy network)';
  try {
    s.serve(CHAT_URL, fixtureHtml('dm-new-healthy.html'));
    const page = await s.open(CHAT_URL);
    const popup = await s.popup(`?tab=${await s.tabId(page)}`);
    const beforeReq = s.requests.length;
    const beforeWs = s.wss.requests.length;
    const result = (await popup.evaluate(`new Promise((resolve) => {
      const root = document.querySelector('[data-testid="popup"]');
      const timer = setTimeout(() => resolve({ error: 'not settled after 20 s' }), 20000);
      const t0 = performance.now();
      const mo = new MutationObserver((records) => {
        if (root.getAttribute('data-settled') === 'true' && records.some((r) => r.oldValue === 'false')) {
          mo.disconnect(); clearTimeout(timer); resolve({ ms: performance.now() - t0 });
        }
      });
      mo.observe(root, { attributes: true, attributeFilter: ['data-settled'], attributeOldValue: true });
      document.querySelector('[data-testid="check-again"]').click();
    })`)) as { ms?: number; error?: string };
    await sleep(300); // late requests of the run still count
    const made = s.requests.slice(beforeReq);
    // requests that reached the local TLS server (the IM socket host: plain HTTPS or websocket)
    const ws = s.wss.requests.slice(beforeWs).map((r) => `${r.host.split(':')[0]}${r.path}`);
    const tiktok = [...made, ...ws].filter((r) => /(^|\.)tiktok\.com(:\d+)?\//.test(r));
    const statuses = await popup.$$eval('[data-testid="check"]', (els) =>
      els.map((e) => `${e.getAttribute('data-check-id')}=${e.getAttribute('data-status')}`),
    );
    if (result.error) throw new Error(result.error);
    rows.push({
      what: `${what}: wall time`,
      figure: ms(result.ms!, 0),
      budget: `≤ ${BUDGET.checksMs / 1000} s`,
      ok: result.ms! <= BUDGET.checksMs,
    });
    rows.push({
      what: `${what}: requests to TikTok hosts`,
      figure: String(tiktok.length),
      budget: `≤ ${BUDGET.checksRequests}`,
      ok: tiktok.length <= BUDGET.checksRequests,
    });
    details.push(
      `Check run: ${tiktok.length} TikTok requests (${tiktok.join(', ')}); other hosts: ${[...made, ...ws].length - tiktok.length}; statuses: ${statuses.join(', ')}.`,
      '',
    );
    await popup.close();
    await page.close();
  } catch (err) {
    failRow(`${what}: wall time`, `≤ ${BUDGET.checksMs / 1000} s`, err);
  }
}
