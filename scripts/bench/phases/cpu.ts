import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../../browsers/chromium';
import { BUDGET } from '../budgets';
import { CFG, details, failRow, log, median, RATE, ROWS, rows, SAMPLING_US, sleep } from '../common';
import { CHAT_URL, chatPage, FORYOU_URL, foryouPage } from '../pages';
import type { PlainSession } from '../plain';
import { heaviestFrames, profiled, round, summarize, type ProfileSummary } from '../profile';

// Phase 2: the content script's script time per second of DOM churn on /foryou and /messages, with and without the extension.
async function extCoverageCalls(
  cdp: CDPSession,
  origin: string,
  seconds: number,
): Promise<{ calls: number; loaded: boolean; top: string[] }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await cdp.send('Profiler.takePreciseCoverage'); // resets the counters
  await sleep(seconds * 1000);
  const cov = (await cdp.send('Profiler.takePreciseCoverage')) as unknown as {
    result: Array<{ url: string; functions: Array<{ ranges: Array<{ count: number }> }> }>;
  };
  await cdp.send('Profiler.stopPreciseCoverage');
  const ext = cov.result.filter((r) => r.url.startsWith(origin));
  const fns = ext.flatMap((r) =>
    (r.functions as Array<{ functionName: string; ranges: Array<{ count: number; startOffset: number }> }>).map((f) => ({
      name: `${f.functionName || '(anonymous)'}@${f.ranges[0]?.startOffset}`,
      count: f.ranges[0]?.count ?? 0,
    })),
  );
  const top = fns
    .filter((f) => f.count > 0 && !f.name.startsWith('@'))
    .sort((a, b) => b.count - a.count)
    .slice(0, 8)
    .map((f) => `${f.name} ×${f.count}`);
  return { calls: fns.reduce((a, f) => a + f.count, 0), loaded: ext.length > 0, top };
}

interface ChurnRound {
  summary: ProfileSummary;
  mutations: number;
  churnMs: number;
}

async function churnRound(page: Page, cdp: CDPSession, kind: 'feed' | 'messages', origin: string): Promise<ChurnRound> {
  await page.evaluate(`window.__bench.start(${JSON.stringify(kind)}, ${RATE})`);
  await sleep(CFG.warmS * 1000);
  await page.evaluate('window.__bench.mark()');
  const { profile, value } = await profiled(cdp, SAMPLING_US, async () => {
    await sleep(CFG.churnS * 1000);
    return (await page.evaluate('window.__bench.stop()')) as { mutations: number; ms: number };
  });
  return { summary: summarize(profile, origin), mutations: value.mutations, churnMs: value.ms };
}

export async function measureCpu(s: ChromiumSession, plain: PlainSession, origin: string) {
  for (const kind of ['feed', 'messages'] as const) {
    const url = kind === 'feed' ? FORYOU_URL : CHAT_URL;
    const label = kind === 'feed' ? '/foryou (busy feed)' : `/messages (${ROWS.toLocaleString('en')} rows)`;
    const budget = kind === 'feed' ? BUDGET.foryouMsPerS : BUDGET.messagesMsPerS;
    try {
      const html = kind === 'feed' ? foryouPage() : chatPage(ROWS);
      s.serve(url, html);
      plain.serve(url, html);
      const extPage = await s.open(url);
      const plainPage = await plain.open(url);
      await sleep(1500); // the content script starts at document_idle and does its first scan
      const extCdp = await s.context.newCDPSession(extPage);
      const plainCdp = await plain.context.newCDPSession(plainPage);
      // the content script's isolated world exists in the page: it was injected
      const worlds: string[] = [];
      extCdp.on('Runtime.executionContextCreated', (e: { context: { origin: string } }) => worlds.push(e.context.origin));
      await extCdp.send('Runtime.enable');
      await extCdp.send('Runtime.disable');
      const injected = worlds.some((o) => `${o}/`.startsWith(origin));
      const ext: ChurnRound[] = [];
      const base: ChurnRound[] = [];
      for (let r = 0; r < CFG.rounds; r++) {
        const order = r % 2 === 0 ? (['ext', 'plain'] as const) : (['plain', 'ext'] as const);
        for (const which of order) {
          if (which === 'ext') ext.push(await churnRound(extPage, extCdp, kind, origin));
          else base.push(await churnRound(plainPage, plainCdp, kind, origin));
          log(label, which, 'round', r + 1, 'done');
        }
      }
      // function calls of the content script during 3 s of churn (precise coverage, separate window:
      // counting calls slows V8 down, so it is never on during the profiled rounds)
      await extPage.evaluate(`window.__bench.start(${JSON.stringify(kind)}, ${RATE})`);
      await sleep(500);
      const cov = await extCoverageCalls(extCdp, origin, 3);
      await extPage.evaluate('window.__bench.stop()');
      const perS = (x: ChurnRound) => x.summary.extensionMs / (x.summary.durationMs / 1000);
      const extRates = ext.map(perS);
      const mean = ext.reduce((a, x) => a + x.summary.extensionMs, 0) / (ext.reduce((a, x) => a + x.summary.durationMs, 0) / 1000);
      const selfMean = ext.reduce((a, x) => a + x.summary.extensionSelfMs, 0) / (ext.reduce((a, x) => a + x.summary.durationMs, 0) / 1000);
      const ratios = ext.map((x, i) => {
        const b = base[i]!;
        return x.summary.scriptMs / x.summary.durationMs / (b.summary.scriptMs / b.summary.durationMs);
      });
      if (kind === 'feed') {
        // a script none of whose functions ran since the counters were reset is not listed at all
        const attached = cov.calls / 3 >= 1;
        rows.push({
          what: '/foryou: observer attached?',
          figure: !injected
            ? 'content script not injected: cannot tell'
            : `${attached ? 'yes' : 'no'} (${cov.calls} content-script calls in 3 s of churn)`,
          budget: 'no observer',
          ok: injected ? !attached : false,
        });
      } else {
        details.push(
          `Content script on /messages: ${cov.calls.toLocaleString('en')} function calls in 3 s of churn (${Math.round(cov.calls / 3).toLocaleString('en')}/s); most called (minified name@offset): ${cov.top.join(', ')}.`,
          '',
        );
      }
      rows.push({
        what: `${label}: extension script per s of churn`,
        figure: `${round(mean, 2)} ms/s (rounds ${round(Math.min(...extRates), 2)}–${round(Math.max(...extRates), 2)}; leaf-only ${round(selfMean, 2)})`,
        budget: `≤ ${budget} ms/s`,
        ok: mean <= budget,
      });
      rows.push({
        what: `${label}: page script time, with / without extension`,
        figure: `×${round(median(ratios), 2)} (${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}, ${ratios.length} pairs)`,
        budget: kind === 'feed' ? '—' : `≤ ×${BUDGET.messagesScriptRatio}`,
        ok: kind === 'feed' ? null : median(ratios) <= BUDGET.messagesScriptRatio,
      });
      details.push(
        `${label}: churn achieved (target ${RATE}/s): with extension ${ext.map((x) => round((x.mutations / x.churnMs) * 1000, 0)).join(', ')}/s, without ${base.map((x) => round((x.mutations / x.churnMs) * 1000, 0)).join(', ')}/s; ${ext.length} + ${base.length} rounds of ${CFG.churnS} s, sampling every ${SAMPLING_US} µs.`,
        `  page script time per s (incl. GC): with ${ext.map((x) => round(x.summary.scriptMs / (x.summary.durationMs / 1000), 1)).join(', ')} ms/s; without ${base.map((x) => round(x.summary.scriptMs / (x.summary.durationMs / 1000), 1)).join(', ')} ms/s.`,
        `  heaviest extension frames (all rounds): ${heaviestFrames(ext.map((x) => x.summary))}.`,
        '',
      );
      await extCdp.detach().catch(() => undefined);
      await plainCdp.detach().catch(() => undefined);
      await extPage.close();
      await plainPage.close();
    } catch (err) {
      failRow(`${label}: extension script per s of churn`, `≤ ${budget} ms/s`, err);
    }
  }
}
