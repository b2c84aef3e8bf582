import type { CDPSession } from 'playwright-core';

// Reading V8 CPU profiles (CDP Profiler) of a page's renderer. The content script runs in an
// isolated world of the same isolate, so its frames are in the page's profile with
// url = chrome-extension://<id>/tiktok.js.
//
// Attribution rule (a sample's whole timeDelta goes to one owner):
//   walk the sampled stack from the leaf towards the root, skipping frames without a URL (native
//   DOM/builtin functions such as querySelectorAll, getComputedStyle, Array.from); the first frame
//   with a URL decides. So `querySelectorAll` called by the content script is the extension's, a
//   page `append` that makes Blink queue MutationRecords is the page's, and a callback the browser
//   runs for the extension (its MutationObserver, timers, message listeners) is the extension's.
// Samples that are only (program), (idle), (garbage collector) or (root) belong to nobody:
//   "script time" counts JS frames + GC; (program) is native work outside JS (style, layout, paint
//   scheduling, the profiler itself) and (idle) is idle.

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; scriptId: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** profile length, ms */
  durationMs: number;
  /** extension script time by the stack rule above, ms */
  extensionMs: number;
  /** extension time counting only samples whose leaf frame is the extension's own JS, ms */
  extensionSelfMs: number;
  /** every JS sample (page + extension + native calls from JS) plus GC, ms */
  scriptMs: number;
  gcMs: number;
  /** heaviest extension functions (self time by the stack rule), for the report */
  top: Array<{ fn: string; ms: number }>;
}

const META = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** Names a minified frame by its source (`src/x.ts:12`) when the bench has the bundle's source map. */
let locate: ((url: string, line: number, column: number) => string | null) | null = null;
export function setFrameSources(fn: typeof locate): void {
  locate = fn;
}
const frameName = (f: CpuProfile['nodes'][number]['callFrame']) => {
  const where = locate?.(f.url, f.lineNumber, f.columnNumber);
  return `${f.functionName || '(anonymous)'}${where ? ` (${where})` : `:${f.lineNumber}:${f.columnNumber}`}`;
};

export function summarize(profile: CpuProfile, extensionOrigin: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map<number, 'ext' | 'page' | 'none'>();
  const ownerOf = (id: number): 'ext' | 'page' | 'none' => {
    const cached = owner.get(id);
    if (cached) return cached;
    let result: 'ext' | 'page' | 'none' = 'none';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)?.callFrame.url ?? '';
      if (url) {
        result = url.startsWith(extensionOrigin) ? 'ext' : 'page';
        break;
      }
    }
    owner.set(id, result);
    return result;
  };
  let extensionMs = 0;
  let extensionSelfMs = 0;
  let scriptMs = 0;
  let gcMs = 0;
  const perFn = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time *in* sample i is the next delta.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const name = node.callFrame.functionName;
    if (node.callFrame.url === '' && META.has(name)) {
      if (name === '(garbage collector)') {
        gcMs += ms;
        scriptMs += ms;
      }
      continue;
    }
    scriptMs += ms;
    if (node.callFrame.url.startsWith(extensionOrigin)) extensionSelfMs += ms;
    if (ownerOf(node.id) === 'ext') {
      extensionMs += ms;
      // native frames are named with their nearest JS caller (its source line, or minified name:line:column)
      let key = frameName(node.callFrame);
      if (!node.callFrame.url) {
        let cur = parent.get(node.id);
        while (cur !== undefined && !byId.get(cur)!.callFrame.url) cur = parent.get(cur);
        key = `${name} ← ${cur !== undefined ? frameName(byId.get(cur)!.callFrame) : '?'}`;
      }
      perFn.set(key, (perFn.get(key) ?? 0) + ms);
    }
  }
  const top = [...perFn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, ms]) => ({ fn, ms: round(ms, 2) }));
  return { durationMs: (profile.endTime - profile.startTime) / 1000, extensionMs, extensionSelfMs, scriptMs, gcMs, top };
}

export async function profiled<T>(
  cdp: CDPSession,
  intervalUs: number,
  during: () => Promise<T>,
): Promise<{ profile: CpuProfile; value: T }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  let value: T;
  try {
    value = await during();
  } catch (err) {
    // always stop, even on failure, so the next round can start
    await cdp.send('Profiler.stop').catch(() => undefined);
    throw err;
  }
  const stopped = await cdp.send('Profiler.stop');
  return { profile: stopped.profile as unknown as CpuProfile, value };
}

/** The heaviest extension frames over several rounds (their times summed), for the report's details. */
export function heaviestFrames(summaries: ProfileSummary[], n = 10): string {
  const top = new Map<string, number>();
  for (const s of summaries) for (const t of s.top) top.set(t.fn, (top.get(t.fn) ?? 0) + t.ms);
  return (
    [...top]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([f, t]) => `${f} ${round(t, 1)} ms`)
      .join('; ') || 'none'
  );
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
