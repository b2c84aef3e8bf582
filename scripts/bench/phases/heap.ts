import type { CDPSession } from 'playwright-core';
import type { ChromiumSession } from '../../browsers/chromium';
import { BUDGET, MB } from '../budgets';
import { CFG, details, failRow, log, RATE, ROWS, rows, sleep } from '../common';
import { CHAT_URL, chatPage } from '../pages';
import type { PlainSession } from '../plain';

// Phase 6: isolate heap after GC with and without the extension, early and late in a long churn (budget: the difference at both points).
async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return u.usedSize;
}

export async function measureHeap(s: ChromiumSession, plain: PlainSession) {
  const what = `isolate heap after GC, with − without extension (${CFG.heapEarlyS} s → ${CFG.heapLateS} s of churn)`;
  try {
    const html = chatPage(ROWS);
    s.serve(CHAT_URL, html);
    plain.serve(CHAT_URL, html);
    const extPage = await s.open(CHAT_URL);
    const plainPage = await plain.open(CHAT_URL);
    const extCdp = await s.context.newCDPSession(extPage);
    const plainCdp = await plain.context.newCDPSession(plainPage);
    await sleep(1500);
    const t0 = Date.now();
    await extPage.evaluate(`window.__bench.start("messages", ${RATE})`);
    await plainPage.evaluate(`window.__bench.start("messages", ${RATE})`);
    const at = async (s2: number) => {
      await sleep(Math.max(0, t0 + s2 * 1000 - Date.now()));
      return { ext: await heapUsed(extCdp), plain: await heapUsed(plainCdp) };
    };
    const early = await at(CFG.heapEarlyS);
    log('heap at', CFG.heapEarlyS, 's', early);
    const late = await at(CFG.heapLateS);
    log('heap at', CFG.heapLateS, 's', late);
    await extPage.evaluate('window.__bench.stop()');
    await plainPage.evaluate('window.__bench.stop()');
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
    const d = (b: number) => `${b >= 0 ? '+' : '−'}${mb(Math.abs(b))}`;
    rows.push({
      what,
      figure: `${d(early.ext - early.plain)} → ${d(late.ext - late.plain)} (growth with ${d(late.ext - early.ext)}, without ${d(late.plain - early.plain)})`,
      budget: `≤ ${BUDGET.heapDelta / MB} MB at both`,
      ok: Math.max(early.ext - early.plain, late.ext - late.plain) <= BUDGET.heapDelta,
    });
    details.push(
      `Heap (Runtime.getHeapUsage after HeapProfiler.collectGarbage ×2): with extension ${mb(early.ext)} at ${CFG.heapEarlyS} s, ${mb(late.ext)} at ${CFG.heapLateS} s; without ${mb(early.plain)}, ${mb(late.plain)}.`,
      '',
    );
    await extPage.close();
    await plainPage.close();
  } catch (err) {
    failRow(what, `≤ ${BUDGET.heapDelta / MB} MB at both`, err);
  }
}
