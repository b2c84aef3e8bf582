import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { TabState } from '../state/tab-state';
import { CheckResultSchema, canRunChecks, running, skipped, verdictBrowserVersion, verdictCaptivePortal, verdictCaptivePortalViaTikTok, verdictClock, verdictDns, verdictOnline, verdictProxy, verdictReach, verdictWebSocket, CHECK_IDS, PROBE_URLS, type CheckResult } from './verdicts';
import { probeDoh, probeHttp, probePortal, probePortalViaTikTok, probeWebSocket } from './probes';
import { lastWebSocketStatus, ownErrorFor } from './own-requests';
import { classifyError } from '../network/error-class';

// One run of the connectivity checks. Politeness (DESIGN.md): ≤ 6 requests to TikTok per run
// (this run makes 4), ≤ 1 run per 30 s per browser — later requests get the cached results with
// their age. Progress is written into the tab's state as each check ends, so a popup shows it and
// a worker stopped mid-run leaves `running` entries that read back as `skipped: interrupted`.

const LastRunSchema = z.object({ at: z.number(), results: z.array(CheckResultSchema) });
const lastRun = storage.defineItem<unknown>('session:checks-last', { fallback: null });
const active = new Set<number | null>();
/** The run in progress, whichever tab asked: a second tab waits for it instead of starting another. */
let inflight: { startedAt: number; runId: string; done: Promise<CheckResult[]> } | null = null;

export function isRunning(tabId: number | null): boolean {
  return active.has(tabId);
}

export interface RunDeps {
  update: (fn: (s: TabState) => TabState) => Promise<void>;
  allowExternal: boolean;
  browser: 'chrome' | 'firefox';
  /** the tab's network evidence, for the dns and proxy checks */
  net: () => Promise<TabState['net']>;
}

/** Starts a run; the tab counts as running from the moment this is called (synchronously). */
export async function runChecksForTab(tabId: number | null, deps: RunDeps): Promise<CheckResult[]> {
  if (active.has(tabId)) return [];
  active.add(tabId);
  try {
    const prev = LastRunSchema.safeParse(await lastRun.getValue());
    const gate = canRunChecks(prev.success ? prev.data.at : null, Date.now());
    if (!gate.allowed && prev.success) {
      const cached = prev.data;
      await deps.update((s) => ({ ...s, checks: { startedAt: cached.at, finishedAt: cached.at, results: cached.results, runId: `cached-${cached.at}` } }));
      return cached.results;
    }
    if (inflight) {
      const shared = inflight;
      const results = await shared.done;
      await deps.update((s) => ({ ...s, checks: { startedAt: shared.startedAt, finishedAt: Date.now(), results, runId: shared.runId } }));
      return results;
    }
    const runId = Math.random().toString(36).slice(2);
    const done = runAll(deps, runId);
    inflight = { startedAt: Date.now(), runId, done };
    try {
      return await done;
    } finally {
      inflight = null;
    }
  } finally {
    active.delete(tabId);
  }
}

async function runAll(deps: RunDeps, runId: string): Promise<CheckResult[]> {
  const startedAt = Date.now();
  // Counted from its start: a run cut short (the worker stopped) still counts for the 30 s limit.
  await lastRun.setValue({ at: startedAt, results: [] });
  const results = new Map<string, CheckResult>(CHECK_IDS.map((id) => [id, running(id)]));
  const write = () => deps.update((s) => ({ ...s, checks: { startedAt, finishedAt: null, results: [...results.values()], runId } }));
  const set = async (r: CheckResult) => {
    results.set(r.id, r);
    await write();
  };
  await write();
  await set(verdictOnline(navigator.onLine));
  await set(verdictBrowserVersion(navigator.userAgent));
  const net = await deps.net();
  await set(verdictProxy(net));
  // A failed probe carries the browser's own error name when webRequest reported one.
  // The webRequest event may arrive a moment after fetch rejects.
  const named = async <T extends { ok: boolean; error?: string }>(url: string, o: T): Promise<T> => {
    // our own timeout aborts the request: the browser's name for that abort is not the cause
    if (o.ok || o.error === 'timeout') return o;
    const name = ownErrorFor(url) ?? (await new Promise((r) => setTimeout(r, 150)), ownErrorFor(url));
    return name ? { ...o, error: name } : o;
  };
  const www = probeHttp(PROBE_URLS.www).then((o) => named(PROBE_URLS.www, o)).then(async (o) => {
    await set(verdictReach('reach-www', o));
    await set(o.ok ? verdictClock(o.date ?? null, o.arrivedAt ?? Date.now(), o.ms) : skipped('clock', 'clock.noDate'));
    return o;
  });
  const im = probeHttp(PROBE_URLS.imApi).then((o) => named(PROBE_URLS.imApi, o)).then((o) => set(verdictReach('reach-im-api', o)));
  const ws = probeWebSocket(PROBE_URLS.imWs, lastWebSocketStatus).then((o) => set(verdictWebSocket(o)));
  const portal = deps.allowExternal
    ? probePortal(PROBE_URLS.portal).then((o) => set(verdictCaptivePortal(o)))
    : probePortalViaTikTok(PROBE_URLS.portalViaTikTok).then((o) => set(verdictCaptivePortalViaTikTok(o)));
  const doh = deps.allowExternal ? probeDoh(PROBE_URLS.doh) : Promise.resolve(null);
  const [wwwOutcome, dohAnswer] = await Promise.all([www, doh, im, ws, portal]);
  const dnsErrors = net.some((e) => e.kind === 'error' && e.cls === 'dns') || (!wwwOutcome.ok && classifyError(wwwOutcome.error) === 'dns');
  await set(
    verdictDns({
      tiktok: wwwOutcome.ok ? 'ok' : dnsErrors ? 'fails' : 'unknown',
      other: 'unknown',
      browserSinkhole: net.some((e) => e.sinkhole === true),
      doh: dohAnswer,
    }),
  );
  const finished = [...results.values()];
  await deps.update((s) => ({ ...s, checks: { startedAt, finishedAt: Date.now(), results: finished, runId } }));
  await lastRun.setValue({ at: Date.now(), results: finished });
  return finished;
}
