import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureHtml, launchChromium, type ChromiumSession } from '../../browsers/chromium';
import { BUDGET } from '../budgets';
import { BUILD_DIR, CFG, details, failRow, median, ms, pct, QUICK, rows, sleep } from '../common';

/** popup opens after stopping the worker (each a few hundred ms of worker start-up) */
export const POPUP_COLD_ROUNDS = QUICK ? 10 : 15;

// Phase 4: from opening the popup to the likely cause rendered.
const POPUP_PROBE = `(() => {
  const seen = () => {
    if (window.__topCauseAt === undefined && document.querySelector('[data-testid="top-cause"]')) window.__topCauseAt = performance.now();
    if (window.__settledAt === undefined && document.querySelector('[data-testid="popup"][data-settled="true"]')) window.__settledAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

const TOO_FAST_URL = 'https://www.tiktok.com/messages?lang=en&u=7301948089582';

export async function measurePopup(s: ChromiumSession) {
  const what = 'popup open (warm) → likely cause rendered';
  try {
    const url = TOO_FAST_URL;
    s.serve(url, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const tab = await s.open(url);
    await tab.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 15_000 });
    const tabId = await s.tabId(tab);
    const times: number[] = [];
    const settled: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < CFG.popupRounds + 1; r++) {
      const p = await s.context.newPage();
      await p.addInitScript(POPUP_PROBE);
      const t0 = Date.now();
      await p.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
      await p.waitForSelector('[data-testid="top-cause"]', { timeout: 10_000 });
      const w = Date.now() - t0;
      await p.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 10_000 });
      const at = (await p.evaluate(
        '[window.__topCauseAt, window.__settledAt, document.querySelector(\'[data-testid="top-cause"]\').getAttribute("data-cause-id")]',
      )) as [number | undefined, number | undefined, string];
      await p.close();
      if (at[2] !== 'sending-too-fast') throw new Error(`popup shows ${at[2]}`);
      if (r === 0) continue; // the first open warms the extension's process and caches
      if (at[0] === undefined) throw new Error('the in-popup probe did not run');
      times.push(at[0]);
      if (at[1] !== undefined) settled.push(at[1]);
      wall.push(w);
    }
    await tab.close();
    const med = median(times);
    rows.push({
      what,
      figure: `median ${ms(med)} · p95 ${ms(pct(times, 95))} · max ${ms(Math.max(...times))} (n=${times.length})`,
      budget: `≤ ${BUDGET.popupWarmMs} ms`,
      ok: med <= BUDGET.popupWarmMs,
    });
    details.push(
      `Popup: settled (data-settled="true") median ${ms(median(settled))}; from page.goto() to the selector seen by Playwright: median ${w(median(wall))}.`,
      '',
    );
  } catch (err) {
    failRow(what, `≤ ${BUDGET.popupWarmMs} ms`, err);
  }
  function w(n: number) {
    return `${Math.round(n)} ms`;
  }
}

/**
 * Stops the extension's service worker the way the browser does when it idles: the worker's target
 * is closed over a browser-level CDP session, then the bench waits until the target is gone.
 */
async function stopWorker(s: ChromiumSession): Promise<void> {
  const browser = s.context.browser();
  if (!browser) throw new Error('no browser handle for a CDP session');
  const cdp = await browser.newBrowserCDPSession();
  const ours = async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${s.extensionId}/`));
  };
  try {
    const target = await ours();
    if (!target) throw new Error('the service worker target was not found');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    const deadline = Date.now() + 5000;
    while (await ours()) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop within 5 s');
      await sleep(20);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export async function measurePopupCold(s: ChromiumSession) {
  const what = 'popup open (worker stopped first) → likely cause rendered';
  try {
    s.serve(TOO_FAST_URL, fixtureHtml('dm-new-failed-e1-too-fast.html'));
    const tab = await s.open(TOO_FAST_URL);
    await tab.waitForSelector('dm-doctor-hint[data-settled="true"]', { timeout: 15_000 });
    const tabId = await s.tabId(tab);
    const times: number[] = [];
    const settled: number[] = [];
    // every round counts: each starts with the worker stopped, so none warms the next
    for (let r = 0; r < POPUP_COLD_ROUNDS; r++) {
      await stopWorker(s);
      const p = await s.context.newPage();
      await p.addInitScript(POPUP_PROBE);
      await p.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
      await p.waitForSelector('[data-testid="popup"][data-settled="true"]', { timeout: 15_000 });
      const at = (await p.evaluate(
        '[window.__topCauseAt, window.__settledAt, document.querySelector(\'[data-testid="top-cause"]\')?.getAttribute("data-cause-id")]',
      )) as [number | undefined, number | undefined, string | undefined];
      await p.close();
      if (at[2] !== 'sending-too-fast') throw new Error(`popup shows ${at[2] ?? 'no top cause'}`);
      if (at[0] === undefined) throw new Error('the in-popup probe did not run');
      times.push(at[0]);
      if (at[1] !== undefined) settled.push(at[1]);
    }
    await tab.close();
    const med = median(times);
    rows.push({
      what,
      figure: `median ${ms(med)} · p95 ${ms(pct(times, 95))} · max ${ms(Math.max(...times))} (n=${times.length})`,
      budget: `≤ ${BUDGET.popupColdMs} ms`,
      ok: med <= BUDGET.popupColdMs,
    });
    details.push(
      `Popup after the worker was stopped (Target.closeTarget of the service worker target until it is gone, then a new popup page each round; nothing dropped): settled median ${ms(median(settled))}.`,
      '',
    );
  } catch (err) {
    failRow(what, `≤ ${BUDGET.popupColdMs} ms`, err);
  }
}

/**
 * The floor of the popup rows: how soon an extension page can show anything at all in this browser,
 * measured the same way (a new page, the same probe, time since navigation start). A copy of the
 * build gets two pages the product never ships: `bench-static.html`, the popup's own head with the
 * `top-cause` element already in its HTML, and `bench-module.html`, the same with the element made by
 * one tiny module script (the popup's script is a module). Opened in a second Chromium with that copy.
 */
export async function measurePopupFloor() {
  const what = 'popup floor: an empty extension page → element shown';
  const dir = mkdtempSync(join(tmpdir(), 'dmd-floor-'));
  let floor: ChromiumSession | null = null;
  try {
    cpSync(BUILD_DIR, dir, { recursive: true });
    const head = /<head>[\s\S]*<\/head>/.exec(readFileSync(join(dir, 'popup.html'), 'utf8'))?.[0];
    if (!head) throw new Error('popup.html has no <head>');
    // the popup's head without its script (its stylesheet stays)
    const plainHead = head.replace(/<script[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g, '');
    const el = '<div data-testid="top-cause" class="cause">x</div>';
    writeFileSync(
      join(dir, 'bench-static.html'),
      `<!doctype html><html lang="en">${plainHead}<body><main id="root">${el}</main></body></html>`,
    );
    writeFileSync(
      join(dir, 'bench-module.html'),
      `<!doctype html><html lang="en">${plainHead}<body><main id="root"></main><script type="module" src="/bench-module.js"></script></body></html>`,
    );
    writeFileSync(join(dir, 'bench-module.js'), `document.getElementById('root').innerHTML = ${JSON.stringify(el)};`);
    floor = await launchChromium({ extensionDir: dir });
    const out: Record<string, number[]> = { static: [], module: [] };
    for (const kind of ['static', 'module'] as const) {
      for (let r = 0; r < CFG.popupRounds + 1; r++) {
        const p = await floor.context.newPage();
        await p.addInitScript(POPUP_PROBE);
        await p.goto(`chrome-extension://${floor.extensionId}/bench-${kind}.html`);
        await p.waitForSelector('[data-testid="top-cause"]', { timeout: 10_000 });
        const at = (await p.evaluate('window.__topCauseAt')) as number | undefined;
        await p.close();
        if (r === 0) continue; // as for the popup: the first open warms the process
        if (at === undefined) throw new Error('the in-page probe did not run');
        out[kind]!.push(at);
      }
    }
    const f = (v: number[]) => `median ${ms(median(v))} · p95 ${ms(pct(v, 95))}`;
    rows.push({
      what,
      figure: `static HTML ${f(out.static!)}; one module script ${f(out.module!)} (n=${out.static!.length} each)`,
      budget: 'reported',
      ok: null,
    });
    details.push(
      "Popup floor: a copy of the build with two extra pages (the popup's head and stylesheet; the `top-cause` element in the HTML, or made by a one-line module script), opened like the popup in a second Chromium; the same probe. No popup can show its cause sooner in this harness.",
      '',
    );
  } catch (err) {
    failRow(what, 'reported', err);
  } finally {
    await floor?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
