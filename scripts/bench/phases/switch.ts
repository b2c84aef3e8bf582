import type { ChromiumSession } from '../../browsers/chromium';
import { CFG, details, failRow, log, median, ms, pct, QUICK, RATE, ROWS, rows, SAMPLING_US, sleep } from '../common';
import { chatPage, SWITCH_CHAT_URL } from '../pages';
import { profiled, round, summarize } from '../profile';

// Phase "switch": on the 5,000-row chat with the 1k mutations/s churn running, the agent
// (agent-switch.js) opens another conversation every 2 s as TikTok does — the message list's rows
// replaced by the other conversation's 5,000 rows, `?u=` changed with history.pushState, the header's
// handle changed — alternately one whose last own message failed (too-fast notice) and a healthy one.
// Measured: the extension's script per s over the whole run (profiled as in phases/cpu.ts), and that
// it follows each switch: the hint visible with its cause after a switch to the failed conversation,
// gone after a switch to the healthy one (time from the switch, p95), still right at the end of the
// 2 s. Reported, no budget (DESIGN.md: "measured and reported").

const PERIOD_MS = 2000;
const SWITCHES = QUICK ? 4 : 16;
/** a slow page stretches the schedule (never a switch before the last one rendered): the run's cap */
const CAP_MS = SWITCHES * 6000 + 20_000;
const REPORTED = 'reported';

interface SwitchResult {
  k: number;
  failed: boolean;
  /** ms since the run's start */
  at: number;
  /** the page's first frame after the switch rendered, ms after it */
  frameMs?: number;
  ms?: number;
  lateMs?: number;
  cause?: string;
  error?: string;
  stayed: boolean;
}

const followMs = (r: SwitchResult) => {
  const t = r.ms ?? r.lateMs;
  return t === undefined ? '✗' : String(round(t, 0));
};
const fmt = (v: number[]) =>
  v.length ? `p50 ${ms(median(v))} · p95 ${ms(pct(v, 95))} · max ${ms(Math.max(...v))} (n=${v.length})` : 'none';

export async function measureSwitch(s: ChromiumSession, origin: string) {
  const label = `conversation switch every 2 s, ${ROWS.toLocaleString('en')} rows + 1k mutations/s`;
  const whatCpu = `${label}: extension script per s`;
  const whatShow = `${label}: switch → hint visible (failed chat)`;
  const whatGone = `${label}: switch → hint gone (healthy chat)`;
  let page: Awaited<ReturnType<ChromiumSession['open']>> | null = null;
  try {
    s.serve(SWITCH_CHAT_URL, chatPage(ROWS));
    page = await s.open(SWITCH_CHAT_URL);
    await sleep(1500); // document_idle and the content script's first scan
    const cdp = await s.context.newCDPSession(page);
    await page.evaluate(`window.__bench.start("messages", ${RATE})`);
    await sleep(CFG.warmS * 1000);
    await page.evaluate('window.__bench.mark()');
    const p = page;
    const { profile, value } = await profiled(cdp, SAMPLING_US, async () => {
      const run = p.evaluate(`window.__bench.switchRun(${SWITCHES}, ${PERIOD_MS}, ${ROWS})`) as Promise<SwitchResult[]>;
      // a stuck page must not hold the bench: at the cap, the switches done so far
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cap = new Promise<'cap'>((res) => {
        timer = setTimeout(() => res('cap'), CAP_MS);
      });
      const first = await Promise.race([run, cap]).finally(() => clearTimeout(timer));
      const capped = first === 'cap';
      const results = capped ? ((await p.evaluate('window.__bench.switchStop()')) as SwitchResult[]) : (first as SwitchResult[]);
      if (results.length === 0) throw new Error(`no switch ended within ${CAP_MS / 1000} s`);
      const churn = (await p.evaluate('window.__bench.stop()')) as { mutations: number; ms: number };
      return { results, churn, capped };
    });
    await cdp.detach().catch(() => undefined);
    const { results, churn, capped } = value;
    const sum = summarize(profile, origin);
    const seconds = sum.durationMs / 1000;
    log(label, `${results.length} switches done`);

    rows.push({
      what: whatCpu,
      figure: `${round(sum.extensionMs / seconds, 2)} ms/s (leaf-only ${round(sum.extensionSelfMs / seconds, 2)}; ${results.length} switches in ${round(seconds, 1)} s${capped ? `, stopped at the ${CAP_MS / 1000} s cap` : ''})`,
      budget: REPORTED,
      ok: null,
    });
    for (const failed of [true, false]) {
      const mine = results.filter((r) => r.failed === failed);
      // a follow time is known when the hint came (with the right cause) or went, on time or late
      const timed = mine.filter((r) => (r.ms !== undefined || r.lateMs !== undefined) && (!failed || r.cause === 'sending-too-fast'));
      const times = timed.map((r) => r.ms ?? r.lateMs!);
      const late = timed.filter((r) => r.lateMs !== undefined).length;
      const never = mine.length - timed.length;
      const flap = mine.filter((r) => !r.error && !r.stayed).length;
      const notes = [
        late ? `${late} only after the next switch was due` : '',
        never ? `${never} of ${mine.length} not followed or not measurable` : '',
        flap ? `${flap} ${failed ? 'gone' : 'back'} before the next switch` : '',
      ].filter(Boolean);
      // the page's own time to render the new conversation, for scale (the hint is placed in a frame)
      const frames = mine.flatMap((r) => (r.frameMs === undefined ? [] : [r.frameMs]));
      rows.push({
        what: failed ? whatShow : whatGone,
        figure: `${times.length ? fmt(times) : 'never followed'}${notes.length ? `; ${notes.join(', ')}` : ''}; the page's first frame after the switch: p50 ${ms(median(frames))} · p95 ${ms(pct(frames, 95))}`,
        budget: REPORTED,
        ok: null,
      });
    }
    const errs = [
      ...new Set(results.flatMap((r) => (r.error ? [r.error] : r.failed && r.cause !== 'sending-too-fast' ? [`cause ${r.cause}`] : []))),
    ];
    details.push(
      `${label}: ${results.length} switches (${SWITCHES / 2} to a conversation whose last own message failed with the too-fast notice, ${SWITCHES / 2} to a healthy one), each conversation ${ROWS.toLocaleString('en')} new rows; the switch and the follow-up measured in the page (performance.now() before the switch, MutationObservers on body and the hint host, as for failure → hint), under the profiler (sampling every ${SAMPLING_US} µs).`,
      `  "the page's first frame after the switch": two animation frames after it, i.e. the frame that shows the new rows rendered; it includes the extension's work in the switch's task (its MutationObserver callback) and in that frame.`,
      `  churn achieved (target ${RATE}/s): ${round((churn.mutations / churn.ms) * 1000, 0)}/s; page script time ${round(sum.scriptMs / seconds, 1)} ms/s (incl. GC ${round(sum.gcMs / seconds, 1)} ms/s).`,
      `  per switch (k@s since the start: ms to follow; f = failed chat, ✗ not followed, ! flapped): ${results.map((r) => `${r.k}${r.failed ? 'f' : ''}@${round(r.at / 1000, 1)}: ${followMs(r)}${r.stayed ? '' : '!'}`).join(', ')}${errs.length ? `; not followed: ${errs.join('; ')}` : ''}.`,
      `  heaviest extension frames: ${
        sum.top
          .slice(0, 10)
          .map((t) => `${t.fn} ${t.ms} ms`)
          .join('; ') || 'none'
      }.`,
      '',
    );
  } catch (err) {
    for (const what of [whatCpu, whatShow, whatGone]) failRow(what, REPORTED, err);
  } finally {
    await page?.evaluate('window.__bench.stop()').catch(() => undefined);
    await page?.close().catch(() => undefined);
  }
}
