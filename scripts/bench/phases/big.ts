import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../../browsers/chromium';
import { CFG, details, failRow, log, median, ms, pct, QUICK, RATE, rows, SAMPLING_US, sleep } from '../common';
import { BIG_CHAT_URL, chatPage } from '../pages';
import type { PlainSession } from '../plain';
import { heaviestFrames, profiled, round, summarize, type ProfileSummary } from '../profile';
import { hintRounds } from './latency';

// Phase "big": the /messages measures of phases/cpu.ts and phases/latency.ts on a chat of 20,000
// rows (the same generated rows as the 5,000-row chat, four times as many): extension script per s of
// churn, the page's script time with / without the extension, failure → hint quiet and under churn.
// Reported, no budget (DESIGN.md: "measured and reported"). Fewer rounds than the 5,000-row rows,
// to keep the run short (on a loaded 2-core machine with a slow content script it still takes
// ≈ 1.5–2 min: the page alone cannot keep up with the churn at 20,000 rows, see the report).

export const BIG_ROWS = 20_000;
const BIG = QUICK ? { pairs: 1, churnS: 3, hintRounds: 10, hintCapS: 4 } : { pairs: 2, churnS: 6, hintRounds: 20, hintCapS: 10 };
const LABEL = `/messages (${BIG_ROWS.toLocaleString('en')} rows)`;
const REPORTED = 'reported';

interface ChurnRound {
  summary: ProfileSummary;
  mutations: number;
  churnMs: number;
}

async function churnRound(page: Page, cdp: CDPSession, origin: string): Promise<ChurnRound> {
  const t = Date.now();
  await page.evaluate(`window.__bench.start("messages", ${RATE})`);
  await sleep(CFG.warmS * 1000);
  await page.evaluate('window.__bench.mark()');
  const t1 = Date.now();
  let t2 = 0;
  const { profile, value } = await profiled(cdp, SAMPLING_US, async () => {
    await sleep(BIG.churnS * 1000);
    const v = (await page.evaluate('window.__bench.stop()')) as { mutations: number; ms: number };
    t2 = Date.now();
    return v;
  });
  // where a round's wall time goes on a page that cannot keep up (evaluate waits for its long tasks)
  log(LABEL, `round: churn started and marked in ${t1 - t} ms, stopped after ${t2 - t1} ms, profile read in ${Date.now() - t2} ms`);
  return { summary: summarize(profile, origin), mutations: value.mutations, churnMs: value.ms };
}

/** Extension script per s of churn and the page's script ratio, ext and plain rounds alternating. */
async function bigCpu(extPage: Page, plainPage: Page, s: ChromiumSession, plain: PlainSession, origin: string) {
  const extCdp = await s.context.newCDPSession(extPage);
  const plainCdp = await plain.context.newCDPSession(plainPage);
  const ext: ChurnRound[] = [];
  const base: ChurnRound[] = [];
  try {
    for (let r = 0; r < BIG.pairs; r++) {
      for (const which of r % 2 === 0 ? (['ext', 'plain'] as const) : (['plain', 'ext'] as const)) {
        if (which === 'ext') ext.push(await churnRound(extPage, extCdp, origin));
        else base.push(await churnRound(plainPage, plainCdp, origin));
        log(LABEL, which, 'round', r + 1, 'done');
      }
    }
  } finally {
    await extCdp.detach().catch(() => undefined);
    await plainCdp.detach().catch(() => undefined);
  }
  const rate = (x: ChurnRound) => round((x.mutations / x.churnMs) * 1000, 0);
  const perS = (x: ChurnRound, v: number) => v / (x.summary.durationMs / 1000);
  const totalS = ext.reduce((a, x) => a + x.summary.durationMs, 0) / 1000;
  const mean = ext.reduce((a, x) => a + x.summary.extensionMs, 0) / totalS;
  const selfMean = ext.reduce((a, x) => a + x.summary.extensionSelfMs, 0) / totalS;
  const extRates = ext.map((x) => perS(x, x.summary.extensionMs));
  // per mutation: at 20,000 rows the page does not reach the churn's target, and not equally in both
  const perMutation = (x: ChurnRound) => x.summary.scriptMs / x.mutations;
  const ratios = ext.map((x, i) => perMutation(x) / perMutation(base[i]!));
  const extPer1k = (ext.reduce((a, x) => a + x.summary.extensionMs, 0) / ext.reduce((a, x) => a + x.mutations, 0)) * 1000;
  rows.push({
    what: `${LABEL}: extension script per s of churn`,
    figure: `${round(mean, 2)} ms/s (rounds ${round(Math.min(...extRates), 2)}–${round(Math.max(...extRates), 2)}; leaf-only ${round(selfMean, 2)}; churn achieved ${ext.map(rate).join(', ')}/s: ${round(extPer1k, 1)} ms per 1,000 mutations)`,
    budget: REPORTED,
    ok: null,
  });
  rows.push({
    what: `${LABEL}: page script time per mutation, with / without extension`,
    figure: `×${round(median(ratios), 2)} (${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}, ${ratios.length} pair${ratios.length > 1 ? 's' : ''})`,
    budget: REPORTED,
    ok: null,
  });
  details.push(
    `${LABEL}: churn achieved (target ${RATE}/s): with extension ${ext.map(rate).join(', ')}/s, without ${base.map(rate).join(', ')}/s; ${ext.length} + ${base.length} rounds of ${BIG.churnS} s, sampling every ${SAMPLING_US} µs.`,
    `  page script time per s (incl. GC; the ratio above is per mutation made): with ${ext.map((x) => round(perS(x, x.summary.scriptMs), 1)).join(', ')} ms/s; without ${base.map((x) => round(perS(x, x.summary.scriptMs), 1)).join(', ')} ms/s.`,
    `  heaviest extension frames (all rounds): ${heaviestFrames(ext.map((x) => x.summary))}.`,
    '',
  );
}

/** Failure → hint visible, as phases/latency.ts does it, on the page the CPU rounds used. */
async function bigLatency(page: Page, busy: boolean) {
  const what = `failure → hint visible, ${BIG_ROWS.toLocaleString('en')} rows${busy ? ' + 1k mutations/s' : ', no churn'}`;
  try {
    if (busy) await page.evaluate(`window.__bench.start("messages", ${RATE})`);
    // distinct round numbers (failure ids) for the two flavours on the same page
    const { times, frames, errors, capped } = await hintRounds(page, busy ? 100 : 0, BIG.hintRounds, BIG.hintCapS);
    if (busy) await page.evaluate('window.__bench.stop()');
    if (times.length === 0) throw new Error(`no round succeeded (${errors[0] ?? 'none ran'})`);
    rows.push({
      what,
      figure: `p50 ${ms(median(times))} · p95 ${ms(pct(times, 95))} · max ${ms(Math.max(...times))} (n=${times.length}${errors.length ? `, ${errors.length} failed` : ''}${capped ? `, stopped at the ${BIG.hintCapS} s cap` : ''})`,
      budget: REPORTED,
      ok: null,
    });
    details.push(
      `${what}: to the next animation frame after that: p50 ${ms(median(frames))}, p95 ${ms(pct(frames, 95))}.${errors.length ? ` Failed rounds: ${[...new Set(errors)].join(', ')}.` : ''}`,
      '',
    );
  } catch (err) {
    failRow(what, REPORTED, err);
  }
}

export async function measureBig(s: ChromiumSession, plain: PlainSession, origin: string) {
  let extPage: Page | null = null;
  let plainPage: Page | null = null;
  let stage: 'load' | 'cpu' | 'latency' = 'load';
  try {
    const html = chatPage(BIG_ROWS, { inPage: true });
    s.serve(BIG_CHAT_URL, html);
    plain.serve(BIG_CHAT_URL, html);
    const t = Date.now();
    // both browsers load at once (≈ 31 MB of HTML each): only the wait is shared, not a measurement
    [extPage, plainPage] = await Promise.all([s.open(BIG_CHAT_URL), plain.open(BIG_CHAT_URL)]);
    log(LABEL, `loaded in ${round((Date.now() - t) / 1000, 1)} s`);
    const count = (await extPage.evaluate('window.__bench.rows()')) as number;
    if (count < BIG_ROWS) throw new Error(`the page has ${count} rows, not ${BIG_ROWS}`);
    await sleep(2500); // document_idle, then the content script's first scan of 20,000 rows
    stage = 'cpu';
    try {
      await bigCpu(extPage, plainPage, s, plain, origin);
    } catch (err) {
      failRow(`${LABEL}: extension script per s of churn`, REPORTED, err);
    }
    await plainPage.close();
    plainPage = null;
    await sleep(1000); // the churn's throttled scans settle
    stage = 'latency';
    for (const busy of [false, true]) await bigLatency(extPage, busy);
  } catch (err) {
    // every row this phase did not reach is a failed row (bigLatency reports its own failures)
    if (stage === 'load') failRow(`${LABEL}: extension script per s of churn`, REPORTED, err);
    if (stage !== 'latency')
      for (const quiet of [', no churn', ' + 1k mutations/s'])
        failRow(`failure → hint visible, ${BIG_ROWS.toLocaleString('en')} rows${quiet}`, REPORTED, err);
  } finally {
    await extPage?.close().catch(() => undefined);
    await plainPage?.close().catch(() => undefined);
  }
}
